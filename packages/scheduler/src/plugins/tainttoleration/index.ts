export {
  createTaintToleration,
  type TaintTolerationPlugin,
  taintTolerationDefinition,
} from "./taint-toleration.js";
