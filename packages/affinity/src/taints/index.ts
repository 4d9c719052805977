export { validateTolerations } from "@kubesim/core";
export { applyTaintChanges, type TaintChangeResult, type TaintOperation } from "./apply-taint-changes.js";
export {
  addOrUpdateTolerations,
  daemonSetDefaultTolerations,
  matchToleration,
} from "./daemonset-tolerations.js";
export { findUntoleratedTaint, untoleratedTaintReason } from "./find-untolerated-taint.js";
export {
  parseTaint,
  parseTaintArguments,
  type TaintArguments,
  validateTaintChanges,
} from "./parse-taint-arguments.js";
export { TaintArgumentError, type TaintArgumentErrorReason } from "./taint-argument-error.js";
export { doNotScheduleTaintFilter, TaintEffect, taintEffects, wellKnownTaintKeys } from "./taint-effects.js";
export { matchTaint, taintToString } from "./taint-identity.js";
export { toleratesTaint, tolerationsTolerateTaint } from "./tolerates-taint.js";
