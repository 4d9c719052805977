import { type FieldError, fieldErrorMessage, fieldErrors, StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import type { PluginDefinition } from "../framework/plugin-definition.js";
import { parseSchedulerConfiguration } from "./parse-scheduler-configuration.js";

const header = { apiVersion: "kubescheduler.config.k8s.io/v1", kind: "KubeSchedulerConfiguration" } as const;

function errorsOf(input: unknown, lookup?: (name: string) => PluginDefinition | undefined): string[] {
  try {
    parseSchedulerConfiguration(input, lookup === undefined ? {} : { pluginDefinition: lookup });
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    expect(error.status.reason).toBe("Invalid");
    return (error.errors as FieldError[]).map(fieldErrorMessage);
  }
  return [];
}

function decodeErrorOf(input: unknown): string {
  try {
    parseSchedulerConfiguration(input);
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    expect(error.status.reason).toBe("BadRequest");
    return error.message;
  }
  return "";
}

const twoProfiles = {
  ...header,
  profiles: [
    { schedulerName: "me", plugins: { queueSort: { enabled: [{ name: "CustomSort" }] } } },
    { schedulerName: "other", plugins: { queueSort: { enabled: [{ name: "CustomSort" }] } } },
  ],
};

describe("parseSchedulerConfiguration defaults", () => {
  it("fills every default of an empty configuration", () => {
    expect(parseSchedulerConfiguration({ ...header })).toEqual({
      ...header,
      parallelism: 16,
      percentageOfNodesToScore: 0,
      podInitialBackoffSeconds: 1,
      podMaxBackoffSeconds: 10,
      profiles: [{ schedulerName: "default-scheduler", pluginConfig: [] }],
      extenders: [],
      leaderElection: {
        leaderElect: true,
        leaseDurationMs: 15_000,
        renewDeadlineMs: 10_000,
        retryPeriodMs: 2_000,
        resourceLock: "leases",
        resourceName: "kube-scheduler",
        resourceNamespace: "kube-system",
      },
      clientConnection: {
        kubeconfig: "",
        acceptContentTypes: "",
        contentType: "application/vnd.kubernetes.protobuf",
        qps: 50,
        burst: 100,
      },
      enableProfiling: true,
      enableContentionProfiling: true,
      delayCacheUntilActive: false,
    });
  });

  it("keeps what the user wrote and names a lone unnamed profile", () => {
    const configuration = parseSchedulerConfiguration({
      ...header,
      parallelism: 4,
      percentageOfNodesToScore: 30,
      podInitialBackoffSeconds: 2,
      podMaxBackoffSeconds: 20,
      leaderElection: { leaderElect: false, leaseDuration: "1m30s" },
      enableProfiling: false,
      profiles: [
        {
          percentageOfNodesToScore: 50,
          plugins: {
            score: { disabled: [{ name: "ImageLocality" }], enabled: [{ name: "NodeAffinity", weight: 5 }] },
          },
          pluginConfig: [{ name: "DefaultPreemption", args: { minCandidateNodesAbsolute: 50 } }],
        },
      ],
    });
    expect(configuration).toMatchObject({
      parallelism: 4,
      percentageOfNodesToScore: 30,
      podInitialBackoffSeconds: 2,
      podMaxBackoffSeconds: 20,
      enableProfiling: false,
      enableContentionProfiling: false,
      leaderElection: { leaderElect: false, leaseDurationMs: 90_000 },
      profiles: [
        {
          schedulerName: "default-scheduler",
          percentageOfNodesToScore: 50,
          plugins: {
            score: { disabled: [{ name: "ImageLocality" }], enabled: [{ name: "NodeAffinity", weight: 5 }] },
          },
          pluginConfig: [{ name: "DefaultPreemption", args: { minCandidateNodesAbsolute: 50 } }],
        },
      ],
    });
  });

  it("accepts two named profiles with the same queue sort", () => {
    expect(parseSchedulerConfiguration(twoProfiles).profiles.map((profile) => profile.schedulerName)).toEqual(
      ["me", "other"],
    );
  });
});

// Messages as upstream's validation.go words them (v1.32), one case per rule.
describe("parseSchedulerConfiguration validation", () => {
  it.each<{ name: string; input: Record<string, unknown>; expected: string[] }>([
    {
      name: "parallelism must be positive",
      input: { ...header, parallelism: 0 },
      expected: ["parallelism: Invalid value: 0: should be an integer value greater than zero"],
    },
    {
      name: "percentageOfNodesToScore must be within 0..100",
      input: { ...header, percentageOfNodesToScore: 101 },
      expected: ["percentageOfNodesToScore: Invalid value: 101: not in valid range [0-100]"],
    },
    {
      name: "a profile's percentageOfNodesToScore must be within 0..100",
      input: { ...header, profiles: [{ percentageOfNodesToScore: -1 }] },
      expected: ["profiles[0].percentageOfNodesToScore: Invalid value: -1: not in valid range [0-100]"],
    },
    {
      name: "podInitialBackoffSeconds must be positive",
      input: { ...header, podInitialBackoffSeconds: 0 },
      expected: ["podInitialBackoffSeconds: Invalid value: 0: must be greater than 0"],
    },
    {
      name: "podMaxBackoffSeconds must not be below podInitialBackoffSeconds",
      input: { ...header, podInitialBackoffSeconds: 5, podMaxBackoffSeconds: 3 },
      expected: [
        "podMaxBackoffSeconds: Invalid value: 3: must be greater than or equal to PodInitialBackoffSeconds",
      ],
    },
    {
      name: "every profile of several needs a scheduler name",
      input: {
        ...twoProfiles,
        profiles: [twoProfiles.profiles[0], { plugins: twoProfiles.profiles[1]?.plugins }],
      },
      expected: ["profiles[1].schedulerName: Required value"],
    },
    {
      name: "scheduler names must be unique",
      input: {
        ...twoProfiles,
        profiles: [{ ...twoProfiles.profiles[0], schedulerName: "other" }, twoProfiles.profiles[1]],
      },
      expected: [
        'profiles[1].schedulerName: Duplicate value: field.Path{name:"schedulerName", index:"", parent:(*field.Path)(0xc000010000)}',
      ],
    },
    {
      name: "every profile must use the same queue sort plugin",
      input: {
        ...twoProfiles,
        profiles: [
          twoProfiles.profiles[0],
          { schedulerName: "other", plugins: { queueSort: { enabled: [{ name: "AnotherSort" }] } } },
        ],
      },
      expected: [
        'profiles[1].plugins.queueSort: Invalid value: config.PluginSet{Enabled:[]config.Plugin{config.Plugin{Name:"AnotherSort", Weight:0}}, Disabled:[]config.Plugin(nil)}: queueSort must be the same for all profiles',
      ],
    },
    {
      name: "a profile keeping the default queue sort differs from one that replaces it",
      input: { ...twoProfiles, profiles: [{ schedulerName: "me" }, twoProfiles.profiles[1]] },
      expected: [
        'profiles[1].plugins.queueSort: Invalid value: config.PluginSet{Enabled:[]config.Plugin{config.Plugin{Name:"CustomSort", Weight:0}}, Disabled:[]config.Plugin(nil)}: queueSort must be the same for all profiles',
      ],
    },
    {
      name: "only one queue sort plugin may be enabled",
      input: {
        ...header,
        profiles: [{ plugins: { queueSort: { enabled: [{ name: "A" }, { name: "B" }] } } }],
      },
      expected: [
        "profiles[0].plugins.queueSort.Enabled: Invalid value: 2: only one queue sort plugin can be enabled",
      ],
    },
    {
      name: "the queue sort plugin's args must be the same for all profiles",
      input: {
        ...header,
        profiles: [
          {
            schedulerName: "me",
            plugins: { queueSort: { enabled: [{ name: "PrioritySort" }] } },
            pluginConfig: [{ name: "PrioritySort" }],
          },
          {
            schedulerName: "other",
            plugins: { queueSort: { enabled: [{ name: "PrioritySort" }] } },
            pluginConfig: [{ name: "PrioritySort", args: { order: "fifo" } }],
          },
        ],
      },
      expected: [
        'profiles[1].pluginConfig.args: Invalid value: {"order":"fifo"}: queueSort must be the same for all profiles',
      ],
    },
    {
      name: "a plugin may be configured once per profile",
      input: { ...header, profiles: [{ pluginConfig: [{ name: "config" }, { name: "config" }] }] },
      expected: ['profiles[0].pluginConfig[1]: Duplicate value: "config"'],
    },
    {
      name: "removed plugins may not be enabled",
      input: {
        ...header,
        profiles: [{ plugins: { filter: { enabled: [{ name: "NodeName" }, { name: "EBSLimits" }] } } }],
      },
      expected: [
        'profiles[0].plugins.filter.enabled[1]: Invalid value: "EBSLimits": was invalid in version "kubescheduler.config.k8s.io/v1" (KubeSchedulerConfiguration is version "kubescheduler.config.k8s.io/v1")',
      ],
    },
    {
      name: "removed plugins may not be configured",
      input: { ...header, profiles: [{ pluginConfig: [{ name: "GCEPDLimits" }] }] },
      expected: [
        'profiles[0].pluginConfig[0]: Invalid value: "GCEPDLimits": was invalid in version "kubescheduler.config.k8s.io/v1" (KubeSchedulerConfiguration is version "kubescheduler.config.k8s.io/v1")',
      ],
    },
    {
      name: "a prioritizing extender needs a positive weight",
      input: {
        ...header,
        extenders: [
          { urlPrefix: "http://127.0.0.1:8081/extender", prioritizeVerb: "prioritize", weight: -1 },
        ],
      },
      expected: ["extenders[0].weight: Invalid value: -1: must have a positive weight applied to it"],
    },
    {
      name: "only one extender may bind",
      input: { ...header, extenders: [{ bindVerb: "bind" }, { bindVerb: "bind" }] },
      expected: [
        'extenders: Invalid value: "found 2 extenders implementing bind": only one extender can implement bind',
      ],
    },
    {
      name: "extender managed resources must be unique extended resources",
      input: {
        ...header,
        extenders: [
          {
            managedResources: [
              { name: "example.com/foo" },
              { name: "example.com/foo" },
              { name: "kubernetes.io/foo" },
              { name: "a b" },
            ],
          },
        ],
      },
      expected: [
        'extenders[0].managedResources[1].name: Invalid value: "example.com/foo": duplicate extender managed resource name',
        'extenders[0].managedResources[2].name: Invalid value: "kubernetes.io/foo": is an invalid extended resource name',
        "extenders[0].managedResources[3].name: Invalid value: a b: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    },
    {
      name: "leader election must use a leases lock",
      input: { ...header, leaderElection: { resourceLock: "configmap" } },
      expected: [
        'leaderElection.resourceLock: Invalid value: "configmap": resourceLock value must be "leases"',
      ],
    },
    {
      name: "leader election durations must be positive and the lease longer than the renew deadline",
      input: { ...header, leaderElection: { leaseDuration: "-1s" } },
      expected: [
        "leaderElection.leaseDuration: Invalid value: -1s: must be greater than zero",
        "leaderElection.leaseDuration: Invalid value: 10s: LeaseDuration must be greater than RenewDeadline",
      ],
    },
    {
      name: "leader election settings are not checked when leader election is off",
      input: {
        ...header,
        leaderElection: { leaderElect: false, leaseDuration: "-1s", resourceLock: "configmap" },
      },
      expected: [],
    },
    {
      name: "the client burst must not be negative",
      input: { ...header, clientConnection: { burst: -1 } },
      expected: ["clientConnection.burst: Invalid value: -1: must be non-negative"],
    },
    {
      name: "every error is reported, in upstream's order",
      input: {
        ...header,
        parallelism: -2,
        percentageOfNodesToScore: 200,
        podInitialBackoffSeconds: -1,
        podMaxBackoffSeconds: -3,
        profiles: [{ schedulerName: "" }, { schedulerName: "" }],
      },
      expected: [
        "parallelism: Invalid value: -2: should be an integer value greater than zero",
        "profiles[0].schedulerName: Required value",
        "profiles[1].schedulerName: Required value",
        'profiles[1].schedulerName: Duplicate value: field.Path{name:"schedulerName", index:"", parent:(*field.Path)(0xc000010000)}',
        "percentageOfNodesToScore: Invalid value: 200: not in valid range [0-100]",
        "podInitialBackoffSeconds: Invalid value: -1: must be greater than 0",
        "podMaxBackoffSeconds: Invalid value: -3: must be greater than or equal to PodInitialBackoffSeconds",
      ],
    },
  ])("$name", ({ input, expected }) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it("throws one StatusError of kind KubeSchedulerConfiguration with every message", () => {
    let thrown: unknown;
    try {
      parseSchedulerConfiguration({ ...header, parallelism: 0, percentageOfNodesToScore: 101 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StatusError);
    const status = (thrown as StatusError).status;
    expect(status.code).toBe(422);
    expect(status.details?.kind).toBe("KubeSchedulerConfiguration");
    expect(status.details?.group).toBe("kubescheduler.config.k8s.io");
    expect(status.message).toBe(
      'KubeSchedulerConfiguration.kubescheduler.config.k8s.io "" is invalid: [parallelism: Invalid value: 0: should be an integer value greater than zero, percentageOfNodesToScore: Invalid value: 101: not in valid range [0-100]]',
    );
  });

  describe("plugin args", () => {
    const percentageDefinition = (name: string): PluginDefinition => ({
      name,
      factory: () => ({ name }),
      defaultArgs: (args) => ({ minCandidateNodesPercentage: 10, ...(args as object) }),
      validateArgs: (args) => {
        const {
          minCandidateNodesPercentage: value,
          ignoredResources,
          shape,
        } = args as {
          minCandidateNodesPercentage: number;
          ignoredResources?: string[];
          shape?: { utilization: number }[];
        };
        if (ignoredResources !== undefined)
          return [fieldErrors.invalid("ignoredResources[0]", "bad", "always wrong")];
        if (shape !== undefined)
          return [
            fieldErrors.invalid("shape[0].utilization", shape[0]?.utilization, "must be between 0 and 100"),
          ];
        return value < 0 || value > 100
          ? [fieldErrors.invalid("minCandidateNodesPercentage", value, "not in valid range [0, 100]")]
          : [];
      },
    });

    it.each([
      {
        name: "DefaultPreemption args are validated with the configuration, under the entry's path",
        plugin: "DefaultPreemption",
        args: { minCandidateNodesPercentage: 200 },
        expected: [
          "profiles[0].pluginConfig[1].args.minCandidateNodesPercentage: Invalid value: 200: not in valid range [0, 100]",
        ],
      },
      {
        name: "defaulted args are valid",
        plugin: "DefaultPreemption",
        args: undefined,
        expected: [],
      },
      {
        name: "NodeResourcesFit args wait for the plugin to be built, as upstream",
        plugin: "NodeResourcesFit",
        args: { ignoredResources: ["bad"] },
        expected: [],
      },
      {
        name: "VolumeBinding args errors are reported under the entry's path",
        plugin: "VolumeBinding",
        args: { shape: [{ utilization: 200, score: 0 }] },
        expected: [
          "profiles[0].pluginConfig[1].args.shape[0].utilization: Invalid value: 200: must be between 0 and 100",
        ],
      },
    ])("$name", ({ plugin, args, expected }) => {
      const input = {
        ...header,
        profiles: [
          {
            pluginConfig: [{ name: "Other" }, args === undefined ? { name: plugin } : { name: plugin, args }],
          },
        ],
      };
      expect(errorsOf(input, percentageDefinition)).toEqual(expected);
    });
  });
});

describe("parseSchedulerConfiguration decoding", () => {
  it.each<{ name: string; input: unknown; expected: string }>([
    {
      name: "a string where an integer belongs",
      input: { ...header, parallelism: "16" },
      expected:
        "json: cannot unmarshal string into Go struct field KubeSchedulerConfiguration.parallelism of type int32",
    },
    {
      name: "a fraction where an integer belongs, deep in a profile",
      input: { ...header, profiles: [{ plugins: { score: { enabled: [{ name: "A", weight: 1.5 }] } } }] },
      expected:
        "json: cannot unmarshal number 1.5 into Go struct field Plugin.profiles.plugins.score.enabled.weight of type int32",
    },
    {
      name: "an integer outside int32",
      input: { ...header, percentageOfNodesToScore: 2 ** 31 },
      expected:
        "json: cannot unmarshal number 2147483648 into Go struct field KubeSchedulerConfiguration.percentageOfNodesToScore of type int32",
    },
    {
      name: "an object where a list belongs",
      input: { ...header, profiles: {} },
      expected:
        "json: cannot unmarshal object into Go struct field KubeSchedulerConfiguration.profiles of type []v1.KubeSchedulerProfile",
    },
    {
      name: "a list where a plugin set belongs",
      input: { ...header, profiles: [{ plugins: { filter: [] } }] },
      expected:
        "json: cannot unmarshal array into Go struct field Plugins.profiles.plugins.filter of type v1.PluginSet",
    },
    {
      name: "a malformed duration",
      input: { ...header, leaderElection: { leaseDuration: "15 seconds" } },
      expected: 'time: unknown unit " seconds" in duration "15 seconds"',
    },
    {
      name: "unknown fields, all of them",
      input: { ...header, profile: [], profiles: [{ plugins: { filters: {} }, pluginconfig: [] }] },
      expected:
        'strict decoding error: unknown field "profile", unknown field "profiles[0].plugins.filters", unknown field "profiles[0].pluginconfig"',
    },
    {
      name: "prototype keys are plain unknown fields",
      input: JSON.parse(
        '{"apiVersion":"kubescheduler.config.k8s.io/v1","kind":"KubeSchedulerConfiguration","__proto__":{"parallelism":1}}',
      ),
      expected: 'strict decoding error: unknown field "__proto__"',
    },
    {
      name: "unknown fields in in-tree plugin args",
      input: {
        ...header,
        profiles: [{ pluginConfig: [{ name: "NodeAffinity", args: { addedAffinity: {}, extra: 1 } }] }],
      },
      expected:
        'strict decoding error: decoding .profiles[0].pluginConfig[0]: strict decoding error: decoding args for plugin NodeAffinity: strict decoding error: unknown field "extra"',
    },
    {
      name: "args of another plugin's kind",
      input: {
        ...header,
        profiles: [{ pluginConfig: [{ name: "DefaultPreemption", args: { kind: "InterPodAffinityArgs" } }] }],
      },
      expected:
        "decoding .profiles[0].pluginConfig[0]: args for plugin DefaultPreemption were not of type DefaultPreemptionArgs.kubescheduler.config.k8s.io, got InterPodAffinityArgs.kubescheduler.config.k8s.io",
    },
    {
      name: "a missing kind",
      input: { apiVersion: "kubescheduler.config.k8s.io/v1" },
      expected: `Object 'Kind' is missing in '{"apiVersion":"kubescheduler.config.k8s.io/v1"}'`,
    },
    {
      name: "a missing apiVersion",
      input: { kind: "KubeSchedulerConfiguration" },
      expected: `Object 'apiVersion' is missing in '{"kind":"KubeSchedulerConfiguration"}'`,
    },
    {
      name: "a removed version",
      input: { ...header, apiVersion: "kubescheduler.config.k8s.io/v1beta3" },
      expected:
        'no kind "KubeSchedulerConfiguration" is registered for version "kubescheduler.config.k8s.io/v1beta3"',
    },
    {
      name: "something that is not an object",
      input: "apiVersion: v1",
      expected: "a KubeSchedulerConfiguration must be an object, got a string",
    },
  ])("rejects $name", ({ input, expected }) => {
    expect(decodeErrorOf(input)).toBe(expected);
  });

  it("takes null as absent, as Go does", () => {
    const configuration = parseSchedulerConfiguration({
      ...header,
      parallelism: null,
      profiles: null,
      leaderElection: null,
    });
    expect(configuration.parallelism).toBe(16);
    expect(configuration.profiles).toEqual([{ schedulerName: "default-scheduler", pluginConfig: [] }]);
  });
});
