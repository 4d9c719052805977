export { createImageLocality, imageLocalityDefinition, normalizedImageName } from "./image-locality.js";
