import { type FieldError, fieldErrorMessage } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  defaultNodeResourcesBalancedAllocationArgs,
  defaultNodeResourcesBalancedAllocationArgsV1,
  defaultNodeResourcesFitArgs,
  defaultNodeResourcesFitArgsV1,
  validateNodeResourcesBalancedAllocationArgs,
  validateNodeResourcesFitArgs,
} from "./args.js";

// Ported from upstream validation_pluginargs_test.go (TestValidateFitArgs,
// TestValidate{LeastAllocated,MostAllocated,RequestedToCapacityRatio}ScoringStrategy,
// TestValidateNodeResourcesBalancedAllocationArgs) and the v1 defaults of the two args.

const messages = (errors: FieldError[]) => errors.map(fieldErrorMessage);
const defaultStrategy = {
  type: "LeastAllocated",
  resources: [
    { name: "cpu", weight: 1 },
    { name: "memory", weight: 1 },
  ],
};

describe("validateNodeResourcesFitArgs (TestValidateFitArgs)", () => {
  it.each([
    {
      name: "an ignored resource with a too long name is refused",
      args: { ignoredResources: [`longvalue${"a".repeat(64)}`], scoringStrategy: defaultStrategy },
      expected: [
        `ignoredResources[0]: Invalid value: "longvalue${"a".repeat(64)}": name part must be no more than 63 characters`,
      ],
    },
    {
      name: "an ignored resource with an empty name part is refused",
      args: { ignoredResources: ["example.com/"], scoringStrategy: defaultStrategy },
      expected: [
        `ignoredResources[0]: Invalid value: "example.com/": name part must be non-empty`,
        `ignoredResources[0]: Invalid value: "example.com/": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    },
    {
      name: "an ignored resource with too many slashes is refused",
      args: { ignoredResources: ["example.com/aaa/bbb"], scoringStrategy: defaultStrategy },
      expected: [
        `ignoredResources[0]: Invalid value: "example.com/aaa/bbb": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    },
    {
      name: "a valid ignored resource is accepted",
      args: { ignoredResources: ["example.com"], scoringStrategy: defaultStrategy },
      expected: [],
    },
    {
      name: "a valid ignored resource group is accepted",
      args: { ignoredResourceGroups: ["example.com"], scoringStrategy: defaultStrategy },
      expected: [],
    },
    {
      name: "an ignored resource group with a trailing slash is refused twice",
      args: { ignoredResourceGroups: ["example.com/"], scoringStrategy: defaultStrategy },
      expected: [
        `ignoredResourceGroups[0]: Invalid value: "example.com/": resource group name can't contain '/'`,
        `ignoredResourceGroups[0]: Invalid value: "example.com/": name part must be non-empty`,
        `ignoredResourceGroups[0]: Invalid value: "example.com/": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    },
    {
      name: "a too long ignored resource group is refused",
      args: { ignoredResourceGroups: ["a".repeat(64)], scoringStrategy: defaultStrategy },
      expected: [
        `ignoredResourceGroups[0]: Invalid value: "${"a".repeat(64)}": name part must be no more than 63 characters`,
      ],
    },
    {
      name: "an ignored resource group containing a slash is refused",
      args: { ignoredResourceGroups: ["example.com/aa"], scoringStrategy: defaultStrategy },
      expected: [
        `ignoredResourceGroups[0]: Invalid value: "example.com/aa": resource group name can't contain '/'`,
      ],
    },
    { name: "args without a scoring strategy pass validation", args: {}, expected: [] },
    {
      name: "an unsupported strategy type is refused",
      args: { scoringStrategy: { type: "Invalid" } },
      expected: [
        `scoringStrategy.type: Unsupported value: "Invalid": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"`,
      ],
    },
  ])("$name", ({ args, expected }) => {
    expect(messages(validateNodeResourcesFitArgs(args))).toEqual(expected);
  });
});

const weightCases = [
  { name: "the default resources are valid", resources: undefined, expected: [] },
  {
    name: "several valid weights are accepted",
    resources: [
      { name: "cpu", weight: 1 },
      { name: "memory", weight: 10 },
    ],
    expected: [],
  },
  {
    name: "a weight below the minimum is refused",
    resources: [{ name: "cpu", weight: 0 }],
    expected: [
      "scoringStrategy.resources[0].weight: Invalid value: 0: resource weight of cpu not in valid range (0, 100]",
    ],
  },
  {
    name: "a weight above the maximum is refused",
    resources: [{ name: "cpu", weight: 101 }],
    expected: [
      "scoringStrategy.resources[0].weight: Invalid value: 101: resource weight of cpu not in valid range (0, 100]",
    ],
  },
  {
    name: "every invalid weight is reported",
    resources: [
      { name: "cpu", weight: 0 },
      { name: "memory", weight: 101 },
    ],
    expected: [
      "scoringStrategy.resources[0].weight: Invalid value: 0: resource weight of cpu not in valid range (0, 100]",
      "scoringStrategy.resources[1].weight: Invalid value: 101: resource weight of memory not in valid range (0, 100]",
    ],
  },
];

describe.each(["LeastAllocated", "MostAllocated"])("validateNodeResourcesFitArgs weights for %s", (type) => {
  it.each(weightCases)("$name", ({ resources, expected }) => {
    const strategy = resources === undefined ? { type } : { type, resources };
    expect(messages(validateNodeResourcesFitArgs({ scoringStrategy: strategy }))).toEqual(expected);
  });
});

describe("validateNodeResourcesFitArgs (TestValidateRequestedToCapacityRatioScoringStrategy)", () => {
  const defaultShape = [{ utilization: 30, score: 3 }];
  it.each([
    {
      name: "a missing shape is required",
      shape: null,
      expected: ["scoringStrategy.shape: Required value: at least one point must be specified"],
    },
    {
      name: "a weight above the maximum is refused",
      shape: defaultShape,
      resources: [{ name: "cpu", weight: 101 }],
      expected: [
        "scoringStrategy.resources[0].weight: Invalid value: 101: resource weight of cpu not in valid range (0, 100]",
      ],
    },
    {
      name: "a weight below the minimum is refused",
      shape: defaultShape,
      resources: [{ name: "cpu", weight: 0 }],
      expected: [
        "scoringStrategy.resources[0].weight: Invalid value: 0: resource weight of cpu not in valid range (0, 100]",
      ],
    },
    { name: "a valid shape is accepted", shape: defaultShape, expected: [] },
    {
      name: "a utilization below the minimum is refused",
      shape: [{ utilization: -1, score: 3 }],
      expected: ["scoringStrategy.shape[0].utilization: Invalid value: -1: not in valid range [0, 100]"],
    },
    {
      name: "a utilization above the maximum is refused",
      shape: [{ utilization: 101, score: 3 }],
      expected: ["scoringStrategy.shape[0].utilization: Invalid value: 101: not in valid range [0, 100]"],
    },
    {
      name: "duplicated utilization values are refused",
      shape: [
        { utilization: 10, score: 3 },
        { utilization: 10, score: 3 },
      ],
      expected: [
        "scoringStrategy.shape[1].utilization: Invalid value: 10: values must be sorted in increasing order",
      ],
    },
    {
      name: "increasing utilization values are accepted",
      shape: [
        { utilization: 10, score: 3 },
        { utilization: 20, score: 3 },
        { utilization: 30, score: 3 },
      ],
      expected: [],
    },
    {
      name: "non-increasing utilization values are refused once",
      shape: [
        { utilization: 10, score: 3 },
        { utilization: 20, score: 3 },
        { utilization: 15, score: 3 },
      ],
      expected: [
        "scoringStrategy.shape[2].utilization: Invalid value: 15: values must be sorted in increasing order",
      ],
    },
    {
      name: "a score below the minimum is refused",
      shape: [{ utilization: 10, score: -1 }],
      expected: ["scoringStrategy.shape[0].score: Invalid value: -1: not in valid range [0, 10]"],
    },
    {
      name: "a score above the maximum is refused",
      shape: [{ utilization: 10, score: 11 }],
      expected: ["scoringStrategy.shape[0].score: Invalid value: 11: not in valid range [0, 10]"],
    },
  ])("$name", ({ shape, resources, expected }) => {
    const args = {
      scoringStrategy: {
        type: "RequestedToCapacityRatio",
        ...(resources === undefined ? {} : { resources }),
        requestedToCapacityRatio: { shape },
      },
    };
    expect(messages(validateNodeResourcesFitArgs(args))).toEqual(expected);
  });
});

describe("validateNodeResourcesBalancedAllocationArgs (TestValidateNodeResourcesBalancedAllocationArgs)", () => {
  it.each([
    {
      name: "cpu and memory with weight 1 are valid",
      resources: [
        { name: "cpu", weight: 1 },
        { name: "memory", weight: 1 },
      ],
      expected: [],
    },
    {
      name: "a weight other than 1 is refused",
      resources: [
        { name: "cpu", weight: 2 },
        { name: "memory", weight: 1 },
      ],
      expected: ["resources[0].weight: Invalid value: 2: must be 1"],
    },
    {
      name: "a repeated resource is refused",
      resources: [
        { name: "cpu", weight: 1 },
        { name: "cpu", weight: 1 },
      ],
      expected: ['resources[1].name: Duplicate value: "cpu"'],
    },
  ])("$name", ({ resources, expected }) => {
    expect(messages(validateNodeResourcesBalancedAllocationArgs({ resources }))).toEqual(expected);
  });
});

describe("defaultNodeResourcesFitArgs", () => {
  it.each([
    {
      name: "absent args get LeastAllocated over cpu and memory",
      args: undefined,
      expected: { scoringStrategy: defaultStrategy },
    },
    {
      name: "a strategy without resources gets cpu and memory",
      args: { scoringStrategy: { type: "MostAllocated" } },
      expected: { scoringStrategy: { ...defaultStrategy, type: "MostAllocated" } },
    },
    {
      name: "an empty resource list is kept, and the v1 rules give it cpu and memory",
      args: { scoringStrategy: { type: "MostAllocated", resources: [] } },
      expected: { scoringStrategy: { type: "MostAllocated", resources: [] } },
      expectedV1: { scoringStrategy: { ...defaultStrategy, type: "MostAllocated" } },
    },
    {
      name: "an explicit null resource list stays null",
      args: { scoringStrategy: { type: "MostAllocated", resources: null } },
      expected: { scoringStrategy: { type: "MostAllocated", resources: null } },
    },
    {
      name: "an absent weight becomes 1 and a zero weight is kept, which the v1 rules turn into 1",
      args: {
        ignoredResources: ["example.com/a"],
        scoringStrategy: {
          type: "LeastAllocated",
          resources: [{ name: "cpu" }, { name: "memory", weight: 0 }, { name: "example.com/b", weight: 5 }],
        },
      },
      expected: {
        ignoredResources: ["example.com/a"],
        scoringStrategy: {
          type: "LeastAllocated",
          resources: [
            { name: "cpu", weight: 1 },
            { name: "memory", weight: 0 },
            { name: "example.com/b", weight: 5 },
          ],
        },
      },
      expectedV1: {
        ignoredResources: ["example.com/a"],
        scoringStrategy: {
          type: "LeastAllocated",
          resources: [
            { name: "cpu", weight: 1 },
            { name: "memory", weight: 1 },
            { name: "example.com/b", weight: 5 },
          ],
        },
      },
    },
    {
      name: "an explicit null strategy stays null",
      args: { scoringStrategy: null },
      expected: { scoringStrategy: null },
    },
  ] as Array<{ name: string; args: unknown; expected: unknown; expectedV1?: unknown }>)(
    "$name",
    ({ args, expected, expectedV1 }) => {
      expect(defaultNodeResourcesFitArgs(args)).toEqual(expected);
      expect(defaultNodeResourcesFitArgsV1(args)).toEqual(expectedV1 ?? expected);
    },
  );

  it("does not modify its input", () => {
    const args = { scoringStrategy: { type: "LeastAllocated", resources: [{ name: "cpu" }] } };
    defaultNodeResourcesFitArgs(args);
    expect(args).toEqual({ scoringStrategy: { type: "LeastAllocated", resources: [{ name: "cpu" }] } });
  });
});

describe("defaultNodeResourcesBalancedAllocationArgs", () => {
  it.each([
    {
      name: "absent args get cpu and memory",
      args: undefined,
      expected: { resources: defaultStrategy.resources },
    },
    {
      name: "an empty list is kept, and the v1 rules give it cpu and memory",
      args: { resources: [] },
      expected: { resources: [] },
      expectedV1: { resources: defaultStrategy.resources },
    },
    { name: "an explicit null list stays null", args: { resources: null }, expected: { resources: null } },
    {
      name: "a zero weight is kept and an absent one becomes 1; the v1 rules make the zero 1 too",
      args: { resources: [{ name: "cpu", weight: 0 }, { name: "nvidia.com/gpu" }] },
      expected: {
        resources: [
          { name: "cpu", weight: 0 },
          { name: "nvidia.com/gpu", weight: 1 },
        ],
      },
      expectedV1: {
        resources: [
          { name: "cpu", weight: 1 },
          { name: "nvidia.com/gpu", weight: 1 },
        ],
      },
    },
  ] as Array<{ name: string; args: unknown; expected: unknown; expectedV1?: unknown }>)(
    "$name",
    ({ args, expected, expectedV1 }) => {
      expect(defaultNodeResourcesBalancedAllocationArgs(args)).toEqual(expected);
      expect(defaultNodeResourcesBalancedAllocationArgsV1(args)).toEqual(expectedV1 ?? expected);
    },
  );
});

describe("validation of malformed args", () => {
  it.each([
    {
      name: "args that are not an object",
      args: "fit",
      expected: [': Invalid value: "fit": must be an object'],
    },
    {
      name: "a weight that is not a number",
      args: { scoringStrategy: { type: "LeastAllocated", resources: [{ name: "cpu", weight: "1" }] } },
      expected: ['scoringStrategy.resources[0].weight: Invalid value: "1": must be an integer'],
    },
    {
      name: "ignored resources that are not a list",
      args: { ignoredResources: "example.com/a", scoringStrategy: defaultStrategy },
      expected: ['ignoredResources: Invalid value: "example.com/a": must be a list of strings'],
    },
  ])("$name", ({ args, expected }) => {
    expect(messages(validateNodeResourcesFitArgs(args))).toEqual(expected);
  });
});
