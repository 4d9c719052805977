export { clusterEvents } from "./cluster-events.js";
export { defaultNormalizeScore, maxNodeScore, minNodeScore } from "./default-normalize-score.js";
