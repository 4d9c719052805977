import type { DaemonSet, Event, Namespace, Node, Pod, Service } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { parseFieldSelector } from "./parse-field-selector.js";
import { fieldsOf } from "./selectable-fields.js";

const pod: Pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web-1", namespace: "default" },
  spec: {
    nodeName: "node-2",
    restartPolicy: "Always",
    schedulerName: "default-scheduler",
    serviceAccountName: "default",
    hostNetwork: true,
    containers: [{ name: "web", image: "nginx" }],
  },
  status: {
    phase: "Running",
    podIP: "10.0.0.5",
    podIPs: [{ ip: "10.0.0.5" }, { ip: "fd00::5" }],
    nominatedNodeName: "",
  },
};

describe("fieldsOf", () => {
  it.each([
    {
      name: "A pod exposes its registry fields, with hostNetwork as true or false.",
      kind: "Pod",
      object: pod,
      fields: {
        "metadata.name": "web-1",
        "metadata.namespace": "default",
        "spec.nodeName": "node-2",
        "spec.restartPolicy": "Always",
        "spec.schedulerName": "default-scheduler",
        "spec.serviceAccountName": "default",
        "spec.hostNetwork": "true",
        "status.phase": "Running",
        "status.podIP": "10.0.0.5",
        "status.nominatedNodeName": "",
      },
    },
    {
      name: "An empty pod reads Go zero values, hostNetwork false.",
      kind: "Pod",
      object: {},
      fields: {
        "metadata.name": "",
        "metadata.namespace": "",
        "spec.nodeName": "",
        "spec.restartPolicy": "",
        "spec.schedulerName": "",
        "spec.serviceAccountName": "",
        "spec.hostNetwork": "false",
        "status.phase": "",
        "status.podIP": "",
        "status.nominatedNodeName": "",
      },
    },
    {
      name: "A node exposes its name and unschedulable flag.",
      kind: "Node",
      object: { metadata: { name: "node-1" }, spec: { unschedulable: true } } satisfies Node,
      fields: { "metadata.name": "node-1", "spec.unschedulable": "true" },
    },
    {
      name: "A namespace exposes name, phase and the legacy name field.",
      kind: "Namespace",
      object: { metadata: { name: "kube-system" }, status: { phase: "Active" } } satisfies Namespace,
      fields: { "metadata.name": "kube-system", "status.phase": "Active", name: "kube-system" },
    },
    {
      name: "A core event exposes its involved object, reason, source and type.",
      kind: "Event",
      object: {
        metadata: { name: "nginx.1", namespace: "default" },
        involvedObject: {
          kind: "DaemonSet",
          namespace: "default",
          name: "nginx",
          uid: "u-1",
          apiVersion: "apps/v1",
        },
        reason: "SuccessfulCreate",
        source: { component: "daemonset-controller" },
        reportingComponent: "",
        type: "Normal",
      } satisfies Event,
      fields: {
        "metadata.name": "nginx.1",
        "metadata.namespace": "default",
        "involvedObject.kind": "DaemonSet",
        "involvedObject.namespace": "default",
        "involvedObject.name": "nginx",
        "involvedObject.uid": "u-1",
        "involvedObject.apiVersion": "apps/v1",
        "involvedObject.resourceVersion": "",
        "involvedObject.fieldPath": "",
        reason: "SuccessfulCreate",
        reportingComponent: "",
        source: "daemonset-controller",
        type: "Normal",
      },
    },
    {
      name: "A service exposes its cluster IP and type.",
      kind: "Service",
      object: {
        metadata: { name: "web", namespace: "prod" },
        spec: { clusterIP: "10.96.0.10", type: "ClusterIP" },
      } satisfies Service,
      fields: {
        "metadata.name": "web",
        "metadata.namespace": "prod",
        "spec.clusterIP": "10.96.0.10",
        "spec.type": "ClusterIP",
      },
    },
    {
      name: "A DaemonSet exposes only its metadata name and namespace.",
      kind: "DaemonSet",
      object: { metadata: { name: "nginx", namespace: "default" } } as DaemonSet,
      fields: { "metadata.name": "nginx", "metadata.namespace": "default" },
    },
    {
      name: "A ControllerRevision exposes only its metadata name and namespace.",
      kind: "ControllerRevision",
      object: { metadata: { name: "nginx-6d4cf56db6", namespace: "default" }, revision: 1 },
      fields: { "metadata.name": "nginx-6d4cf56db6", "metadata.namespace": "default" },
    },
  ])("$name", ({ kind, object, fields }) => {
    expect(fieldsOf(kind, object)).toStrictEqual(fields);
  });

  it.each([
    {
      name: "A pod with only podIPs uses the first one.",
      status: { podIPs: [{ ip: "fd00::1" }, { ip: "10.0.0.1" }] },
      podIP: "fd00::1",
    },
    {
      name: "podIP wins over a different podIPs[0].",
      status: { podIP: "10.0.0.9", podIPs: [{ ip: "10.0.0.1" }] },
      podIP: "10.0.0.9",
    },
    { name: "A pod without IPs has an empty podIP.", status: { podIPs: [] }, podIP: "" },
  ])("$name", ({ status, podIP }) => {
    expect(fieldsOf("Pod", { status })["status.podIP"]).toBe(podIP);
  });

  it("An event without source.component falls back to reportingComponent.", () => {
    const fields = fieldsOf("Event", { reportingComponent: "kubelet", source: {} });
    expect([fields.source, fields.reportingComponent]).toStrictEqual(["kubelet", "kubelet"]);
  });

  it("Wrongly typed and inherited fields read as absent.", () => {
    const hostile = Object.create({ metadata: { name: "inherited" } }) as object;
    expect(fieldsOf("Node", hostile)).toStrictEqual({ "metadata.name": "", "spec.unschedulable": "false" });
    expect(fieldsOf("Node", { metadata: { name: 7 }, spec: { unschedulable: "true" } })).toStrictEqual({
      "metadata.name": "",
      "spec.unschedulable": "false",
    });
  });

  it.each([
    {
      name: "describe node's pod query finds running pods on the node.",
      selector: "spec.nodeName=node-2,status.phase!=Succeeded,status.phase!=Failed",
      matches: true,
    },
    { name: "A pod on another node is not selected.", selector: "spec.nodeName=node-3", matches: false },
    {
      name: "spec.hostNetwork=true selects a host-network pod.",
      selector: "spec.hostNetwork=true",
      matches: true,
    },
    {
      name: "status.podIPs is accepted but never populated, so a real IP does not match.",
      selector: "status.podIPs=10.0.0.5",
      matches: false,
    },
  ])("$name", ({ selector, matches }) => {
    expect(parseFieldSelector(selector).matches(fieldsOf("Pod", pod))).toBe(matches);
  });
});
