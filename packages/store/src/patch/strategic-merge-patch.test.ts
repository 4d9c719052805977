import { StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "./patch-test-fixtures.js";
import { applyStrategicMergePatch } from "./strategic-merge-patch.js";

/*
 * Cases ported from apimachinery's strategicpatch/patch_test.go (v0.32), with its test
 * struct's fields mapped onto real ones: mergingList → spec.containers (merge by name),
 * nonMergingList → spec.tolerations, mergingIntList → metadata.finalizers, nonMergingIntList →
 * a container's args, simpleMap → metadata.labels / spec.nodeSelector, retainKeysMap →
 * Deployment spec.strategy, retainKeysMergingList → spec.volumes. Where upstream compares
 * merge lists sorted, the expected order here is the one its algorithm produces.
 */

interface Case {
  readonly name: string;
  readonly kind?: string;
  readonly original: unknown;
  readonly patch: unknown;
  readonly expected: unknown;
}

function statusOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (!StatusError.isInstance(error)) throw error;
    return { code: error.code, reason: error.reason, message: error.message };
  }
  throw new Error("expected a StatusError");
}

const c = (name: string, extra: object = {}) => ({ name, ...extra });

const mapCases: Case[] = [
  {
    name: "A patch adds a field to a map and keeps the fields it does not mention.",
    original: { metadata: { labels: { name: "1", other: "a" } } },
    patch: { metadata: { labels: { value: "1" } } },
    expected: { metadata: { labels: { name: "1", other: "a", value: "1" } } },
  },
  {
    name: "A null member deletes that field while another field is added.",
    original: { metadata: { labels: { name: "1", other: "a" } } },
    patch: { metadata: { labels: { name: null, value: "1" } } },
    expected: { metadata: { labels: { other: "a", value: "1" } } },
  },
  {
    name: "Deleting every field of a nested map leaves an empty map.",
    original: { spec: { nodeSelector: { name: "1", value: "1" } } },
    patch: { spec: { nodeSelector: { name: null, value: null } } },
    expected: { spec: { nodeSelector: {} } },
  },
  {
    name: "An empty patch changes nothing.",
    original: { metadata: { name: "1" } },
    patch: {},
    expected: { metadata: { name: "1" } },
  },
  {
    name: "A $patch: delete map deletes the contents of the map it sits in.",
    original: { metadata: { labels: { key1: "1", key2: "1" } } },
    patch: { metadata: { labels: { $patch: "delete" } } },
    expected: { metadata: { labels: {} } },
  },
  {
    name: "A $patch: replace map with no other keys empties the map.",
    original: { spec: { nodeSelector: { name: "1", value: "1" } } },
    patch: { spec: { nodeSelector: { $patch: "replace" } } },
    expected: { spec: { nodeSelector: {} } },
  },
  {
    name: "A $patch: replace map replaces the map with its other keys.",
    original: { spec: { nodeSelector: { name: "1", value: "1" } } },
    patch: { spec: { nodeSelector: { other: "a", $patch: "replace" } } },
    expected: { spec: { nodeSelector: { other: "a" } } },
  },
  {
    name: "Keys absent from the original take the patch value with nulls and directives removed.",
    original: { spec: {} },
    patch: {
      spec: {
        nodeSelector: { a: "1", b: null, c: { $patch: "delete" } },
        containers: [{ name: "x", image: null }],
      },
    },
    expected: { spec: { nodeSelector: { a: "1" }, containers: [{ name: "x" }] } },
  },
];

const container = (name: string, extra: object = {}) => ({ name, ...extra });

