/**
 * A deterministic 128-bit hex digest (four seeded FNV-1a 32-bit lanes) used where the
 * kubelet derives ids from content (static pod config hashes, container ids). Not
 * cryptographic: it only has to be stable and spread well.
 */
export function kubeletHash(text: string, hexLength = 32): string {
  let result = "";
  for (let lane = 0; result.length < hexLength; lane++) {
    let hash = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    result += hash.toString(16).padStart(8, "0");
  }
  return result.slice(0, hexLength);
}

const fractionalSeconds = /\.\d{3}Z$/;

/** Formats epoch milliseconds as the API server's RFC 3339 seconds-precision timestamp. */
export function kubeletTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(fractionalSeconds, "Z");
}
