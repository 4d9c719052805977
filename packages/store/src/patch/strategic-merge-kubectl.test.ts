import type { DaemonSet, Node } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { deepFreeze, makeNginxDaemonSet, makeNode } from "./patch-test-fixtures.js";
import { applyStrategicMergePatch } from "./strategic-merge-patch.js";

/*
 * The strategic merge patch bodies kubectl v1.32 sent in the recorded sessions
 * (the shared kubectl-transcripts), applied to the objects they were sent for.
 */

const appliedWith126 =
  '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n';

/** 22-apply-changed: client-side apply after the manifest's image changed to nginx:1.26. */
const applyChangedImageBody = `{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":${JSON.stringify(appliedWith126)}}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}`;

/** 61b-set-image-again: `kubectl set image ds/nginx nginx=nginx:1.27`. */
const setImageBody =
  '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}';

/** 64-rollout-undo: the ControllerRevision's data, sent as is. */
const rolloutUndoBody =
  '{"spec":{"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}],"imagePullPolicy":"IfNotPresent","resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"},"$patch":"replace"}}}';

function daemonSetWith(edit: (daemonSet: DaemonSet) => void): DaemonSet {
  const daemonSet = makeNginxDaemonSet();
  edit(daemonSet);
  return daemonSet;
}

function nodeWith(edit: (node: Node) => void): Node {
  const node = makeNode();
  edit(node);
  return node;
}

function firstContainer(daemonSet: DaemonSet) {
  const container = daemonSet.spec?.template.spec?.containers[0];
  if (container === undefined) throw new Error("the fixture has a container");
  return container;
}

const dedicatedInfra = { effect: "NoSchedule", key: "dedicated", value: "infra" };
const gpuTaint = { effect: "NoExecute", key: "gpu", value: "true" };

const cases = [
  {
    name: "Client-side apply of a new image updates the annotation and the image, keeping ports and defaults.",
    kind: "DaemonSet",
    original: makeNginxDaemonSet(),
    body: applyChangedImageBody,
    expected: daemonSetWith((daemonSet) => {
      if (daemonSet.metadata?.annotations === undefined) throw new Error("fixture has annotations");
      daemonSet.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"] = appliedWith126;
      firstContainer(daemonSet).image = "nginx:1.26";
    }),
  },
  {
    name: "kubectl set image changes only the named container's image.",
    kind: "DaemonSet",
    original: makeNginxDaemonSet(),
    body: setImageBody,
    expected: daemonSetWith((daemonSet) => {
      firstContainer(daemonSet).image = "nginx:1.27";
    }),
  },
  {
    name: "kubectl set image adds no container and keeps a sidecar the patch does not name.",
    kind: "DaemonSet",
    original: daemonSetWith((daemonSet) => {
      daemonSet.spec?.template.spec?.containers.push({ name: "log-shipper", image: "fluent-bit:3" });
    }),
    body: setImageBody,
    expected: daemonSetWith((daemonSet) => {
      firstContainer(daemonSet).image = "nginx:1.27";
      daemonSet.spec?.template.spec?.containers.push({ name: "log-shipper", image: "fluent-bit:3" });
    }),
  },
  {
    name: "kubectl rollout undo replaces the whole pod template with the revision's.",
    kind: "DaemonSet",
    original: daemonSetWith((daemonSet) => {
      const template = daemonSet.spec?.template;
      if (template?.spec === undefined) throw new Error("fixture has a pod spec");
      template.metadata = {
        labels: { app: "nginx" },
        annotations: { "kubectl.kubernetes.io/restartedAt": "now" },
      };
      firstContainer(daemonSet).image = "nginx:1.27";
      template.spec.nodeSelector = { disktype: "ssd" };
    }),
    body: rolloutUndoBody,
    expected: daemonSetWith((daemonSet) => {
      const template = daemonSet.spec?.template;
      if (template?.spec === undefined) throw new Error("fixture has a pod spec");
      firstContainer(daemonSet).image = "nginx:1.26";
    }),
  },
  {
    name: "kubectl taint sets the taint list on a node without taints.",
    kind: "Node",
    original: makeNode(),
    body: '{"spec":{"taints":[{"effect":"NoSchedule","key":"dedicated","value":"infra"}]}}',
    expected: nodeWith((node) => {
      if (node.spec === undefined) throw new Error("fixture has a spec");
      node.spec.taints = [dedicatedInfra];
    }),
  },
  {
    name: "The taint list is atomic: the patch's list replaces the live one instead of merging.",
    kind: "Node",
    original: nodeWith((node) => {
      if (node.spec === undefined) throw new Error("fixture has a spec");
      node.spec.taints = [dedicatedInfra, gpuTaint];
    }),
    body: '{"spec":{"taints":[{"effect":"NoExecute","key":"gpu","value":"true"}]}}',
    expected: nodeWith((node) => {
      if (node.spec === undefined) throw new Error("fixture has a spec");
      node.spec.taints = [gpuTaint];
    }),
  },
  {
    name: "kubectl taint of the last taint with a trailing minus sends null and removes the list.",
    kind: "Node",
    original: nodeWith((node) => {
      if (node.spec === undefined) throw new Error("fixture has a spec");
      node.spec.taints = [dedicatedInfra];
    }),
    body: '{"spec":{"taints":null}}',
    expected: makeNode(),
  },
  {
    name: "kubectl cordon sets spec.unschedulable.",
    kind: "Node",
    original: makeNode(),
    body: '{"spec":{"unschedulable":true}}',
    expected: nodeWith((node) => {
      if (node.spec === undefined) throw new Error("fixture has a spec");
      node.spec.unschedulable = true;
    }),
  },
  {
    name: "kubectl uncordon sends null and removes spec.unschedulable.",
    kind: "Node",
    original: nodeWith((node) => {
      if (node.spec === undefined) throw new Error("fixture has a spec");
      node.spec.unschedulable = true;
    }),
    body: '{"spec":{"unschedulable":null}}',
    expected: makeNode(),
  },
];

describe("applyStrategicMergePatch with the bodies kubectl sends", () => {
  it.each(cases)("$name", ({ kind, original, body, expected }) => {
    const result = applyStrategicMergePatch(deepFreeze(original), deepFreeze(JSON.parse(body)), kind);
    expect(result).toEqual(expected);
  });

  it("The rollout undo result carries no $patch directive.", () => {
    const result = applyStrategicMergePatch(makeNginxDaemonSet(), JSON.parse(rolloutUndoBody), "DaemonSet");
    expect(JSON.stringify(result).includes("$patch")).toBe(false);
  });
});
