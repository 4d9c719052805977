import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KubesimError } from "../errors/index.js";
import { renderYaml } from "./yaml-output.js";

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
}

// Recorded with kubectl v1.32 (`kubectl annotate --local -f case.json q=r -o yaml|json`):
// each case holds the input object and kubectl's exact output.
interface RecordedCase {
  readonly name: string;
  readonly object: object;
  readonly yaml: string;
  readonly json: string;
}
const recordedCases = JSON.parse(fixture("kubectl-output-cases.json")) as RecordedCase[];
const listTranscript = JSON.parse(fixture("08-get-ds-json.stdout.txt")) as { items: object[] };

describe("renderYaml", () => {
  it.each(recordedCases)("$name", ({ object, yaml }) => {
    expect(renderYaml(object)).toBe(yaml);
  });

  it("prints a single DaemonSet exactly as `kubectl get ds nginx -o yaml` does", () => {
    expect(renderYaml(listTranscript.items[0] as object)).toBe(fixture("07-get-ds-yaml.stdout.txt"));
  });

  it.each([["24b-get-ds-yaml-after-migration.stdout.txt"], ["26c-get-ds-yaml-managedfields.stdout.txt"]])(
    "reproduces the transcript %s from the object it shows, managed fields and literal blocks included",
    (name) => {
      const text = fixture(name);
      expect(renderYaml(parse(text) as object, { showManagedFields: true })).toBe(text);
    },
  );

  it("drops metadata.managedFields unless showManagedFields is set, as kubectl does by default", () => {
    const object = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c", managedFields: [{ manager: "kubectl" }] },
    };
    expect(renderYaml(object)).toBe("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    expect(renderYaml(object, { showManagedFields: true })).toBe(
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  managedFields:\n  - manager: kubectl\n  name: c\n",
    );
    expect(object.metadata.managedFields).toEqual([{ manager: "kubectl" }]);
  });

  it("wraps an array in a v1 List with an empty resourceVersion, even with one or no items", () => {
    expect(renderYaml([])).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(renderYaml([{ apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } }])).toBe(
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: a\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it("prints a __proto__ key as data without touching any prototype", () => {
    const object = JSON.parse('{"kind":"X","data":{"__proto__":{"polluted":"yes"}}}') as object;
    expect(renderYaml(object)).toBe('data:\n  __proto__:\n    polluted: "yes"\nkind: X\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("replaces lone surrogates by U+FFFD as decoding them in Go does", () => {
    expect(renderYaml({ kind: "X", value: "a\ud800b" })).toBe("kind: X\nvalue: a\ufffdb\n");
  });

  it.each([
    [
      "a circular object",
      (() => {
        const object: Record<string, unknown> = { kind: "X" };
        object.self = object;
        return object;
      })(),
    ],
    ["an object holding a BigInt", { kind: "X", size: 1n }],
  ])("rejects %s with a KubesimError", (_description, object) => {
    expect(() => renderYaml(object)).toThrowError(KubesimError);
    expect(() => renderYaml(object)).toThrowError(
      "The object cannot be printed: it is not representable as JSON.",
    );
  });
});
