import { StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { evaluatePlugin } from "../../evaluate-plugin/index.js";
import { defaultVolumeBindingArgs, validateVolumeBindingArgs } from "./volume-binding-args.js";

const podWithClaim = {
  spec: {
    containers: [{ name: "c" }],
    volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }],
  },
};
const nodes = [{ metadata: { name: "a" } }, { metadata: { name: "b" } }];
const success = { code: "Success", reasons: [] };
const skip = { code: "Skip", reasons: [] };

describe("volume plugins (out of scope: always pass)", () => {
  it.each(["VolumeRestrictions", "NodeVolumeLimits", "VolumeZone"])(
    "%s skips in PreFilter and passes every node",
    (name) => {
      expect(evaluatePlugin(name, { pod: podWithClaim, nodes })).toEqual({
        preFilter: skip,
        preFilterNodeNames: null,
        filter: [success, success],
      });
    },
  );

  it("VolumeBinding skips in PreFilter and PreScore, so it never scores", () => {
    expect(evaluatePlugin("VolumeBinding", { pod: podWithClaim, nodes })).toEqual({
      preFilter: skip,
      preFilterNodeNames: null,
      filter: [success, success],
      preScore: skip,
    });
  });

  it("VolumeBinding's Filter passes even when PreFilter does not run", () => {
    expect(evaluatePlugin("VolumeBinding", { pod: podWithClaim, nodes, runPreFilter: false }).filter).toEqual(
      [success, success],
    );
  });
});

const argCases = [
  {
    name: "absent args get the default bind timeout",
    args: undefined,
    defaulted: { bindTimeoutSeconds: 600 },
  },
  { name: "an absent bind timeout is defaulted", args: {}, defaulted: { bindTimeoutSeconds: 600 } },
  {
    name: "an explicit bind timeout is kept",
    args: { bindTimeoutSeconds: 30 },
    defaulted: { bindTimeoutSeconds: 30 },
  },
  {
    name: "an explicit null is kept",
    args: { bindTimeoutSeconds: null },
    defaulted: { bindTimeoutSeconds: null },
  },
];

describe("VolumeBindingArgs", () => {
  it.each(argCases)("$name", ({ args, defaulted }) => {
    expect(defaultVolumeBindingArgs(args)).toEqual(defaulted);
    expect(validateVolumeBindingArgs(defaultVolumeBindingArgs(args))).toEqual([]);
  });

  it("rejects a negative bind timeout and a shape while VolumeCapacityPriority is off", () => {
    let thrown: unknown;
    try {
      evaluatePlugin("VolumeBinding", { args: { bindTimeoutSeconds: -1, shape: [] }, pod: {}, nodes: [] });
    } catch (error) {
      thrown = error;
    }
    expect(StatusError.isInstance(thrown)).toBe(true);
    expect((thrown as StatusError).errors.map((error) => [error.type, error.field, error.detail])).toEqual([
      [
        "FieldValueInvalid",
        "bindTimeoutSeconds",
        "invalid BindTimeoutSeconds, should not be a negative value",
      ],
      [
        "FieldValueInvalid",
        "shape",
        "unexpected field `shape`, remove it or turn on the feature gate VolumeCapacityPriority",
      ],
    ]);
  });
});
