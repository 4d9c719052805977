import { formatKubernetesTime } from "../node-lifecycle/format-time.js";

/**
 * A deterministic 128-bit hex digest (four seeded FNV-1a 32-bit lanes) used where the
 * kubelet derives ids from content (static pod config hashes, container ids). Not
 * cryptographic: it only has to be stable and spread well.
 */
export function kubeletHash(text: string, hexLength = 32): string {
  const laneCount = Math.ceil(hexLength / 8);
  if (!(laneCount > 0)) return "";
  // All lanes advance in one pass over the text (each lane is still its own FNV-1a chain),
  // kept as int32 in a typed array (no boxed numbers) and read unsigned at the end.
  const lanes = new Int32Array(laneCount);
  for (let lane = 0; lane < laneCount; lane++) lanes[lane] = 0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    for (let lane = 0; lane < laneCount; lane++) {
      lanes[lane] = Math.imul((lanes[lane] as number) ^ code, 0x01000193);
    }
  }
  let result = "";
  for (const hash of lanes) result += (hash >>> 0).toString(16).padStart(8, "0");
  return result.slice(0, hexLength);
}

/** Formats epoch milliseconds as the API server's RFC 3339 seconds-precision timestamp. */
export function kubeletTimestamp(epochMs: number): string {
  return formatKubernetesTime(epochMs);
}
