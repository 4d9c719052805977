import { describe, expect, it } from "vitest";
import { KubectlExit } from "./command-errors.js";
import { sortObjects, sortTableRows } from "./sort-by.js";

const pods = [
  { metadata: { name: "c" }, spec: { nodeName: "node-2" } },
  { metadata: { name: "a" } },
  { metadata: { name: "b" }, spec: { nodeName: "node-1" } },
];

function names(objects: readonly { metadata: { name: string } }[] | undefined): string[] | undefined {
  return objects?.map((object) => object.metadata.name);
}

describe("sortTableRows", () => {
  it("puts rows without the field first, then sorts by value", () => {
    expect(names(sortTableRows(pods, ".spec.nodeName"))).toEqual(["a", "b", "c"]);
  });

  it("accepts the field as a template", () => {
    expect(names(sortTableRows(pods, "{.metadata.name}"))).toEqual(["a", "b", "c"]);
  });

  it("drops the table when no row has the field", () => {
    expect(sortTableRows(pods, ".status.phase")).toBeUndefined();
  });

  it("drops the table when the field does not parse", () => {
    expect(sortTableRows(pods, "{.spec")).toBeUndefined();
  });

  it("leaves a single row alone even without the field", () => {
    expect(names(sortTableRows(pods.slice(0, 1), ".nothing"))).toEqual(["c"]);
  });

  it("stops like kubectl's klog.Exitf on values it cannot compare", () => {
    const labelled = [
      { metadata: { name: "x", labels: { a: "1" } } },
      { metadata: { name: "y", labels: {} } },
    ];
    expect(() => sortTableRows(labelled, ".metadata.labels")).toThrowError(
      new KubectlExit(
        "Field {.metadata.labels} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}",
        1,
      ),
    );
  });
});

describe("sortObjects", () => {
  it("sorts objects by the relaxed field path", () => {
    const result = sortObjects(pods, "spec.nodeName");
    expect("sorted" in result ? names(result.sorted) : result.error).toEqual(["a", "b", "c"]);
  });

  it.each([
    {
      name: "no object has the field",
      sortBy: ".status",
      error: 'couldn\'t find any field with path "{.status}" in the list of objects',
    },
    {
      name: "the field is not a relaxed path",
      sortBy: "{.a}{.b}",
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    },
    { name: "the field does not parse", sortBy: ".a[", error: "unterminated array" },
  ])("fails when $name", ({ sortBy, error }) => {
    expect(sortObjects(pods, sortBy)).toEqual({ error });
  });
});
