import { isQualifiedName, isValidLabelValue, type Taint } from "@kubesim/core";
import { TaintArgumentError } from "./taint-argument-error.js";
import { taintEffects } from "./taint-effects.js";

/** The taints one `kubectl taint` command adds and removes, in argument order. */
export interface TaintArguments {
  /** Taints to add or update, each with key and effect (and `value` only when not empty). */
  readonly toAdd: Taint[];
  /** Taints to remove: `effect` is `""` when every effect of the key goes. */
  readonly toRemove: Taint[];
}

function invalidSpec(spec: string, problems?: readonly string[]): TaintArgumentError {
  const detail = problems && problems.length > 0 ? `, ${problems.join("; ")}` : "";
  return new TaintArgumentError("InvalidTaintSpec", `invalid taint spec: ${spec}${detail}`);
}

function makeTaint(key: string, value: string, effect: string): Taint {
  return value === "" ? { key, effect } : { key, value, effect };
}

/** Go's `%v` of a `corev1.Taint` value, e.g. `{foo bar NoSchedule <nil>}`. */
function goTaintStruct(taint: Taint): string {
  return `{${taint.key} ${taint.value ?? ""} ${taint.effect} <nil>}`;
}

/**
 * Parses one taint written as `key=value:effect`, `key:effect` or `key` (kubectl's `parseTaint`).
 *
 * An effect must be supported, the value a label value and the key a qualified name.
 * `key` alone leaves the effect `""`; `value` is set only when not empty. Returns a new
 * Taint.
 *
 * @throws TaintArgumentError with kubectl's message: reason `InvalidTaintEffect`
 *   (`invalid taint effect: <effect>, unsupported taint effect`) or `InvalidTaintSpec`
 *   (`invalid taint spec: <spec>`, followed by `, <problems>` for a bad key or value).
 * @example
 * parseTaint("dedicated=gpu:NoSchedule") // => { key: "dedicated", value: "gpu", effect: "NoSchedule" }
 * parseTaint("dedicated") // => { key: "dedicated", effect: "" }
 * parseTaint("dedicated:Sometimes")
 * // throws TaintArgumentError: "invalid taint effect: Sometimes, unsupported taint effect"
 */
export function parseTaint(spec: string): Taint {
  const parts = spec.split(":");
  let key: string;
  let value = "";
  let effect = "";
  if (parts.length === 1) {
    key = spec;
  } else if (parts.length === 2) {
    effect = parts[1] ?? "";
    if (!(taintEffects as readonly string[]).includes(effect)) {
      throw new TaintArgumentError(
        "InvalidTaintEffect",
        `invalid taint effect: ${effect}, unsupported taint effect`,
      );
    }
    const keyAndValue = (parts[0] ?? "").split("=");
    if (keyAndValue.length > 2) throw invalidSpec(spec);
    key = keyAndValue[0] ?? "";
    if (keyAndValue.length === 2) {
      value = keyAndValue[1] ?? "";
      const problems = isValidLabelValue(value);
      if (problems.length > 0) throw invalidSpec(spec, problems);
    }
  } else {
    throw invalidSpec(spec);
  }
  const problems = isQualifiedName(key);
  if (problems.length > 0) throw invalidSpec(spec, problems);
  return makeTaint(key, value, effect);
}

/**
 * Parses the taint arguments of `kubectl taint` exactly as kubectl v1.32's `parseTaints`.
 *
 * `key=value:Effect` and `key:Effect` add a taint; a trailing `-` removes one (`key-`
 * every effect of the key, `key:Effect-` or `key=value:Effect-` one effect; the value is
 * ignored). Adding needs an effect, and two added taints may not share key and effect. An
 * add and a remove of the same taint parse fine: kubectl rejects them later, see
 * {@link validateTaintChanges}.
 *
 * @throws TaintArgumentError with kubectl's message on the first bad argument: the errors
 *   of {@link parseTaint}, `invalid taint spec: <arg>` for an added taint without effect,
 *   or reason `DuplicateTaint` (`duplicated taints with the same key and effect: {k v E <nil>}`).
 * @example
 * parseTaintArguments(["dedicated=gpu:NoSchedule", "old-"])
 * // => { toAdd: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }], toRemove: [{ key: "old", effect: "" }] }
 * parseTaintArguments(["dedicated"]) // throws TaintArgumentError: "invalid taint spec: dedicated"
 */
export function parseTaintArguments(args: readonly string[]): TaintArguments {
  const toAdd: Taint[] = [];
  const toRemove: Taint[] = [];
  const keysByEffect = new Map<string, Set<string>>();
  for (const argument of args) {
    const spec = typeof argument === "string" ? argument : String(argument);
    if (spec.endsWith("-")) {
      const taint = parseTaint(spec.slice(0, -1));
      toRemove.push({ key: taint.key, effect: taint.effect });
      continue;
    }
    const taint = parseTaint(spec);
    if (taint.effect === "") throw invalidSpec(spec);
    let keys = keysByEffect.get(taint.effect);
    if (keys?.has(taint.key)) {
      throw new TaintArgumentError(
        "DuplicateTaint",
        `duplicated taints with the same key and effect: ${goTaintStruct(taint)}`,
      );
    }
    if (keys === undefined) {
      keys = new Set();
      keysByEffect.set(taint.effect, keys);
    }
    keys.add(taint.key);
    toAdd.push(taint);
  }
  return { toAdd, toRemove };
}

/**
 * Rejects a command that both adds and removes a taint (kubectl's `Validate`).
 *
 * An added taint conflicts with a removal of its key without an effect, or with its key
 * and effect. Returns nothing when there is no conflict.
 *
 * @throws TaintArgumentError (reason `ModifyAndRemove`) whose message lists every
 *   conflict as `key=effect` (the removal's effect, `""` for a whole key).
 * @example
 * validateTaintChanges([{ key: "a", effect: "NoSchedule" }], [{ key: "a", effect: "NoExecute" }]) // => undefined
 * validateTaintChanges([{ key: "a", effect: "NoSchedule" }], [{ key: "a", effect: "" }])
 * // throws TaintArgumentError: "can not both modify and remove the following taint(s) in the same command: a="
 */
export function validateTaintChanges(toAdd: readonly Taint[], toRemove: readonly Taint[]): void {
  const conflicts: string[] = [];
  for (const added of toAdd) {
    for (const removed of toRemove) {
      if (added.key !== removed.key) continue;
      if (!removed.effect || added.effect === removed.effect) {
        conflicts.push(`${removed.key}=${removed.effect ?? ""}`);
      }
    }
  }
  if (conflicts.length > 0) {
    throw new TaintArgumentError(
      "ModifyAndRemove",
      `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(", ")}`,
    );
  }
}
