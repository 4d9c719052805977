import { afterEach, describe, expect, it } from "vitest";
import { cloneObject, freezeInPlace } from "./clone-object.js";
import type { JsonObject } from "./json-object.js";

function withProtoKey(): JsonObject {
  const object: JsonObject = { metadata: { name: "a" } };
  Object.defineProperty(object, "__proto__", {
    value: { polluted: true },
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return object;
}

const cases: Array<{ name: string; value: unknown }> = [
  { name: "a scalar is returned as it is", value: "text" },
  { name: "null stays null", value: null },
  {
    name: "a pod-shaped object is copied with its key order",
    value: {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web", labels: { app: "web" }, finalizers: ["a", "b"] },
      spec: { containers: [{ name: "c", ports: [{ containerPort: 80 }] }], nodeName: "n" },
      status: { conditions: [{ type: "Ready", status: "True" }], hostIP: null },
    },
  },
  { name: "nested arrays are copied level by level", value: [[1, 2], [], [[3]]] },
  {
    name: "a null-prototype map is copied as a plain object",
    value: Object.assign(Object.create(null), { x: "1" }),
  },
];

describe("cloneObject", () => {
  it.each(cases)("$name", ({ value }) => {
    const copy = cloneObject(value);
    expect(copy).toEqual(value);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    if (typeof value === "object" && value !== null) expect(copy).not.toBe(value);
  });

  it("shares nothing with the original", () => {
    const original = { spec: { containers: [{ name: "c", args: ["x"] }] } };
    const copy = cloneObject(original);
    (copy.spec.containers[0] as { args: string[] }).args.push("y");
    copy.spec.containers.push({ name: "d", args: [] });
    expect(original).toEqual({ spec: { containers: [{ name: "c", args: ["x"] }] } });
  });

  it("copies a __proto__ key as plain data, never as the prototype", () => {
    const copy = cloneObject(withProtoKey());
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["metadata", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).toEqual({ polluted: true });
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });

  describe("with a polluted Object.prototype", () => {
    afterEach(() => {
      delete (Object.prototype as Record<string, unknown>).injected;
    });

    it("copies only the object's own keys", () => {
      (Object.prototype as Record<string, unknown>).injected = "yes";
      const copy = cloneObject({ metadata: { name: "a", labels: { app: "web" } }, items: [{ x: 1 }] });
      expect(Object.keys(copy)).toEqual(["metadata", "items"]);
      expect(Object.keys(copy.metadata)).toEqual(["name", "labels"]);
      expect(Object.keys(copy.metadata.labels)).toEqual(["app"]);
      expect(Object.keys(copy.items[0] as object)).toEqual(["x"]);
    });
  });
});

function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

describe("freezeInPlace", () => {
  it.each(cases)("$name, and every level is frozen in place", ({ value }) => {
    const text = JSON.stringify(value);
    const frozen = freezeInPlace(value);
    expect([frozen === value, JSON.stringify(frozen), isDeeplyFrozen(frozen)]).toEqual([true, text, true]);
  });

  it("does not walk into a subtree that is already frozen", () => {
    const shared = Object.freeze({ containers: [{ name: "c" }] });
    const object = { metadata: { name: "a" }, spec: shared };
    freezeInPlace(object);
    expect([
      Object.isFrozen(object),
      Object.isFrozen(object.metadata),
      Object.isFrozen(shared.containers),
    ]).toEqual([true, true, false]);
  });

  it("freezes a __proto__ key's value as plain data, never touching the prototype", () => {
    const object = freezeInPlace(withProtoKey());
    expect([
      Object.getPrototypeOf(object) === Object.prototype,
      Object.keys(object),
      isDeeplyFrozen(Object.getOwnPropertyDescriptor(object, "__proto__")?.value),
      Object.isFrozen(Object.prototype),
    ]).toEqual([true, ["metadata", "__proto__"], true, false]);
  });

  describe("with a polluted Object.prototype", () => {
    afterEach(() => {
      delete (Object.prototype as Record<string, unknown>).injected;
    });

    it("freezes the object's own keys and leaves the prototype writable", () => {
      (Object.prototype as Record<string, unknown>).injected = "yes";
      const object = freezeInPlace({ metadata: { name: "a", labels: { app: "web" } }, items: [{ x: 1 }] });
      expect([Object.keys(object), isDeeplyFrozen(object), Object.isFrozen(Object.prototype)]).toEqual([
        ["metadata", "items"],
        true,
        false,
      ]);
    });
  });
});
