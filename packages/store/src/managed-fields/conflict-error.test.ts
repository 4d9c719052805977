import { describe, expect, it } from "vitest";
import { createApplyConflictError } from "./conflict-error.js";
import { FieldSet } from "./field-set.js";
import { type ManagerEntry, managerIdentifier } from "./managed-entries.js";
import { describePath } from "./path-element.js";

function entry(manager: string, operation: "Apply" | "Update", subresource = ""): ManagerEntry {
  return { manager, operation, apiVersion: "apps/v1", subresource, time: undefined, fields: new FieldSet() };
}

function conflict(manager: ManagerEntry, path: string[]) {
  return {
    identifier: managerIdentifier(
      manager.manager,
      manager.operation,
      manager.apiVersion,
      manager.subresource,
    ),
    entry: manager,
    path,
  };
}

describe("createApplyConflictError", () => {
  it.each`
    name                                               | conflicts                                                                                                                       | message
    ${"one conflict with an Update manager"}           | ${[conflict(entry("m", "Update"), ["f:spec", "f:x"])]}                                                                          | ${'Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.x'}
    ${"one conflict with an Apply manager"}            | ${[conflict(entry("m", "Apply"), ["f:spec", "f:x"])]}                                                                           | ${'Apply failed with 1 conflict: conflict with "m": .spec.x'}
    ${"a status manager"}                              | ${[conflict(entry("kubelet", "Update", "status"), ["f:status", "f:y"])]}                                                        | ${'Apply failed with 1 conflict: conflict with "kubelet" with subresource "status" using apps/v1: .status.y'}
    ${"several managers, grouped in identifier order"} | ${[conflict(entry("b", "Apply"), ["f:b"]), conflict(entry("a", "Update"), ["f:a1"]), conflict(entry("a", "Update"), ["f:a2"])]} | ${'Apply failed with 3 conflicts: conflicts with "a" using apps/v1:\n- .a1\n- .a2\nconflicts with "b":\n- .b'}
  `("words $name as upstream", ({ conflicts, message }) => {
    const error = createApplyConflictError(conflicts);
    expect([error.code, error.reason, error.message]).toEqual([409, "Conflict", message]);
  });
});

describe("describePath", () => {
  it.each`
    path                                                           | text
    ${["f:spec", "f:containers", 'k:{"name":"nginx"}', "f:image"]} | ${'.spec.containers[name="nginx"].image'}
    ${["f:ports", 'k:{"containerPort":80,"protocol":"TCP"}']}      | ${'.ports[containerPort=80,protocol="TCP"]'}
    ${["f:metadata", "f:finalizers", 'v:"a"']}                     | ${'.metadata.finalizers[="a"]'}
    ${["f:args", "i:2"]}                                           | ${".args[2]"}
  `("prints $text", ({ path, text }) => {
    expect(describePath(path)).toBe(text);
  });
});
