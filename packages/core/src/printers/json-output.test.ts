import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goJsonString, renderJson } from "./json-output.js";

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
}

// Recorded with kubectl v1.32, see yaml-output.test.ts.
const recordedCases = JSON.parse(fixture("kubectl-output-cases.json")) as {
  readonly name: string;
  readonly object: object;
  readonly json: string;
}[];

describe("renderJson", () => {
  it.each(recordedCases)("$name", ({ object, json }) => {
    expect(renderJson(object)).toBe(json);
  });

  it("prints a list of DaemonSets exactly as `kubectl get ds -o json` does, List wrapper included", () => {
    const text = fixture("08-get-ds-json.stdout.txt");
    const list = JSON.parse(text) as { items: object[] };
    expect(renderJson(list.items)).toBe(text);
  });

  it("prints an empty list with compact empty items", () => {
    expect(renderJson([])).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });

  it("drops metadata.managedFields by default and keeps them with showManagedFields", () => {
    const object = { kind: "X", metadata: { managedFields: [], name: "x" } };
    expect(renderJson(object)).toBe(
      '{\n    "kind": "X",\n    "metadata": {\n        "name": "x"\n    }\n}\n',
    );
    expect(renderJson(object, { showManagedFields: true })).toContain('"managedFields": []');
  });
});

describe("goJsonString", () => {
  it.each`
    text                      | expected
    ${"a<b>&c"}               | ${'"a\\u003cb\\u003e\\u0026c"'}
    ${"line\u2028para\u2029"} | ${'"line\\u2028para\\u2029"'}
    ${"tab\tnew\nbs\b"}       | ${'"tab\\tnew\\nbs\\b"'}
    ${"\u0001\u007f"}         | ${'"\\u0001\u007f"'}
    ${"lone\udc00"}           | ${'"lone\ufffd"'}
  `("quotes $text as Go's encoder does", ({ text, expected }) => {
    expect(goJsonString(text)).toBe(expected);
  });
});
