import { describe, expect, it } from "vitest";
import { fieldErrorMessage } from "../errors/index.js";
import { validateNodeUpdate } from "./node.js";
import { type LooseObject, setPath, validNode } from "./test-objects.js";

/** A stored node with a resourceVersion, a pod CIDR and quantities. */
function storedNode(mutate?: (node: LooseObject) => void): LooseObject {
  return validNode((node) => {
    setPath(node, "metadata.resourceVersion", "3");
    setPath(node, "spec.podCIDRs", ["10.244.0.0/24"]);
    setPath(node, "status.capacity", { cpu: "4", memory: "32Gi", pods: "110" });
    mutate?.(node);
  });
}

describe("validateNodeUpdate", () => {
  const cases: Array<{ name: string; node: LooseObject; want: string[] }> = [
    { name: "An unchanged node is valid", node: storedNode(), want: [] },
    {
      name: "Addresses of different types may share a value",
      node: storedNode((node) =>
        setPath(node, "status.addresses", [
          { type: "InternalIP", address: "10.0.0.1" },
          { type: "ExternalIP", address: "10.0.0.1" },
          { type: "Hostname", address: "node-1" },
        ]),
      ),
      want: [],
    },
    {
      name: "A repeated address is a duplicate, printed as Go prints the struct",
      node: storedNode((node) =>
        setPath(node, "status.addresses", [
          { type: "InternalIP", address: "10.0.0.1" },
          { type: "Hostname", address: "node-1" },
          { type: "InternalIP", address: "10.0.0.1" },
        ]),
      ),
      want: ['status.addresses[2]: Duplicate value: core.NodeAddress{Type:"InternalIP", Address:"10.0.0.1"}'],
    },
    {
      name: "Type and address are not confused when one ends where the other begins",
      node: storedNode((node) =>
        setPath(node, "status.addresses", [
          { type: "a", address: "bc" },
          { type: "ab", address: "c" },
        ]),
      ),
      want: [],
    },
    {
      name: "A fractional pod count is rejected",
      node: storedNode((node) => setPath(node, "status.capacity.pods", "1.5")),
      want: ['status.capacity.pods: Invalid value: "1500m": must be an integer'],
    },
    {
      name: "The pod CIDR may not change once set",
      node: storedNode((node) => setPath(node, "spec.podCIDRs", ["10.244.1.0/24"])),
      want: ['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid'],
    },
  ];

  it.each(cases)("$name", ({ node, want }) => {
    expect(validateNodeUpdate(node, storedNode()).map(fieldErrorMessage)).toEqual(want);
  });
});
