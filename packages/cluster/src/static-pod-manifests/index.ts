export { readStaticPodManifests } from "./read-static-pod-manifests.js";
