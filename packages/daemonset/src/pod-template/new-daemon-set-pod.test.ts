import type { Affinity, DaemonSet, NodeSelectorRequirement, Toleration } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import {
  createDaemonPodFactory,
  createDaemonPodTemplate,
  newDaemonSetPod,
  replaceDaemonSetPodNodeNameNodeAffinity,
} from "./new-daemon-set-pod.js";

const defaultTolerations: Toleration[] = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
];

const pinTo = (nodeName: string): Affinity => ({
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] }],
    },
  },
});

const requiredTerms = (
  ...terms: { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }[]
): Affinity => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
});

const hostnamePreference = {
  weight: 1,
  preference: { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["host_1"] }] },
};

describe("replaceDaemonSetPodNodeNameNodeAffinity (upstream TestReplaceDaemonSetPodNodeNameNodeAffinity)", () => {
  it.each([
    { name: "creates the whole affinity when there is none", affinity: undefined, expected: pinTo("host_1") },
    {
      name: "replaces a required hostname expression by the pin",
      affinity: requiredTerms({
        matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["host_1"] }],
      }),
      expected: pinTo("host_1"),
    },
    {
      name: "keeps preferred terms and adds the required pin beside them",
      affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [hostnamePreference] } },
      expected: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [hostnamePreference],
          requiredDuringSchedulingIgnoredDuringExecution:
            pinTo("host_1").nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
        },
      },
    },
    {
      name: "narrows a pin on two nodes to the one node",
      affinity: requiredTerms({
        matchFields: [{ key: "metadata.name", operator: "In", values: ["host_1", "host_2"] }],
      }),
      expected: pinTo("host_1"),
    },
    {
      name: "drops every other required term",
      affinity: requiredTerms(
        { matchExpressions: [{ key: "hostname", operator: "In", values: ["host_1"] }] },
        { matchFields: [{ key: "metadata.name", operator: "In", values: ["host_2"] }] },
      ),
      expected: pinTo("host_1"),
    },
    {
      name: "replaces a NotIn metadata.name requirement",
      affinity: requiredTerms({
        matchFields: [{ key: "metadata.name", operator: "NotIn", values: ["host_2"] }],
      }),
      expected: pinTo("host_1"),
    },
    {
      name: "replaces a matchFields requirement on another field",
      affinity: requiredTerms({ matchFields: [{ key: "metadata.foo", operator: "In", values: ["bar"] }] }),
      expected: pinTo("host_1"),
    },
    {
      name: "keeps pod anti-affinity",
      affinity: {
        podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "zone" }] },
      },
      expected: {
        podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: "zone" }] },
        ...pinTo("host_1"),
      },
    },
  ])("$name", ({ affinity, expected }) => {
    const before = structuredClone(affinity);
    expect(replaceDaemonSetPodNodeNameNodeAffinity(affinity, "host_1")).toEqual(expected);
    expect(affinity).toEqual(before);
  });
});

describe("createDaemonPodTemplate (upstream TestCreatePodTemplate)", () => {
  it.each([
    {
      name: "adds the generation label and no hash label when the hash is empty",
      generation: "1",
      hash: "",
      labels: { "pod-template-generation": "1" },
    },
    {
      name: "adds both labels when a hash is given",
      generation: "2",
      hash: "3242341807",
      labels: { "pod-template-generation": "2", "controller-revision-hash": "3242341807" },
    },
    {
      name: "adds no generation label when the generation is unknown",
      generation: undefined,
      hash: "h",
      labels: { "controller-revision-hash": "h" },
    },
  ])("$name", ({ generation, hash, labels }) => {
    expect(createDaemonPodTemplate({}, generation, hash)).toEqual({
      metadata: { labels },
      spec: { containers: [], tolerations: defaultTolerations },
    });
  });

  it("lets the added labels override template labels of the same key", () => {
    const template = {
      metadata: { labels: { app: "web", "controller-revision-hash": "stale" } },
      spec: { containers: [] },
    };
    expect(createDaemonPodTemplate(template, "4", "fresh").metadata?.labels).toEqual({
      app: "web",
      "controller-revision-hash": "fresh",
      "pod-template-generation": "4",
    });
  });
});

function fluentd(overrides: { name?: string; annotations?: Record<string, string> } = {}): DaemonSet {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: {
      name: overrides.name ?? "fluentd",
      namespace: "kube-system",
      uid: "6f1e0c9a-0000-4000-8000-000000000001",
      annotations: overrides.annotations ?? { "deprecated.daemonset.template.generation": "2" },
    },
    spec: {
      selector: { matchLabels: { app: "fluentd" } },
      template: {
        metadata: {
          labels: { app: "fluentd" },
          annotations: { team: "logging" },
          finalizers: ["example.com/keep"],
        },
        spec: {
          containers: [{ name: "fluentd", image: "fluentd:v1" }],
          tolerations: [
            {
              key: "node.kubernetes.io/not-ready",
              operator: "Exists",
              effect: "NoExecute",
              tolerationSeconds: 300,
            },
            { key: "dedicated", operator: "Equal", value: "logs", effect: "NoSchedule" },
          ],
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }] }],
              },
              preferredDuringSchedulingIgnoredDuringExecution: [hostnamePreference],
            },
          },
        },
      },
    },
  };
}

// The user's finite not-ready toleration is replaced in place by the default; the rest follow it.
const mergedTolerations: Toleration[] = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
  { key: "dedicated", operator: "Equal", value: "logs", effect: "NoSchedule" },
  ...defaultTolerations.slice(1),
];