const listCases: Case[] = [
  {
    name: "Primitive merge lists merge as a set: finalizers [a b] with [b c] give [a b c].",
    original: { metadata: { finalizers: ["a", "b"] } },
    patch: { metadata: { finalizers: ["b", "c"] } },
    expected: { metadata: { finalizers: ["a", "b", "c"] } },
  },
  {
    name: "A primitive merge list takes the patch's order for the items the patch lists.",
    original: { metadata: { finalizers: ["1", "2", "3"] } },
    patch: { metadata: { finalizers: ["3", "1", "2"] } },
    expected: { metadata: { finalizers: ["3", "1", "2"] } },
  },
  {
    name: "Server-only primitives keep their place before the patch items that follow them live.",
    original: { metadata: { finalizers: ["1", "2", "3"] } },
    patch: { metadata: { finalizers: ["3", "1"] } },
    expected: { metadata: { finalizers: ["2", "3", "1"] } },
  },
  {
    name: "A list element with $patch: replace replaces the whole merge list (here with nothing).",
    original: { spec: { containers: [container("1"), container("2")] } },
    patch: { spec: { containers: [{ $patch: "replace" }] } },
    expected: { spec: { containers: [] } },
  },
  {
    name: "Merging two empty merge lists gives an empty list.",
    original: { spec: { containers: [] } },
    patch: { spec: { containers: [] } },
    expected: { spec: { containers: [] } },
  },
  {
    name: "A $patch: delete element removes every element with that merge key, duplicates included.",
    original: {
      spec: {
        containers: [
          container("1"),
          container("1"),
          container("2", { image: "a" }),
          container("3"),
          container("3"),
        ],
      },
    },
    patch: { spec: { containers: [c("1", { $patch: "delete" }), c("3", { $patch: "delete" })] } },
    expected: { spec: { containers: [container("2", { image: "a" })] } },
  },
  {
    name: "Merging by key keeps the patch's order and merges the fields of matching elements.",
    original: { spec: { containers: [container("1"), container("2", { image: "b" }), container("3")] } },
    patch: {
      spec: {
        containers: [
          container("3", { image: "c" }),
          container("1", { image: "a" }),
          container("2", { workingDir: "x" }),
        ],
      },
    },
    expected: {
      spec: {
        containers: [
          container("3", { image: "c" }),
          container("1", { image: "a" }),
          container("2", { image: "b", workingDir: "x" }),
        ],
      },
    },
  },
  {
    name: "An element the patch does not mention stays ahead of the patch items that come after it live.",
    original: { spec: { containers: [container("1"), container("2", { image: "b" }), container("3")] } },
    patch: { spec: { containers: [container("3", { image: "c" }), container("1", { image: "a" })] } },
    expected: {
      spec: {
        containers: [
          container("2", { image: "b" }),
          container("3", { image: "c" }),
          container("1", { image: "a" }),
        ],
      },
    },
  },
  {
    name: "$setElementOrder orders new and live elements and may name elements that exist nowhere.",
    original: { spec: { containers: [container("1"), container("3")] } },
    patch: {
      spec: {
        "$setElementOrder/containers": [{ name: "3" }, { name: "2" }, { name: "1" }],
        containers: [container("3", { image: "3" }), container("1", { image: "1" })],
      },
    },
    expected: { spec: { containers: [container("3", { image: "3" }), container("1", { image: "1" })] } },
  },
  {
    name: "$setElementOrder on a primitive merge list reorders it without adding the extra items.",
    original: { metadata: { finalizers: ["1", "3"] } },
    patch: { metadata: { "$setElementOrder/finalizers": ["3", "2", "1"] } },
    expected: { metadata: { finalizers: ["3", "1"] } },
  },
  {
    name: "A three-way apply patch adds elements in the $setElementOrder order around the live ones.",
    original: {
      spec: { containers: [container("1", { image: "a" }), container("2", { image: "2", workingDir: "b" })] },
    },
    patch: {
      spec: {
        "$setElementOrder/containers": [{ name: "4" }, { name: "1" }, { name: "2" }, { name: "3" }],
        containers: [container("4", { image: "4" }), container("3", { image: "3" })],
      },
    },
    expected: {
      spec: {
        containers: [
          container("4", { image: "4" }),
          container("1", { image: "a" }),
          container("2", { image: "2", workingDir: "b" }),
          container("3", { image: "3" }),
        ],
      },
    },
  },
  {
    name: "A delete directive together with $setElementOrder removes the element and keeps the rest.",
    original: { spec: { containers: [container("1"), container("2", { workingDir: "b" })] } },
    patch: {
      spec: {
        "$setElementOrder/containers": [{ name: "2" }],
        containers: [c("1", { $patch: "delete" })],
      },
    },
    expected: { spec: { containers: [container("2", { workingDir: "b" })] } },
  },
  {
    name: "Server-only elements are interleaved by their live position when $setElementOrder reorders the rest.",
    original: {
      spec: {
        containers: [
          container("1", { workingDir: "a" }),
          container("2", { image: "2" }),
          container("9"),
          container("3", { image: "3" }),
          container("4", { image: "4" }),
        ],
      },
    },
    patch: {
      spec: { "$setElementOrder/containers": [{ name: "2" }, { name: "1" }, { name: "4" }, { name: "3" }] },
    },
    expected: {
      spec: {
        containers: [
          container("2", { image: "2" }),
          container("1", { workingDir: "a" }),
          container("9"),
          container("4", { image: "4" }),
          container("3", { image: "3" }),
        ],
      },
    },
  },
  {
    name: "Several server-only elements stay together in their live order.",
    original: {
      spec: {
        containers: [
          container("1", { workingDir: "a" }),
          container("2", { image: "2" }),
          container("7"),
          container("9"),
          container("8"),
          container("3", { image: "3" }),
          container("4", { image: "4" }),
        ],
      },
    },
    patch: {
      spec: { "$setElementOrder/containers": [{ name: "2" }, { name: "1" }, { name: "4" }, { name: "3" }] },
    },
    expected: {
      spec: {
        containers: [
          container("2", { image: "2" }),
          container("1", { workingDir: "a" }),
          container("7"),
          container("9"),
          container("8"),
          container("4", { image: "4" }),
          container("3", { image: "3" }),
        ],
      },
    },
  },
  {
    name: "Duplicate merge keys are kept together at the first position $setElementOrder gives them.",
    original: {
      spec: {
        containers: [
          container("1"),
          container("2", { image: "dup1" }),
          container("3"),
          container("2", { image: "dup2" }),
          container("4"),
        ],
      },
    },
    patch: {
      spec: {
        "$setElementOrder/containers": [
          { name: "2" },
          { name: "1" },
          { name: "4" },
          { name: "3" },
          { name: "2" },
        ],
      },
    },
    expected: {
      spec: {
        containers: [
          container("2", { image: "dup1" }),
          container("2", { image: "dup2" }),
          container("1"),
          container("4"),
          container("3"),
        ],
      },
    },
  },
  {
    name: "A delete in one list and a reorder in another apply together.",
    original: {
      spec: {
        containers: [container("a", { image: "a" }), container("b", { image: "b" })],
        initContainers: [container("c", { image: "c" }), container("d", { image: "d" })],
      },
    },
    patch: {
      spec: {
        "$setElementOrder/containers": [{ name: "b" }],
        "$setElementOrder/initContainers": [{ name: "d" }, { name: "c" }],
        containers: [{ $patch: "delete", name: "a" }],
      },
    },
    expected: {
      spec: {
        containers: [container("b", { image: "b" })],
        initContainers: [container("d", { image: "d" }), container("c", { image: "c" })],
      },
    },
  },
  {
    name: "$deleteFromPrimitiveList removes the listed items from a merge list.",
    original: { metadata: { finalizers: ["1", "2", "3"] } },
    patch: { metadata: { "$deleteFromPrimitiveList/finalizers": ["2"] } },
    expected: { metadata: { finalizers: ["1", "3"] } },
  },
  {
    name: "$deleteFromPrimitiveList of an item that is not there does not add it.",
    original: { metadata: { finalizers: ["1", "2"] } },
    patch: { metadata: { "$deleteFromPrimitiveList/finalizers": ["3"] } },
    expected: { metadata: { finalizers: ["1", "2"] } },
  },
  {
    name: "$deleteFromPrimitiveList of a missing list does not create the list.",
    original: { metadata: { name: "x" } },
    patch: { metadata: { "$deleteFromPrimitiveList/finalizers": ["3"] } },
    expected: { metadata: { name: "x" } },
  },
  {
    name: "$deleteFromPrimitiveList also removes items from a list without the merge strategy.",
    original: { spec: { containers: [container("x", { args: ["1", "2", "3"] })] } },
    patch: { spec: { containers: [container("x", { "$deleteFromPrimitiveList/args": ["2"] })] } },
    expected: { spec: { containers: [container("x", { args: ["1", "3"] })] } },
  },
  {
    name: "Adding and deleting finalizers with $setElementOrder gives the new set in the given order.",
    original: { metadata: { finalizers: ["a", "b"] } },
    patch: {
      metadata: {
        "$setElementOrder/finalizers": ["c", "a"],
        finalizers: ["c"],
        "$deleteFromPrimitiveList/finalizers": ["b"],
      },
    },
    expected: { metadata: { finalizers: ["c", "a"] } },
  },
];

