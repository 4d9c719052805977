import type { Random } from "@kubesim/core";

const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/**
 * A version 4 UUID drawn from the store's seeded random source, so that the same seed
 * and the same operations give the same uids.
 */
export function createUid(random: Random): string {
  const bytes = new Array<number>(16);
  for (let word = 0; word < 4; word++) {
    const value = random.nextUint32();
    bytes[word * 4] = value >>> 24;
    bytes[word * 4 + 1] = (value >>> 16) & 0xff;
    bytes[word * 4 + 2] = (value >>> 8) & 0xff;
    bytes[word * 4 + 3] = value & 0xff;
  }
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const text = bytes.map((byte) => hex[byte] as string).join("");
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
