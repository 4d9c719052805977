import { KubesimError } from "../errors/index.js";

/**
 * A seeded pseudo-random source. The same seed always gives the same sequence, which
 * is what makes generated names and scheduler tie-breaks reproducible.
 */
export interface Random {
  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
  /** A uniformly distributed integer in `[0, bound)`; `bound` must be a positive integer. */
  nextInt(bound: number): number;
  /** A float in `[0, 1)`. */
  nextFloat(): number;
}

function hashSeed(seed: string): number {
  // FNV-1a over the UTF-16 code units: a stable string-to-seed mapping.
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Creates a {@link Random} from a seed (sfc32 generator, seeded through splitmix32).
 *
 * @example
 * const random = createRandom(42);
 * random.nextInt(10); // always the same value for seed 42
 */
export function createRandom(seed: number | string): Random {
  let state = typeof seed === "string" ? hashSeed(seed) : Math.trunc(seed) >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 16), 0x85ebca6b) >>> 0;
    value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35) >>> 0;
    return (value ^ (value >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let counter = splitmix();
  const nextUint32 = (): number => {
    const result = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + result) >>> 0;
    return result;
  };
  return {
    nextUint32,
    nextFloat: () => nextUint32() / 0x1_0000_0000,
    nextInt(bound: number): number {
      if (!Number.isInteger(bound) || bound <= 0 || bound > 0x1_0000_0000) {
        throw new KubesimError(`random bound must be an integer between 1 and 2^32, got ${bound}`);
      }
      // Rejection sampling keeps the distribution exactly uniform.
      const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
      for (;;) {
        const value = nextUint32();
        if (value < limit) return value % bound;
      }
    },
  };
}

/** The characters upstream uses for random name suffixes (no vowels, no look-alikes). */
export const nameSuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

/** Length of the random suffix upstream appends for `metadata.generateName`. */
export const generatedNameSuffixLength = 5;

const maxNameLength = 63;

/** `length` characters drawn from {@link nameSuffixAlphabet}. */
export function randomNameSuffix(random: Random, length = generatedNameSuffixLength): string {
  let suffix = "";
  for (let index = 0; index < length; index++) {
    suffix += nameSuffixAlphabet[random.nextInt(nameSuffixAlphabet.length)];
  }
  return suffix;
}

/**
 * Builds a name from `metadata.generateName` as the API server does: the base is cut to
 * 58 characters so the result fits 63, then 5 random characters are appended.
 *
 * @example
 * generateName("nginx-", createRandom(1)) // => "nginx-" + 5 characters such as "x7k2p"
 */
export function generateName(base: string, random: Random): string {
  const maxBase = maxNameLength - generatedNameSuffixLength;
  const prefix = base.length > maxBase ? base.slice(0, maxBase) : base;
  return prefix + randomNameSuffix(random);
}
