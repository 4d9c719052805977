import { describe, expect, it } from "vitest";
import { fieldErrorMessage } from "../errors/index.js";
import { validatePodSpec } from "./pod-spec.js";
import { defaultedContainer, defaultedPodSpec, setPath } from "./test-objects.js";

type Change = readonly [path: string, value: unknown];

function specErrors(changes: readonly Change[], template = false): string[] {
  const spec = defaultedPodSpec();
  for (const [path, value] of changes) setPath(spec, path, value);
  return validatePodSpec(spec, "spec", { template }).map(fieldErrorMessage);
}

const labelRegex =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const nameRegex =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("validatePodSpec: containers", () => {
  const cases: Array<{ name: string; changes: Change[]; want: string[] }> = [
    { name: "A defaulted pod spec is valid", changes: [], want: [] },
    {
      name: "A spec without containers needs them",
      changes: [["containers", undefined]],
      want: ["spec.containers: Required value"],
    },
    {
      name: "A container without a name or image needs both",
      changes: [["containers[0]", { terminationMessagePolicy: "File", imagePullPolicy: "Always" }]],
      want: ["spec.containers[0].name: Required value", "spec.containers[0].image: Required value"],
    },
    {
      name: "A container name must be a DNS-1123 label",
      changes: [["containers[0].name", "Web_Server"]],
      want: [`spec.containers[0].name: Invalid value: "Web_Server": ${labelRegex}`],
    },
    {
      name: "Two containers may not share a name",
      changes: [["containers[1]", defaultedContainer("nginx")]],
      want: ['spec.containers[1].name: Duplicate value: "nginx"'],
    },
    {
      name: "An unknown imagePullPolicy is not supported",
      changes: [["containers[0].imagePullPolicy", "Sometimes"]],
      want: [
        'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      ],
    },
    {
      name: "An empty imagePullPolicy is required (defaulting sets it)",
      changes: [["containers[0].imagePullPolicy", undefined]],
      want: ["spec.containers[0].imagePullPolicy: Required value"],
    },
    {
      name: "An unknown terminationMessagePolicy is not supported",
      changes: [["containers[0].terminationMessagePolicy", "Always"]],
      want: [
        'spec.containers[0].terminationMessagePolicy: Unsupported value: "Always": supported values: "File", "FallbackToLogsOnError"',
      ],
    },
    {
      name: "A regular container may not have a restartPolicy",
      changes: [["containers[0].restartPolicy", "Always"]],
      want: ["spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"],
    },
    {
      name: "An environment variable needs a name",
      changes: [["containers[0].env", [{ value: "x" }]]],
      want: ["spec.containers[0].env[0].name: Required value"],
    },
    {
      name: "An init container may only have restartPolicy Always",
      changes: [["initContainers", [{ ...defaultedContainer("init"), restartPolicy: "Never" }]]],
      want: ['spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: "An init container may not reuse a regular container's name",
      changes: [["initContainers", [defaultedContainer("nginx")]]],
      want: ['spec.initContainers[0].name: Duplicate value: "nginx"'],
    },
    {
      name: "A probe on a plain init container is forbidden",
      changes: [
        [
          "initContainers",
          [{ ...defaultedContainer("init"), readinessProbe: { exec: { command: ["true"] } } }],
        ],
      ],
      want: [
        "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
      ],
    },
  ];

  it.each(cases)("$name", ({ changes, want }) => {
    expect(specErrors(changes)).toEqual(want);
  });
});

describe("validatePodSpec: ports", () => {
  const cases: Array<{ name: string; changes: Change[]; template?: boolean; want: string[] }> = [
    {
      name: "A named TCP port is valid",
      changes: [["containers[0].ports", [{ name: "http", containerPort: 80, protocol: "TCP" }]]],
      want: [],
    },
    {
      name: "A containerPort is required",
      changes: [["containers[0].ports", [{ protocol: "TCP" }]]],
      want: ["spec.containers[0].ports[0].containerPort: Required value"],
    },
    {
      name: "Port numbers above 65535 are out of range",
      changes: [["containers[0].ports", [{ containerPort: 70000, hostPort: 70001, protocol: "TCP" }]]],
      want: [
        "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
        "spec.containers[0].ports[0].hostPort: Invalid value: 70001: must be between 1 and 65535, inclusive",
      ],
    },
    {
      name: "An unknown protocol is not supported",
      changes: [["containers[0].ports", [{ containerPort: 80, protocol: "HTTP" }]]],
      want: [
        'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    },
    {
      name: "A missing protocol is required (defaulting sets TCP)",
      changes: [["containers[0].ports", [{ containerPort: 80 }]]],
      want: ["spec.containers[0].ports[0].protocol: Required value"],
    },
    {
      name: "A port name must be an IANA service name",
      changes: [["containers[0].ports", [{ name: "HTTP", containerPort: 80, protocol: "TCP" }]]],
      want: [
        'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
      ],
    },
    {
      name: "Two ports of a container may not share a name",
      changes: [
        [
          "containers[0].ports",
          [
            { name: "http", containerPort: 80, protocol: "TCP" },
            { name: "http", containerPort: 81, protocol: "TCP" },
          ],
        ],
      ],
      want: ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    },
    {
      name: "Two containers may not use the same host port",
      changes: [
        ["containers[0].ports", [{ containerPort: 80, hostPort: 8080, protocol: "TCP" }]],
        [
          "containers[1]",
          {
            ...defaultedContainer("sidecar"),
            ports: [{ containerPort: 81, hostPort: 8080, protocol: "TCP" }],
          },
        ],
      ],
      want: ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    },
    {
      name: "Under hostNetwork a Pod's hostPort must equal its containerPort",
      changes: [
        ["hostNetwork", true],
        ["containers[0].ports", [{ containerPort: 80, protocol: "TCP" }]],
      ],
      want: [
        "spec.containers[0].ports[0].hostPort: Invalid value: 0: must match `containerPort` when `hostNetwork` is true",
      ],
    },
    {
      name: "Under hostNetwork a template may leave hostPort unset",
      changes: [
        ["hostNetwork", true],
        ["containers[0].ports", [{ containerPort: 80, protocol: "TCP" }]],
      ],
      template: true,
      want: [],
    },
    {
      name: "Under hostNetwork a template may not set a different hostPort",
      changes: [
        ["hostNetwork", true],
        ["containers[0].ports", [{ containerPort: 80, hostPort: 81, protocol: "TCP" }]],
      ],
      template: true,
      want: [
        "spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true",
      ],
    },
  ];

  it.each(cases)("$name", ({ changes, template, want }) => {
    expect(specErrors(changes, template ?? false)).toEqual(want);
  });
});

describe("validatePodSpec: resources", () => {
  const cases: Array<{ name: string; resources: unknown; want: string[] }> = [
    {
      name: "Requests below limits are valid",
      resources: { requests: { cpu: "500m" }, limits: { cpu: "1" } },
      want: [],
    },
    {
      name: "A cpu request above the limit is rejected with upstream's message",
      resources: { requests: { cpu: "2" }, limits: { cpu: "1" } },
      want: [
        'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
      ],
    },
    {
      name: "A memory request above the limit shows canonical quantities",
      resources: { requests: { memory: "2048Mi" }, limits: { memory: "1Gi" } },
      want: [
        'spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
      ],
    },
    {
      name: "A quantity that does not parse is reported with the parser's message",
      resources: { limits: { cpu: "one" } },
      want: [
        "spec.containers[0].resources.limits[cpu]: Invalid value: \"one\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ],
    },
    {
      name: "A negative quantity is rejected",
      resources: { requests: { cpu: "-1" } },
      want: [
        'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      ],
    },
    {
      name: "An unknown unprefixed resource is neither standard nor a container resource",
      resources: { limits: { gpu: "1" } },
      want: [
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      ],
    },
    {
      name: "A standard resource that containers cannot request is rejected",
      resources: { limits: { pods: "1" } },
      want: [
        'spec.containers[0].resources.limits[pods]: Invalid value: "pods": must be a standard resource for containers',
      ],
    },
    {
      name: "An extended resource must be requested at its limit",
      resources: { requests: { "nvidia.com/gpu": "1" }, limits: { "nvidia.com/gpu": "2" } },
      want: [
        'spec.containers[0].resources.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2',
      ],
    },
    {
      name: "An extended resource request needs a limit",
      resources: { requests: { "nvidia.com/gpu": "1" } },
      want: [
        "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources",
      ],
    },
    {
      name: "An extended resource must be an integer",
      resources: { requests: { "nvidia.com/gpu": "500m" }, limits: { "nvidia.com/gpu": "500m" } },
      want: [
        'spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: "500m": must be an integer',
        'spec.containers[0].resources.requests[nvidia.com/gpu]: Invalid value: "500m": must be an integer',
      ],
    },
    {
      name: "Hugepages need cpu or memory and a multiple of the page size",
      resources: { limits: { "hugepages-2Mi": "3Mi" }, requests: { "hugepages-2Mi": "3Mi" } },
      want: [
        'spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
        'spec.containers[0].resources.requests[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
        "spec.containers[0].resources: Forbidden: HugePages require cpu or memory",
      ],
    },
    {
      name: "An extended-resource quantity too large to compute exactly is accepted without throwing",
      resources: {
        requests: { "nvidia.com/gpu": "1e999999999" },
        limits: { "nvidia.com/gpu": "1e999999999" },
      },
      want: [],
    },
    {
      name: "A quantity of the wrong JSON type is a type error",
      resources: { limits: { cpu: true } },
      want: [
        'spec.containers[0].resources.limits[cpu]: Invalid value: "boolean": spec.containers[0].resources.limits[cpu] in body must be of type string: "boolean"',
      ],
    },
  ];

  it.each(cases)("$name", ({ resources, want }) => {
    expect(specErrors([["containers[0].resources", resources]])).toEqual(want);
  });
});

describe("validatePodSpec: pod-level fields", () => {
  const cases: Array<{ name: string; changes: Change[]; want: string[] }> = [
    {
      name: "An unknown restartPolicy is not supported",
      changes: [["restartPolicy", "Sometimes"]],
      want: [
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    },
    {
      name: "An unknown dnsPolicy is not supported",
      changes: [["dnsPolicy", "Google"]],
      want: [
        'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    },
    {
      name: "dnsPolicy None needs a dnsConfig",
      changes: [["dnsPolicy", "None"]],
      want: ["spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"],
    },
    {
      name: "A missing terminationGracePeriodSeconds is required (defaulting sets 30)",
      changes: [["terminationGracePeriodSeconds", undefined]],
      want: ["spec.terminationGracePeriodSeconds: Required value"],
    },
    {
      name: "activeDeadlineSeconds must be positive",
      changes: [["activeDeadlineSeconds", 0]],
      want: ["spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive"],
    },
    {
      name: "nodeSelector labels are validated",
      changes: [["nodeSelector", { "bad key": "x" }]],
      want: [`spec.nodeSelector: Invalid value: "bad key": name part ${nameRegex}`],
    },
    {
      name: "A nodeName must be a DNS subdomain",
      changes: [["nodeName", "Node_1"]],
      want: [
        "spec.nodeName: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    {
      name: "A priorityClassName must be a DNS subdomain",
      changes: [["priorityClassName", "High"]],
      want: [
        "spec.priorityClassName: Invalid value: \"High\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    {
      name: "An empty preemptionPolicy is required",
      changes: [["preemptionPolicy", ""]],
      want: ["spec.preemptionPolicy: Required value"],
    },
    {
      name: "A hostname must be a DNS label",
      changes: [["hostname", "a.b"]],
      want: ['spec.hostname: Invalid value: "a.b": must not contain dots'],
    },
    {
      name: "Scheduling gates are qualified names without duplicates",
      changes: [["schedulingGates", [{ name: "example.com/gate" }, { name: "example.com/gate" }]]],
      want: ['spec.schedulingGates[1]: Duplicate value: "example.com/gate"'],
    },
    {
      name: "An unknown OS is not supported",
      changes: [["os", { name: "plan9" }]],
      want: ['spec.os: Unsupported value: "plan9": supported values: "linux", "windows"'],
    },
    {
      name: "Topology spread constraints need maxSkew, topologyKey and a supported action",
      changes: [["topologySpreadConstraints", [{ maxSkew: 0, whenUnsatisfiable: "Maybe" }]]],
      want: [
        "spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero",
        "spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty",
        'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Maybe": supported values: "DoNotSchedule", "ScheduleAnyway"',
      ],
    },
    {
      name: "Two topology spread constraints may not share key and action",
      changes: [
        [
          "topologySpreadConstraints",
          [
            { maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule" },
            { maxSkew: 2, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule" },
          ],
        ],
      ],
      want: [
        'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{zone, DoNotSchedule}"',
      ],
    },
  ];

  it.each(cases)("$name", ({ changes, want }) => {
    expect(specErrors(changes)).toEqual(want);
  });
});

describe("validatePodSpec: volumes", () => {
  const cases: Array<{ name: string; changes: Change[]; want: string[] }> = [
    {
      name: "A mounted hostPath volume is valid",
      changes: [
        ["volumes", [{ name: "logs", hostPath: { path: "/var/log" } }]],
        ["containers[0].volumeMounts", [{ name: "logs", mountPath: "/logs" }]],
      ],
      want: [],
    },
    {
      name: "A volume name must be a DNS label and unique",
      changes: [
        [
          "volumes",
          [
            { name: "Logs", emptyDir: {} },
            { name: "data", emptyDir: {} },
            { name: "data", emptyDir: {} },
          ],
        ],
      ],
      want: [
        `spec.volumes[0].name: Invalid value: "Logs": ${labelRegex}`,
        'spec.volumes[2].name: Duplicate value: "data"',
      ],
    },
    {
      name: "A volume needs exactly one source",
      changes: [["volumes", [{ name: "a" }, { name: "b", emptyDir: {}, hostPath: { path: "/x" } }]]],
      want: [
        "spec.volumes[0]: Required value: must specify a volume type",
        "spec.volumes[1].hostPath: Forbidden: may not specify more than 1 volume type",
      ],
    },
    {
      name: "A hostPath needs a path",
      changes: [["volumes", [{ name: "a", hostPath: {} }]]],
      want: ["spec.volumes[0].hostPath.path: Required value"],
    },
    {
      name: "A mount of an unknown volume is not found",
      changes: [["containers[0].volumeMounts", [{ name: "missing", mountPath: "/x" }]]],
      want: ['spec.containers[0].volumeMounts[0].name: Not found: "missing"'],
    },
    {
      name: "A mount of an invalid volume is not found either",
      changes: [
        ["volumes", [{ name: "Bad", emptyDir: {} }]],
        ["containers[0].volumeMounts", [{ name: "Bad", mountPath: "/x" }]],
      ],
      want: [
        `spec.volumes[0].name: Invalid value: "Bad": ${labelRegex}`,
        'spec.containers[0].volumeMounts[0].name: Not found: "Bad"',
      ],
    },
    {
      name: "Mount paths must be given and unique",
      changes: [
        ["volumes", [{ name: "a", emptyDir: {} }]],
        [
          "containers[0].volumeMounts",
          [{ name: "a", mountPath: "/x" }, { name: "a", mountPath: "/x" }, { name: "a" }],
        ],
      ],
      want: [
        'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/x": must be unique',
        "spec.containers[0].volumeMounts[2].mountPath: Required value",
      ],
    },
  ];

  it.each(cases)("$name", ({ changes, want }) => {
    expect(specErrors(changes)).toEqual(want);
  });
});
