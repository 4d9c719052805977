export { type LoadManifestsOptions, loadManifests } from "./load-manifests.js";
export { ManifestError, type ManifestErrorReason } from "./manifest-error.js";
