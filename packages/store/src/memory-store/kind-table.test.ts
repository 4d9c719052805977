import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KindTable } from "./kind-table.js";

type Step =
  | { readonly op: "put"; readonly key: string }
  | { readonly op: "remove"; readonly key: string }
  | { readonly op: "read" };

const key = fc.constantFrom(
  "default/a",
  "default/b",
  "default/a-1",
  "kube-system/z",
  "team/é",
  "team/Z",
  "b",
);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant("put" as const), key }),
  fc.record({ op: fc.constant("remove" as const), key }),
  fc.constant({ op: "read" as const }),
);

function object(name: string) {
  return { metadata: { name } };
}

describe("KindTable.sortedKeys", () => {
  it.each([
    {
      name: "sorts keys added before the first read",
      puts: ["b/x", "a/y", "a/x"],
      expected: ["a/x", "a/y", "b/x"],
    },
    {
      name: "sorts by code unit, as etcd orders keys",
      puts: ["a/b", "a/B", "a/é"],
      expected: ["a/B", "a/b", "a/é"],
    },
  ])("$name", ({ puts, expected }) => {
    const table = new KindTable(false);
    for (const put of puts) table.put(put, object(put));
    expect(table.sortedKeys()).toEqual(expected);
  });

  it("stays sorted through any mix of creates, replacements, removals and reads", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const table = new KindTable(true);
        const keys = new Set<string>();
        for (const current of steps) {
          if (current.op === "put") {
            table.put(current.key, object(current.key));
            keys.add(current.key);
          } else if (current.op === "remove") {
            table.remove(current.key);
            keys.delete(current.key);
          } else {
            expect(table.sortedKeys()).toEqual([...keys].sort());
          }
        }
        expect(table.sortedKeys()).toEqual([...keys].sort());
      }),
    );
  });
});
