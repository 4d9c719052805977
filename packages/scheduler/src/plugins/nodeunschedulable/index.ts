export {
  createNodeUnschedulable,
  nodeUnschedulableDefinition,
  nodeUnschedulableReasonUnknownCondition,
  nodeUnschedulableReasonUnschedulable,
} from "./node-unschedulable.js";