const expectedMetadata = {
  generateName: "fluentd-",
  namespace: "kube-system",
  labels: { app: "fluentd", "pod-template-generation": "2", "controller-revision-hash": "6c8d7489d5" },
  annotations: { team: "logging" },
  finalizers: ["example.com/keep"],
  ownerReferences: [
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      name: "fluentd",
      uid: "6f1e0c9a-0000-4000-8000-000000000001",
      controller: true,
      blockOwnerDeletion: true,
    },
  ],
};

describe("newDaemonSetPod", () => {
  it("pins the pod to its node by affinity and leaves binding to the scheduler", () => {
    expect(newDaemonSetPod(fluentd(), "node-1", { hash: "6c8d7489d5", scheduling: "scheduler" })).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: expectedMetadata,
      spec: {
        containers: [{ name: "fluentd", image: "fluentd:v1" }],
        tolerations: mergedTolerations,
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [hostnamePreference],
            ...pinTo("node-1").nodeAffinity,
          },
        },
      },
    });
  });

  it("binds the pod itself in legacy mode and keeps the template's affinity", () => {
    const daemonSet = fluentd();
    expect(newDaemonSetPod(daemonSet, "node-1", { hash: "6c8d7489d5", scheduling: "legacy" })).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: expectedMetadata,
      spec: {
        containers: [{ name: "fluentd", image: "fluentd:v1" }],
        tolerations: mergedTolerations,
        affinity: daemonSet.spec?.template.spec?.affinity,
        nodeName: "node-1",
      },
    });
  });

  it("keeps a node name the template sets in scheduler mode", () => {
    const daemonSet = fluentd();
    (daemonSet.spec?.template.spec as { nodeName?: string }).nodeName = "node-7";
    const pod = newDaemonSetPod(daemonSet, "node-7", { hash: "h", scheduling: "scheduler" });
    expect(pod.spec?.nodeName).toBe("node-7");
    expect(pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution).toEqual(
      pinTo("node-7").nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    );
  });

  it("adds the network-unavailable toleration for a host-network pod", () => {
    const daemonSet = fluentd();
    (daemonSet.spec?.template.spec as { hostNetwork?: boolean }).hostNetwork = true;
    const pod = newDaemonSetPod(daemonSet, "node-1", { hash: "h", scheduling: "scheduler" });
    expect(pod.spec?.tolerations?.at(-1)).toEqual({
      key: "node.kubernetes.io/network-unavailable",
      operator: "Exists",
      effect: "NoSchedule",
    });
  });

  it.each([
    {
      name: "leaves out the generation label when the annotation is not an integer",
      annotations: { "deprecated.daemonset.template.generation": "two" },
      labels: { app: "fluentd", "controller-revision-hash": "h" },
    },
    {
      name: "leaves out the generation label when the annotation is missing",
      annotations: {},
      labels: { app: "fluentd", "controller-revision-hash": "h" },
    },
  ])("$name", ({ annotations, labels }) => {
    const pod = newDaemonSetPod(fluentd({ annotations }), "node-1", { hash: "h", scheduling: "scheduler" });
    expect(pod.metadata?.labels).toEqual(labels);
  });

  it.each([
    {
      name: "uses <ds>- as the name prefix",
      daemonSetName: "a".repeat(252),
      expected: `${"a".repeat(252)}-`,
    },
    {
      name: "keeps the dash for the longest valid name, as upstream's prefix check masks it",
      daemonSetName: "a".repeat(253),
      expected: `${"a".repeat(253)}-`,
    },
    {
      name: "drops the dash when <ds>- is not a valid name prefix",
      daemonSetName: "Fluentd",
      expected: "Fluentd",
    },
  ])("$name", ({ daemonSetName, expected }) => {
    const pod = newDaemonSetPod(fluentd({ name: daemonSetName }), "node-1", {
      hash: "h",
      scheduling: "scheduler",
    });
    expect(pod.metadata?.generateName).toBe(expected);
  });

  it("does not change the DaemonSet", () => {
    const daemonSet = fluentd();
    const before = structuredClone(daemonSet);
    const pod = newDaemonSetPod(daemonSet, "node-1", { hash: "h", scheduling: "scheduler" });
    (pod.metadata?.labels as Record<string, string>).extra = "x";
    pod.spec?.containers.push({ name: "sidecar" });
    expect(daemonSet).toEqual(before);
  });
});

describe("createDaemonPodFactory", () => {
  it.each`
    scheduling
    ${"scheduler"}
    ${"legacy"}
  `(
    "in $scheduling mode gives newDaemonSetPod's pod for every node, each sharing no object with the others",
    ({ scheduling }) => {
      const daemonSet = fluentd();
      const options = { hash: "5d8f7b9c4", scheduling };
      const podFor = createDaemonPodFactory(daemonSet, options);
      const first = podFor("node-1");
      const second = podFor("node-2");
      expect(first).toEqual(newDaemonSetPod(daemonSet, "node-1", options));
      expect(second).toEqual(newDaemonSetPod(daemonSet, "node-2", options));
      expect(second.metadata?.labels).not.toBe(first.metadata?.labels);
      expect(second.spec?.containers).not.toBe(first.spec?.containers);
      expect(second.spec?.tolerations).not.toBe(first.spec?.tolerations);
    },
  );
});
