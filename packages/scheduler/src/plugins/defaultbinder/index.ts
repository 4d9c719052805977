export { type BinderHandle, binderClient, isBinderHandle } from "./binder-handle.js";
export { createDefaultBinder, defaultBinderDefinition, podBinding } from "./default-binder.js";