const retainKeysCases: Case[] = [
  {
    name: "A retainKeys map without the directive still merges an added field.",
    kind: "Deployment",
    original: { spec: { strategy: { type: "RollingUpdate" } } },
    patch: { spec: { strategy: { rollingUpdate: { maxSurge: 1 } } } },
    expected: { spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } } },
  },
  {
    name: "A retainKeys map without the directive deletes a field set to null.",
    kind: "Deployment",
    original: { spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } } },
    patch: { spec: { strategy: { rollingUpdate: null } } },
    expected: { spec: { strategy: { type: "RollingUpdate" } } },
  },
  {
    name: "$retainKeys clears the live fields it does not list (switching a Deployment to Recreate).",
    kind: "Deployment",
    original: {
      spec: {
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      },
    },
    patch: { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } },
    expected: { spec: { strategy: { type: "Recreate" } } },
  },
  {
    name: "$retainKeys keeps listed live fields and adds the patch's fields.",
    kind: "Deployment",
    original: { spec: { strategy: { type: "RollingUpdate", other: "a" } } },
    patch: { spec: { strategy: { $retainKeys: ["type", "rollingUpdate"], rollingUpdate: { maxSurge: 2 } } } },
    expected: { spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 2 } } } },
  },
  {
    name: "$retainKeys with a null member deletes it and clears unlisted fields.",
    kind: "Deployment",
    original: { spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 }, other: "x" } } },
    patch: { spec: { strategy: { $retainKeys: ["type"], rollingUpdate: null } } },
    expected: { spec: { strategy: { type: "RollingUpdate" } } },
  },
  {
    name: "$retainKeys inside a volumes element swaps the volume source (hostPath to emptyDir).",
    original: {
      spec: { volumes: [{ name: "cache" }, { name: "data", hostPath: { path: "/data", type: "" } }] },
    },
    patch: {
      spec: {
        "$setElementOrder/volumes": [{ name: "cache" }, { name: "data" }],
        volumes: [{ $retainKeys: ["emptyDir", "name"], emptyDir: {}, name: "data" }],
      },
    },
    expected: { spec: { volumes: [{ name: "cache" }, { name: "data", emptyDir: {} }] } },
  },
  {
    name: "$retainKeys in a volumes element clears a field the apply no longer sets.",
    original: { spec: { volumes: [{ name: "bar" }, { name: "foo", emptyDir: {}, other: "x" }] } },
    patch: {
      spec: {
        "$setElementOrder/volumes": [{ name: "bar" }, { name: "foo" }],
        volumes: [{ $retainKeys: ["emptyDir", "name"], name: "foo" }],
      },
    },
    expected: { spec: { volumes: [{ name: "bar" }, { name: "foo", emptyDir: {} }] } },
  },
];

