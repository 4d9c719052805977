import { describe, expect, it } from "vitest";
import { createRandom, generateName, nameSuffixAlphabet, randomNameSuffix } from "./random.js";

describe("createRandom", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const first = createRandom(42);
    const second = createRandom(42);
    const other = createRandom(43);
    const draw = (random: ReturnType<typeof createRandom>) =>
      Array.from({ length: 8 }, () => random.nextUint32());
    const sequence = draw(first);
    expect(draw(second)).toEqual(sequence);
    expect(draw(other)).not.toEqual(sequence);
  });

  it("accepts string seeds deterministically", () => {
    expect(createRandom("cluster-a").nextUint32()).toBe(createRandom("cluster-a").nextUint32());
  });

  it("draws integers within the bound and floats within [0, 1)", () => {
    const random = createRandom(7);
    const counts = new Array(6).fill(0);
    for (let index = 0; index < 6000; index++) {
      const value = random.nextInt(6);
      counts[value]++;
      const float = random.nextFloat();
      expect(float).toBeGreaterThanOrEqual(0);
      expect(float).toBeLessThan(1);
    }
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });

  it.each([{ bound: 0 }, { bound: -1 }, { bound: 1.5 }, { bound: Number.NaN }])(
    "rejects the bound $bound",
    ({ bound }) => {
      expect(() => createRandom(1).nextInt(bound)).toThrowError(/random bound must be an integer/);
    },
  );
});

describe("generateName", () => {
  it("appends five characters from upstream's alphabet", () => {
    const name = generateName("nginx-", createRandom(1));
    expect(name).toMatch(new RegExp(`^nginx-[${nameSuffixAlphabet}]{5}$`));
  });

  it("is reproducible for a seed", () => {
    const first = createRandom(99);
    const second = createRandom(99);
    expect([generateName("a-", first), generateName("a-", first)]).toEqual([
      generateName("a-", second),
      generateName("a-", second),
    ]);
  });

  it("cuts a long base to 58 characters so the name fits 63", () => {
    const name = generateName("x".repeat(80), createRandom(3));
    expect(name).toHaveLength(63);
    expect(name.startsWith("x".repeat(58))).toBe(true);
  });

  it("builds suffixes of a requested length", () => {
    expect(randomNameSuffix(createRandom(5), 10)).toHaveLength(10);
  });
});
