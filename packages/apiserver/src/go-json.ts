import { escapeJsonLikeGo } from "@kubesim/core";

/**
 * Serialises `value` as kube-apiserver's JSON encoder writes it: `JSON.stringify`'s text
 * with `<`, `>`, `&`, U+2028 and U+2029 escaped as Go's `encoding/json` does by default.
 *
 * @remarks
 * Clients compare these bytes: `kubectl rollout undo` byte-compares a ControllerRevision's
 * data with its own Go encoding of the template, so `a && b` must arrive as `a \u0026\u0026 b`.
 */
export function goJsonText(value: unknown): string {
  return escapeJsonLikeGo(JSON.stringify(value));
}