describe("applyStrategicMergePatch (upstream patch_test.go cases)", () => {
  it.each([...mapCases, ...listCases, ...retainKeysCases])(
    "$name",
    ({ kind = "Pod", original, patch, expected }) => {
      const result = applyStrategicMergePatch(deepFreeze(original), deepFreeze(patch), kind);
      expect(result).toEqual(expected);
    },
  );
});

const errorCases = [
  {
    name: "A patch list out of the $setElementOrder order fails with upstream's 500 message.",
    original: { spec: { containers: [container("1"), container("3"), container("2")] } },
    patch: {
      spec: {
        "$setElementOrder/containers": [{ name: "1" }, { name: "2" }, { name: "3" }],
        containers: [container("3", { image: "3" }), container("1", { image: "1" })],
      },
    },
    status: {
      code: 500,
      reason: "",
      message:
        "The order in patch list:\n[map[image:3 name:3] map[image:1 name:1]]\n doesn't match $setElementOrder list:\n[map[name:1] map[name:2] map[name:3]]\n",
    },
  },
  {
    name: "A primitive patch list out of the $setElementOrder order fails the same way.",
    original: { metadata: { finalizers: ["1", "3", "2"] } },
    patch: { metadata: { "$setElementOrder/finalizers": ["1", "2", "3"], finalizers: ["3", "1"] } },
    status: {
      code: 500,
      reason: "",
      message: "The order in patch list:\n[3 1]\n doesn't match $setElementOrder list:\n[1 2 3]\n",
    },
  },
  {
    name: "A merge-list element without its merge key fails with upstream's 500 message.",
    original: { spec: { containers: [container("1", { image: "a" })] } },
    patch: { spec: { containers: [{ image: "b" }] } },
    status: { code: 500, reason: "", message: "map: map[image:b] does not contain declared merge key: name" },
  },
  {
    name: "A $patch: merge element in a list is rejected as upstream does.",
    original: { spec: { containers: [container("1")] } },
    patch: { spec: { containers: [{ $patch: "merge" }] } },
    status: { code: 500, reason: "", message: "merging lists cannot yet be specified in the patch" },
  },
  {
    name: "An unknown $patch value in a map names it and the map.",
    original: { spec: { nodeSelector: { a: "1" } } },
    patch: { spec: { nodeSelector: { $patch: "remove", b: 2 } } },
    status: { code: 500, reason: "", message: "unknown patch type: remove in map: map[$patch:remove b:2]" },
  },
  {
    name: "A non-string $patch value is printed as Go's %s does.",
    original: { spec: { containers: [container("1")] } },
    patch: { spec: { containers: [{ $patch: 1, name: "1" }] } },
    status: {
      code: 500,
      reason: "",
      message: "unknown patch type: %!s(int64=1) in map: map[$patch:1 name:1]",
    },
  },
  {
    name: "A $setElementOrder key without a list name is a 400.",
    original: { spec: {} },
    patch: { spec: { $setElementOrderContainers: [] } },
    status: { code: 400, reason: "BadRequest", message: "invalid patch format of setElementOrder list" },
  },
  {
    name: "A $setElementOrder value that is not a list names the type it got.",
    original: { spec: {} },
    patch: { spec: { "$setElementOrder/containers": "nginx" } },
    status: { code: 500, reason: "", message: "expected a []interface {}, but received a string" },
  },
  {
    name: "A $deleteFromPrimitiveList key without a list name is a 400.",
    original: { metadata: { finalizers: ["a"] } },
    patch: { metadata: { $deleteFromPrimitiveListFinalizers: ["a"] } },
    status: { code: 400, reason: "BadRequest", message: "invalid patch format of primitive list" },
  },
  {
    name: "A $retainKeys value that is not a list is a 400.",
    kind: "Deployment",
    original: { spec: { strategy: { type: "Recreate" } } },
    patch: { spec: { strategy: { $retainKeys: "type" } } },
    status: { code: 400, reason: "BadRequest", message: "invalid patch format of retainKeys" },
  },
  {
    name: "A patch field missing from its $retainKeys list is a 400.",
    kind: "Deployment",
    original: { spec: { strategy: { type: "RollingUpdate" } } },
    patch: { spec: { strategy: { $retainKeys: ["type"], rollingUpdate: { maxSurge: 1 } } } },
    status: { code: 400, reason: "BadRequest", message: "invalid patch format of retainKeys" },
  },
  {
    name: "A merge list of lists is a 422 with the API server's generic message.",
    original: { metadata: { finalizers: [["a"]] } },
    patch: { metadata: { finalizers: [["b"]] } },
    status: {
      code: 422,
      reason: "Invalid",
      message: "the server rejected our request due to an error in our request",
    },
  },
  {
    name: "A merge list mixing element types names both lists.",
    original: { metadata: { finalizers: ["a"] } },
    patch: { metadata: { finalizers: [1] } },
    status: { code: 500, reason: "", message: "list element types are not identical: [[a] [1]]" },
  },
  {
    name: "Deleting maps from an atomic list with $deleteFromPrimitiveList needs a merge key.",
    original: { spec: { tolerations: [{ key: "a" }] } },
    patch: { spec: { "$deleteFromPrimitiveList/tolerations": [{ key: "a" }] } },
    status: { code: 500, reason: "", message: "cannot merge lists without merge key for struct" },
  },
  {
    name: "A patch that is a JSON array is a 400 decoding error.",
    original: {},
    patch: [{ op: "add" }],
    status: {
      code: 400,
      reason: "BadRequest",
      message: "json: cannot unmarshal array into Go value of type map[string]interface {}",
    },
  },
  {
    name: "A patch that is a string is a 400 decoding error.",
    original: {},
    patch: "spec",
    status: {
      code: 400,
      reason: "BadRequest",
      message: "json: cannot unmarshal string into Go value of type map[string]interface {}",
    },
  },
];

describe("applyStrategicMergePatch errors", () => {
  it.each(errorCases)("$name", ({ kind = "Pod", original, patch, status }) => {
    expect(statusOf(() => applyStrategicMergePatch(deepFreeze(original), deepFreeze(patch), kind))).toEqual(
      status,
    );
  });

  it("A null patch changes nothing, as the API server decodes it to an empty map.", () => {
    expect(applyStrategicMergePatch({ spec: { nodeName: "a" } }, null, "Pod")).toEqual({
      spec: { nodeName: "a" },
    });
  });
});
