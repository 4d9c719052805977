import { KubesimError, nameSuffixAlphabet, type PodTemplateSpec } from "@kubesim/core";
import { canonicalJson } from "./canonical-json.js";

const fnvOffsetBasis = 0x811c9dc5;
const fnvPrime = 0x01000193;
const utf8 = new TextEncoder();

function fnv1aByte(hash: number, byte: number): number {
  return Math.imul(hash ^ byte, fnvPrime) >>> 0;
}

/**
 * Upstream's `rand.SafeEncodeString`: maps each character of `text` to
 * `bcdfghjklmnpqrstvwxz2456789` by its code modulo 27, so a decimal number turns into
 * a string with no vowels (no accidental words) that is a valid label value.
 *
 * @example
 * safeEncodeString("0123456789") // => "456789bcdf"
 */
export function safeEncodeString(text: string): string {
  let encoded = "";
  for (const character of text) {
    encoded += nameSuffixAlphabet[(character.codePointAt(0) as number) % nameSuffixAlphabet.length];
  }
  return encoded;
}

/**
 * Hashes a pod template into the value of the `controller-revision-hash` label (and the
 * suffix of the ControllerRevision name `<ds>-<hash>`), as upstream's `ComputeHash`.
 *
 * Shape as upstream: a 32-bit FNV-1a over the template, then — when `collisionCount` is
 * set — 8 more bytes (the count as a little-endian uint32, then four zero bytes), and the
 * decimal of the sum rendered through {@link safeEncodeString} (typically 8–10
 * characters from `bcdfghjklmnpqrstvwxz2456789`).
 *
 * Differences from upstream, on purpose: upstream feeds FNV a Go `%#v`-style dump of the
 * struct, which cannot be reproduced outside Go; kubesim feeds it the template's
 * {@link canonicalJson} text (UTF-8, keys sorted at every level), so the VALUES differ from
 * a real cluster's but are stable: the same template (same JSON data, in any key order)
 * always gives the same hash. And `collisionCount` 0 is treated like an absent count (no
 * bytes mixed in), so callers may default the count to 0; upstream only ever moves it
 * from absent to 1.
 *
 * Hash the template as stored (after defaulting): the pods' labels are computed from that.
 *
 * @throws KubesimError when `collisionCount` is not an integer, or the template is cyclic.
 * @example
 * const hash = hashPodTemplate(daemonSet.spec.template, daemonSet.status?.collisionCount);
 * hash === hashPodTemplate(structuredClone(daemonSet.spec.template)) // => true (collisionCount unset)
 */
export function hashPodTemplate(template: PodTemplateSpec, collisionCount?: number | null): string {
  let hash = fnvOffsetBasis;
  const bytes = utf8.encode(canonicalJson(template));
  for (let index = 0; index < bytes.length; index++) hash = fnv1aByte(hash, bytes[index] as number);
  if (collisionCount !== undefined && collisionCount !== null && collisionCount !== 0) {
    if (!Number.isInteger(collisionCount)) {
      throw new KubesimError(`collisionCount must be an integer, got ${String(collisionCount)}`);
    }
    const count = collisionCount >>> 0;
    for (let shift = 0; shift < 32; shift += 8) hash = fnv1aByte(hash, (count >>> shift) & 0xff);
    for (let padding = 0; padding < 4; padding++) hash = fnv1aByte(hash, 0);
  }
  return safeEncodeString(String(hash));
}
