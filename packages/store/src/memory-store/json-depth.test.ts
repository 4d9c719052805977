import { afterEach, describe, expect, it } from "vitest";
import { exceedsMaxDepth, maxObjectDepth } from "./json-depth.js";

/** `count` containers nested in one another, innermost holding a scalar. */
function chain(count: number, container: "object" | "array"): unknown {
  let value: unknown = "leaf";
  for (let level = 0; level < count; level++) value = container === "object" ? { x: value } : [1, value];
  return value;
}

function circular(): unknown {
  const node: Record<string, unknown> = { name: "loop" };
  node.self = [node];
  return node;
}

const cases = [
  { name: "a scalar is never too deep", value: "text", expected: false },
  { name: "null is never too deep", value: null, expected: false },
  {
    name: "a pod-shaped object is not too deep",
    value: { spec: { containers: [{ ports: [{ containerPort: 80 }] }] } },
    expected: false,
  },
  {
    name: `${maxObjectDepth} nested objects are accepted`,
    value: chain(maxObjectDepth, "object"),
    expected: false,
  },
  {
    name: `${maxObjectDepth + 1} nested objects are too deep`,
    value: chain(maxObjectDepth + 1, "object"),
    expected: true,
  },
  {
    name: `${maxObjectDepth} nested arrays are accepted`,
    value: chain(maxObjectDepth, "array"),
    expected: false,
  },
  {
    name: `${maxObjectDepth + 1} nested arrays are too deep`,
    value: chain(maxObjectDepth + 1, "array"),
    expected: true,
  },
  {
    name: "a circular structure is too deep instead of overflowing the stack",
    value: circular(),
    expected: true,
  },
];

describe("exceedsMaxDepth", () => {
  it.each(cases)("$name", ({ value, expected }) => {
    expect(exceedsMaxDepth(value)).toBe(expected);
  });

  describe("with a polluted Object.prototype", () => {
    afterEach(() => {
      delete (Object.prototype as Record<string, unknown>).injected;
    });

    it.each(cases)("$name, counting only own keys", ({ value, expected }) => {
      (Object.prototype as Record<string, unknown>).injected = chain(maxObjectDepth + 1, "object");
      expect(exceedsMaxDepth(value)).toBe(expected);
    });
  });
});
