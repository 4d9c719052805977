import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KubesimError } from "../errors/index.js";
import { renderName } from "./name-output.js";

describe("renderName", () => {
  it("prints `kubectl get ds -o name` for the transcript's DaemonSet list", () => {
    const list = JSON.parse(
      readFileSync(new URL("./__fixtures__/08-get-ds-json.stdout.txt", import.meta.url), "utf8"),
    ) as { items: object[] };
    expect(renderName(list.items)).toBe(
      readFileSync(new URL("./__fixtures__/09-get-ds-name.stdout.txt", import.meta.url), "utf8"),
    );
  });

  it.each([
    {
      name: "a grouped kind prints kind.group/name",
      object: { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "nginx" } },
      expected: "daemonset.apps/nginx\n",
    },
    {
      name: "a core kind prints kind/name",
      object: { apiVersion: "v1", kind: "Pod", metadata: { name: "x" } },
      expected: "pod/x\n",
    },
    {
      name: "a node prints node/name",
      object: { apiVersion: "v1", kind: "Node", metadata: { name: "n" } },
      expected: "node/n\n",
    },
    {
      name: "a custom group keeps its dots",
      object: { apiVersion: "example.com/v1", kind: "Thing", metadata: { name: "t" } },
      expected: "thing.example.com/t\n",
    },
    {
      name: "a missing name prints <unknown>",
      object: { apiVersion: "v1", kind: "Node", metadata: {} },
      expected: "node/<unknown>\n",
    },
    {
      name: "a missing kind prints <unknown> as the kind",
      object: { apiVersion: "apps/v1", metadata: { name: "x" } },
      expected: "<unknown>/x\n",
    },
  ])("$name", ({ object, expected }) => {
    expect(renderName(object)).toBe(expected);
  });

  it("prints one line per object of a list and nothing for an empty list", () => {
    expect(
      renderName([
        { apiVersion: "v1", kind: "Pod", metadata: { name: "a" } },
        { apiVersion: "v1", kind: "Pod", metadata: { name: "b" } },
      ]),
    ).toBe("pod/a\npod/b\n");
    expect(renderName([])).toBe("");
  });

  it.each([
    { name: "an object without apiVersion and kind", object: { metadata: { name: "x" } } },
    {
      name: "an object with a malformed apiVersion",
      object: { apiVersion: "a/b/c", kind: "X", metadata: { name: "x" } },
    },
  ])("rejects $name with kubectl's message", ({ object }) => {
    expect(() => renderName(object)).toThrowError(KubesimError);
    expect(() => renderName(object)).toThrowError(
      "missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type",
    );
  });
});
