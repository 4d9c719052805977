import { arrayField, isEmptyString, isJsonObject, isUnset, type JsonObject } from "./json-fields.js";

/** Taint key the node lifecycle controller sets when a node's Ready condition is False. */
const notReadyTaintKey = "node.kubernetes.io/not-ready";
/** Taint key the node lifecycle controller sets when a node's Ready condition is Unknown. */
const unreachableTaintKey = "node.kubernetes.io/unreachable";
/** Upstream's `--default-not-ready-toleration-seconds` / `--default-unreachable-toleration-seconds`. */
const defaultTolerationSeconds = 300;

/**
 * The DefaultTolerationSeconds admission plugin (pod create and update), in place.
 *
 * @remarks
 * A pod with no toleration covering `node.kubernetes.io/not-ready:NoExecute` gets
 * `{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute,
 * tolerationSeconds: 300}` appended, and likewise for `node.kubernetes.io/unreachable`
 * (not-ready first). A toleration covers a key when its key is that key or empty and its
 * effect is `NoExecute` or empty; operator, value and tolerationSeconds do not matter.
 * So a pod tolerating everything (`operator: Exists` with no key) gets nothing.
 */
export function addDefaultTolerationSeconds(spec: JsonObject): void {
  const current = spec.tolerations;
  if (!isUnset(current) && !Array.isArray(current)) return;
  let toleratesNotReady = false;
  let toleratesUnreachable = false;
  for (const toleration of arrayField(spec, "tolerations") ?? []) {
    if (!isJsonObject(toleration) || !coversNoExecute(toleration.effect)) continue;
    const key = toleration.key;
    if (isEmptyString(key) || key === notReadyTaintKey) toleratesNotReady = true;
    if (isEmptyString(key) || key === unreachableTaintKey) toleratesUnreachable = true;
  }
  if (toleratesNotReady && toleratesUnreachable) return;
  const tolerations = Array.isArray(current) ? current : [];
  if (!toleratesNotReady) tolerations.push(defaultToleration(notReadyTaintKey));
  if (!toleratesUnreachable) tolerations.push(defaultToleration(unreachableTaintKey));
  spec.tolerations = tolerations;
}

function coversNoExecute(effect: unknown): boolean {
  return isEmptyString(effect) || effect === "NoExecute";
}

function defaultToleration(key: string): JsonObject {
  return { key, operator: "Exists", effect: "NoExecute", tolerationSeconds: defaultTolerationSeconds };
}
