import { describe, expect, it } from "vitest";
import { fieldErrorMessage } from "../errors/index.js";
import { updatablePodSpecFields, validatePodUpdate } from "./pod-update.js";
import { defaultedPod, type LooseObject, setPath } from "./test-objects.js";

const notReady = { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" };
const unreachable = { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" };

/** A stored pod: defaulted, bound to `node-1`, with a resourceVersion and two tolerations. */
function storedPod(mutate?: (pod: LooseObject) => void): LooseObject {
  return defaultedPod((pod) => {
    setPath(pod, "metadata.resourceVersion", "7");
    setPath(pod, "metadata.uid", "uid-1");
    setPath(pod, "spec.nodeName", "node-1");
    setPath(pod, "spec.tolerations", [{ ...notReady }, { ...unreachable, tolerationSeconds: 300 }]);
    mutate?.(pod);
  });
}

/** What the status subresource builds: the stored spec object itself, a metadata copy, a new status. */
function statusUpdateOf(old: LooseObject, status: LooseObject): LooseObject {
  return { ...old, metadata: { ...(old.metadata as LooseObject) }, status };
}

/** A full update: a deep copy of the stored pod, changed by `mutate`. */
function updateOf(old: LooseObject, mutate: (pod: LooseObject) => void): LooseObject {
  const pod = structuredClone(old);
  mutate(pod);
  return pod;
}

function forbiddenSpecChange(...fields: string[]): string {
  return `spec: Forbidden: pod updates may not change fields other than ${updatablePodSpecFields}\nchanged: ${fields.join(", ")}`;
}

describe("validatePodUpdate", () => {
  const invalidNodeName = storedPod((pod) => setPath(pod, "spec.nodeName", "Node_1"));
  const cases: Array<{ name: string; pod: LooseObject; old: LooseObject; want: string[] }> = [
    {
      name: "A status update that keeps the stored spec object does not validate that spec again",
      pod: statusUpdateOf(invalidNodeName, { phase: "Running" }),
      old: invalidNodeName,
      want: [],
    },
    {
      name: "An update that sends a copy of the spec has it validated again",
      pod: updateOf(invalidNodeName, (pod) => setPath(pod, "status.phase", "Running")),
      old: invalidNodeName,
      want: [
        "spec.nodeName: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    {
      name: "A status update still checks the metadata update rules",
      pod: (() => {
        const old = storedPod();
        const pod = statusUpdateOf(old, { phase: "Running" });
        setPath(pod, "metadata.uid", "uid-2");
        return pod;
      })(),
      old: storedPod(),
      want: ['metadata.uid: Invalid value: "uid-2": field is immutable'],
    },
    {
      name: "A status update still checks the mirror pod annotation",
      pod: (() => {
        const old = storedPod();
        const pod = statusUpdateOf(old, { phase: "Running" });
        setPath(pod, "metadata.annotations", { "kubernetes.io/config.mirror": "abc" });
        return pod;
      })(),
      old: storedPod(),
      want: [
        "metadata.annotations[kubernetes.io/config.mirror]: Forbidden: may not add mirror pod annotation",
      ],
    },
    {
      name: "Setting fields to their zero values is no spec change",
      pod: updateOf(storedPod(), (pod) => {
        setPath(pod, "spec.hostNetwork", false);
        setPath(pod, "spec.nodeSelector", {});
        setPath(pod, "spec.hostname", "");
      }),
      old: storedPod(),
      want: [],
    },
    {
      name: "A container image may change",
      pod: updateOf(storedPod(), (pod) => setPath(pod, "spec.containers[0].image", "nginx:1.27")),
      old: storedPod(),
      want: [],
    },
    {
      name: "Changing another field is forbidden and the changed fields are listed in order",
      pod: updateOf(storedPod(), (pod) => {
        setPath(pod, "spec.schedulerName", "other-scheduler");
        setPath(pod, "spec.restartPolicy", "Never");
      }),
      old: storedPod(),
      want: [forbiddenSpecChange("spec.restartPolicy", "spec.schedulerName")],
    },
    {
      name: "Removing a field that had a value is a change",
      pod: updateOf(storedPod(), (pod) => setPath(pod, "spec.securityContext", undefined)),
      old: storedPod((pod) => setPath(pod, "spec.securityContext", { runAsUser: 1000 })),
      want: [forbiddenSpecChange("spec.securityContext")],
    },
    {
      name: "A toleration may be added and another one's tolerationSeconds changed",
      pod: updateOf(storedPod(), (pod) =>
        setPath(pod, "spec.tolerations", [
          { ...notReady },
          { ...unreachable, tolerationSeconds: 60 },
          { key: "dedicated", operator: "Exists", effect: "NoSchedule" },
        ]),
      ),
      old: storedPod(),
      want: [],
    },
    {
      name: "Tolerations may be reordered",
      pod: updateOf(storedPod(), (pod) =>
        setPath(pod, "spec.tolerations", [{ ...unreachable, tolerationSeconds: 300 }, { ...notReady }]),
      ),
      old: storedPod(),
      want: [],
    },
    {
      name: "An existing toleration may not be modified otherwise",
      pod: updateOf(storedPod(), (pod) =>
        setPath(pod, "spec.tolerations", [{ ...notReady, effect: "NoSchedule" }, { ...unreachable }]),
      ),
      old: storedPod(),
      want: [
        "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds",
      ],
    },
  ];

  it.each(cases)("$name", ({ pod, old, want }) => {
    expect(validatePodUpdate(pod, old).map(fieldErrorMessage)).toEqual(want);
  });
});
