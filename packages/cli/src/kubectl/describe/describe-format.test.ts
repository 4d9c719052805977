import { type Event, type Pod, podQosClass } from "@kubesim/core";
import { afterEach, describe, expect, it } from "vitest";
import { podFieldRefResolver, probeText, writeContainers } from "./describe-containers.js";
import { eventAge, eventFieldSelector, writeEvents } from "./describe-events.js";
import { taintText, tolerationText, writeAnnotations, writeLabels } from "./describe-fields.js";
import { goValueText, smartLabel } from "./describe-generic.js";
import { formatTimestamp } from "./describe-time.js";
import { writeVolumes } from "./describe-volumes.js";
import { DescribeWriter, nestedWriter, type PrefixWriter } from "./describe-writer.js";
import { podLimits, podRequests } from "./pod-resources.js";

type Volume = NonNullable<NonNullable<Pod["spec"]>["volumes"]>[number];
type Probe = NonNullable<NonNullable<NonNullable<Pod["spec"]>["containers"]>[number]["livenessProbe"]>;

function written(body: (writer: PrefixWriter) => void): string {
  const writer = new DescribeWriter();
  body(writer);
  return writer.text();
}

const savedTimeZone = process.env.TZ;
afterEach(() => {
  if (savedTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedTimeZone;
});

describe("formatTimestamp", () => {
  it.each`
    name                                                   | timeZone              | value                            | expected
    ${"a UTC instant prints with +0000"}                   | ${"UTC"}              | ${"2026-01-01T00:00:00Z"}        | ${"Thu, 01 Jan 2026 00:00:00 +0000"}
    ${"fractional seconds are dropped"}                    | ${"UTC"}              | ${"2026-11-29T19:21:27.685000Z"} | ${"Sun, 29 Nov 2026 19:21:27 +0000"}
    ${"local time west of UTC has a negative offset"}      | ${"America/New_York"} | ${"2026-01-01T00:00:00Z"}        | ${"Wed, 31 Dec 2025 19:00:00 -0500"}
    ${"a half-hour zone prints its minutes"}               | ${"Asia/Kolkata"}     | ${"2026-01-01T00:00:00Z"}        | ${"Thu, 01 Jan 2026 05:30:00 +0530"}
    ${"an unset timestamp is Go's zero time, kept in UTC"} | ${"Asia/Kolkata"}     | ${null}                          | ${"Mon, 01 Jan 0001 00:00:00 +0000"}
  `("$name", ({ timeZone, value, expected }) => {
    process.env.TZ = timeZone;
    expect(formatTimestamp(value)).toBe(expected);
  });
});

describe("eventAge", () => {
  const now = Date.parse("2026-01-01T00:10:00Z");
  const cases: { name: string; event: Partial<Event>; expected: string }[] = [
    {
      name: "a single event is aged by its firstTimestamp",
      event: { firstTimestamp: "2026-01-01T00:09:55Z", lastTimestamp: "2026-01-01T00:09:55Z", count: 1 },
      expected: "5s",
    },
    {
      name: "a repeated event shows the last occurrence, the count and the first occurrence",
      event: { firstTimestamp: "2026-01-01T00:05:00Z", lastTimestamp: "2026-01-01T00:08:00Z", count: 3 },
      expected: "2m (x3 over 5m)",
    },
    {
      name: "an events.k8s.io event is aged by its eventTime",
      event: { eventTime: "2026-01-01T00:07:30.000000Z", reportingComponent: "default-scheduler" },
      expected: "2m30s",
    },
    {
      name: "a series reports its last observed time and count",
      event: {
        eventTime: "2026-01-01T00:00:00.000000Z",
        series: { count: 4, lastObservedTime: "2026-01-01T00:09:00.000000Z" },
      },
      expected: "60s (x4 over 10m)",
    },
    {
      name: "an event in the future is <invalid>",
      event: { firstTimestamp: "2026-01-01T00:11:00Z", count: 1 },
      expected: "<invalid>",
    },
    { name: "an event without any time is <unknown>", event: {}, expected: "<unknown>" },
  ];
  it.each(cases)("$name", ({ event, expected }) => {
    expect(eventAge({ involvedObject: {}, metadata: {}, ...event }, now)).toBe(expected);
  });
});

describe("writeEvents", () => {
  const event = (reason: string, lastTimestamp: string | null): Event => ({
    metadata: { name: reason },
    involvedObject: {},
    type: "Normal",
    reason,
    message: `  ${reason} happened \n`,
    source: { component: "kubelet" },
    ...(lastTimestamp === null ? {} : { firstTimestamp: lastTimestamp, lastTimestamp }),
    count: 1,
  });

  it("no events print an Events line aligned with the fields above it", () => {
    expect(
      written((writer) => {
        writer.write(0, "Number of Things:\t3\n");
        writeEvents(writer, [], 0);
      }),
    ).toBe("Number of Things:  3\nEvents:            <none>\n");
  });

  it("events form their own table, oldest lastTimestamp first, messages trimmed, unset times first", () => {
    const now = Date.parse("2026-01-01T00:01:00Z");
    expect(
      written((writer) => {
        writer.write(0, "A much longer field name:\tvalue\n");
        writeEvents(
          writer,
          [
            event("Late", "2026-01-01T00:00:50Z"),
            event("Early", "2026-01-01T00:00:00Z"),
            event("Unset", null),
          ],
          now,
        );
      }),
    ).toBe(
      "A much longer field name:  value\n" +
        "Events:\n" +
        "  Type    Reason  Age        From     Message\n" +
        "  ----    ------  ----       ----     -------\n" +
        "  Normal  Unset   <unknown>  kubelet  Unset happened\n" +
        "  Normal  Early   60s        kubelet  Early happened\n" +
        "  Normal  Late    10s        kubelet  Late happened\n",
    );
  });

  it.each`
    name                                                          | reference                                                                | expected
    ${"a DaemonSet is searched by name, namespace, kind and uid"} | ${{ namespace: "default", name: "nginx", kind: "DaemonSet", uid: "u1" }} | ${"involvedObject.name=nginx,involvedObject.namespace=default,involvedObject.kind=DaemonSet,involvedObject.uid=u1"}
    ${"a pod is searched without a kind"}                         | ${{ namespace: "default", name: "web", kind: "", uid: "u2" }}            | ${"involvedObject.name=web,involvedObject.namespace=default,involvedObject.uid=u2"}
    ${"a node is searched with an empty namespace"}               | ${{ namespace: "", name: "node-1", kind: "Node", uid: "node-1" }}        | ${"involvedObject.name=node-1,involvedObject.namespace=,involvedObject.kind=Node,involvedObject.uid=node-1"}
  `("$name", ({ reference, expected }) => {
    expect(eventFieldSelector(reference)).toBe(expected);
  });
});

describe("taints and tolerations", () => {
  it.each`
    name                                 | taint                                                                     | expected
    ${"key, value and effect"}           | ${{ key: "dedicated", value: "infra", effect: "NoSchedule" }}             | ${"dedicated=infra:NoSchedule"}
    ${"key and effect"}                  | ${{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }} | ${"node-role.kubernetes.io/control-plane:NoSchedule"}
    ${"key and value without an effect"} | ${{ key: "a", value: "b", effect: "" }}                                   | ${"a=b:"}
    ${"a bare key"}                      | ${{ key: "a", effect: "" }}                                               | ${"a"}
  `("taint with $name prints as $expected", ({ taint, expected }) => {
    expect(taintText(taint)).toBe(expected);
  });

  it.each`
    name                                            | toleration                                                                                                  | expected
    ${"operator Exists alone tolerates everything"} | ${{ operator: "Exists" }}                                                                                   | ${"op=Exists"}
    ${"an effect with Exists"}                      | ${{ operator: "Exists", effect: "NoExecute" }}                                                              | ${":NoExecute op=Exists"}
    ${"a key with Exists and a toleration time"}    | ${{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }} | ${"node.kubernetes.io/not-ready:NoExecute op=Exists for 300s"}
    ${"an Equal toleration with a value"}           | ${{ key: "dedicated", operator: "Equal", value: "infra", effect: "NoSchedule" }}                            | ${"dedicated=infra:NoSchedule"}
  `("toleration: $name", ({ toleration, expected }) => {
    expect(tolerationText(toleration)).toBe(expected);
  });
});

describe("labels and annotations", () => {
  it("labels are sorted and continuation lines align under the first value", () => {
    expect(written((writer) => writeLabels(writer, "Labels", { b: "2", a: "1", "a-b": "3" }))).toBe(
      "Labels:  a=1\n         a-b=3\n         b=2\n",
    );
  });

  it("the last-applied annotation is hidden, leaving <none>", () => {
    expect(
      written((writer) =>
        writeAnnotations(writer, "Annotations", { "kubectl.kubernetes.io/last-applied-configuration": "{}" }),
      ),
    ).toBe("Annotations:  <none>\n");
  });

  it("a long annotation goes on its own line, cut to 138 bytes and marked with ...", () => {
    const value = "x".repeat(150);
    expect(written((writer) => writeAnnotations(writer, "Annotations", { note: value }))).toBe(
      `Annotations:  note:\n                ${"x".repeat(138)}...\n`,
    );
  });

  it("a multi-line annotation prints one indented line per line", () => {
    expect(
      written((writer) => writeAnnotations(writer, "Annotations", { a: "one\ntwo\n", b: "short" })),
    ).toBe("Annotations:  a:\n                one\n                two\n              b: short\n");
  });
});

describe("the generic describer's labels and values", () => {
  it.each`
    field                   | expected
    ${"apiVersion"}         | ${"API Version"}
    ${"involvedObject"}     | ${"Involved Object"}
    ${"uid"}                | ${"UID"}
    ${"hostIPs"}            | ${"Host I Ps"}
    ${"PDFLoader"}          | ${"PDF Loader"}
    ${"foo-bar"}            | ${"Foo - Bar"}
    ${"kubernetes.io/name"} | ${"kubernetes.io/name"}
    ${"v1"}                 | ${"v1"}
  `("field $field is labelled $expected", ({ field, expected }) => {
    expect(smartLabel(field)).toBe(expected);
  });

  it.each`
    name                                   | value                      | expected
    ${"null is <nil>"}                     | ${null}                    | ${"<nil>"}
    ${"an integer prints in full"}         | ${1234567}                 | ${"1234567"}
    ${"a small fraction"}                  | ${0.25}                    | ${"0.25"}
    ${"a large fraction uses an exponent"} | ${1234567.5}               | ${"1.2345675e+06"}
    ${"a tiny fraction uses an exponent"}  | ${0.00001}                 | ${"1e-05"}
    ${"a list"}                            | ${["a", 1, true]}          | ${"[a 1 true]"}
    ${"a map with sorted keys"}            | ${{ b: 1, a: { c: "d" } }} | ${"map[a:map[c:d] b:1]"}
  `("$name", ({ value, expected }) => {
    expect(goValueText(value)).toBe(expected);
  });
});

describe("probeText", () => {
  const timing = {
    initialDelaySeconds: 5,
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  };
  const cases: { name: string; probe: Probe; expected: string }[] = [
    {
      name: "an HTTP GET with a numeric port and no host",
      probe: { ...timing, httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" } },
      expected: "http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3",
    },
    {
      name: "an HTTPS GET with a host and a named port",
      probe: { ...timing, httpGet: { host: "10.0.0.1", path: "ready", port: "web", scheme: "HTTPS" } },
      expected: "http-get https://10.0.0.1:web/ready delay=5s timeout=1s period=10s #success=1 #failure=3",
    },
    {
      name: "an exec probe prints its command as a Go slice",
      probe: { ...timing, exec: { command: ["cat", "/tmp/healthy"] } },
      expected: "exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3",
    },
    {
      name: "a TCP probe",
      probe: { ...timing, tcpSocket: { port: 6379 } },
      expected: "tcp-socket :6379 delay=5s timeout=1s period=10s #success=1 #failure=3",
    },
    {
      name: "a gRPC probe",
      probe: { ...timing, grpc: { port: 2379, service: "" } },
      expected: "grpc <pod>:2379  delay=5s timeout=1s period=10s #success=1 #failure=3",
    },
  ];
  it.each(cases)("$name", ({ probe, expected }) => {
    expect(probeText(probe)).toBe(expected);
  });
});

describe("writeContainers", () => {
  it("environment values resolve only metadata.name and metadata.namespace, as kubectl's scheme does; mounts sort by path", () => {
    const pod: Pod = { metadata: { name: "web-1", namespace: "default" }, spec: { containers: [] } };
    const container = {
      name: "app",
      image: "busybox",
      env: [
        { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
        { name: "NODE", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } },
        { name: "CPU", valueFrom: { resourceFieldRef: { resource: "limits.cpu" } } },
        { name: "PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
        { name: "GREETING", value: "hello" },
      ],
      volumeMounts: [
        { name: "data", mountPath: "/var/lib", readOnly: true, subPath: "x" },
        { name: "cache", mountPath: "/cache" },
      ],
    };
    expect(
      written((writer) =>
        writeContainers(writer, "Containers", [container], undefined, podFieldRefResolver(pod), ""),
      ),
    ).toBe(
      "Containers:\n" +
        "  app:\n" +
        "    Image:      busybox\n" +
        "    Port:       <none>\n" +
        "    Host Port:  <none>\n" +
        "    Environment:\n" +
        "      POD_NAME:  web-1 (v1:metadata.name)\n" +
        "      NODE:       (v1:spec.nodeName)\n" +
        "      CPU:       node allocatable (limits.cpu)\n" +
        "      PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false\n" +
        "      GREETING:  hello\n" +
        "    Mounts:\n" +
        "      /cache from cache (rw)\n" +
        '      /var/lib from data (ro,path="x")\n',
    );
  });
});

describe("writeVolumes", () => {
  const cases: { name: string; volumes: Volume[]; space: string; expected: string }[] = [
    { name: "no volumes print <none>", volumes: [], space: "", expected: "Volumes:  <none>\n" },
    {
      name: "a hostPath and a configMap volume of a pod",
      volumes: [
        { name: "lib-modules", hostPath: { path: "/lib/modules" } },
        { name: "kube-proxy", configMap: { name: "kube-proxy" } },
      ],
      space: "",
      expected:
        "Volumes:\n" +
        "  lib-modules:\n" +
        "    Type:          HostPath (bare host directory volume)\n" +
        "    Path:          /lib/modules\n" +
        "    HostPathType:  <none>\n" +
        "  kube-proxy:\n" +
        "    Type:      ConfigMap (a volume populated by a ConfigMap)\n" +
        "    Name:      kube-proxy\n" +
        "    Optional:  false\n",
    },
    {
      name: "an emptyDir of a pod template with a size limit",
      volumes: [{ name: "cache", emptyDir: { medium: "Memory", sizeLimit: "64Mi" } }],
      space: "  ",
      expected:
        "  Volumes:\n" +
        "   cache:\n" +
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        "    Medium:     Memory\n" +
        "    SizeLimit:  64Mi\n",
    },
    {
      name: "a projected service account volume",
      volumes: [
        {
          name: "kube-api-access",
          projected: {
            sources: [
              { serviceAccountToken: { path: "token", expirationSeconds: 3607 } },
              { configMap: { name: "kube-root-ca.crt" } },
              { downwardAPI: {} },
            ],
          },
        },
      ],
      space: "",
      expected:
        "Volumes:\n" +
        "  kube-api-access:\n" +
        "    Type:                    Projected (a volume that contains injected data from multiple sources)\n" +
        "    TokenExpirationSeconds:  3607\n" +
        "    ConfigMapName:           kube-root-ca.crt\n" +
        "    ConfigMapOptional:       <nil>\n" +
        "    DownwardAPI:             true\n",
    },
    {
      name: "a CSI volume keeps kubectl's spacing of its attributes",
      volumes: [{ name: "secrets", csi: { driver: "secrets-store", volumeAttributes: { b: "2", a: "1" } } }],
      space: "",
      expected:
        "Volumes:\n" +
        "  secrets:\n" +
        "    Type:              CSI (a Container Storage Interface (CSI) volume source)\n" +
        "    Driver:            secrets-store\n" +
        "    FSType:            \n" +
        "    ReadOnly:          false\n" +
        "    VolumeAttributes:      a=1\n" +
        "                           b=2\n",
    },
    {
      name: "a downward API volume lists its items",
      volumes: [
        {
          name: "info",
          downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] },
        },
      ],
      space: "",
      expected:
        "Volumes:\n" +
        "  info:\n" +
        "    Type:  DownwardAPI (a volume populated by information about the pod)\n" +
        "    Items:\n" +
        "      metadata.labels -> labels\n",
    },
    {
      name: "a volume without a source is <unknown>",
      volumes: [{ name: "odd" }],
      space: "",
      expected: "Volumes:\n  odd:\n    <unknown>\n",
    },
  ];
  it.each(cases)("$name", ({ volumes, space, expected }) => {
    expect(written((writer) => writeVolumes(writer, volumes, space))).toBe(expected);
  });
});

describe("pod resources and QoS class", () => {
  const pod = (spec: NonNullable<Pod["spec"]>, status: NonNullable<Pod["status"]> = {}): Pod => ({
    metadata: {},
    spec,
    status,
  });
  const container = (name: string, requests?: Record<string, string>, limits?: Record<string, string>) => ({
    name,
    resources: {
      ...(requests === undefined ? {} : { requests }),
      ...(limits === undefined ? {} : { limits }),
    },
  });

  it.each`
    name                                                           | subject                                                                                            | expected
    ${"no requests or limits is BestEffort"}                       | ${pod({ containers: [container("a")] })}                                                           | ${"BestEffort"}
    ${"limits equal to requests for CPU and memory is Guaranteed"} | ${pod({ containers: [container("a", { cpu: "1", memory: "1Gi" }, { cpu: "1", memory: "1Gi" })] })} | ${"Guaranteed"}
    ${"a request without limits is Burstable"}                     | ${pod({ containers: [container("a", { cpu: "100m" })] })}                                          | ${"Burstable"}
    ${"a CPU-only limit is Burstable"}                             | ${pod({ containers: [container("a", { cpu: "1" }, { cpu: "1" })] })}                               | ${"Burstable"}
    ${"the recorded status.qosClass wins"}                         | ${pod({ containers: [container("a")] }, { qosClass: "Guaranteed" })}                               | ${"Guaranteed"}
  `("$name", ({ subject, expected }) => {
    expect(podQosClass(subject)).toBe(expected);
  });

  it("requests sum containers, add sidecars and take the largest init step; limits add overhead only where set", () => {
    const subject = pod({
      containers: [
        container("app", { cpu: "100m", memory: "64Mi" }, { memory: "128Mi" }),
        container("log", { cpu: "50m" }),
      ],
      initContainers: [
        { ...container("sidecar", { cpu: "200m" }), restartPolicy: "Always" },
        container("migrate", { cpu: "1", memory: "32Mi" }),
      ],
      overhead: { cpu: "10m", memory: "1Mi" },
    });
    const text = (totals: ReturnType<typeof podRequests>): Record<string, string> =>
      Object.fromEntries([...totals].map(([name, quantity]) => [name, quantity.toString()]));
    // Containers 150m + sidecar 200m = 350m; the init step (1 + 200m sidecar) is larger; plus 10m overhead.
    expect(text(podRequests(subject))).toEqual({ cpu: "1210m", memory: "65Mi" });
    expect(text(podLimits(subject))).toEqual({ memory: "129Mi" });
  });
});

describe("DescribeWriter", () => {
  it("escapes terminal control characters as kubectl does", () => {
    expect(written((writer) => writer.write(0, "Message:\tbad \u001b[31mred\r\n"))).toBe(
      "Message:  bad ^[[31mred\\r\n",
    );
  });

  it("a nested writer indents its lines, including writeLine (kubectl's quirk)", () => {
    expect(
      written((writer) => {
        const nested = nestedWriter(writer, 2);
        nested.write(0, "Labels:\t");
        nested.writeLine("<none>");
      }),
    ).toBe("    Labels:      <none>\n");
  });
});
