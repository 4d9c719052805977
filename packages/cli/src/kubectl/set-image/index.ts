export { runSetImage, type SetImageOptions } from "./set-image.js";
export { registerSetImageCommand } from "./set-image-command.js";
