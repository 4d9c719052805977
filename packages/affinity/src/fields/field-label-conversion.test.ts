import { StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { checkFieldSelectorSupported, supportedFieldLabels } from "./field-label-conversion.js";
import { parseFieldSelector } from "./parse-field-selector.js";

describe("checkFieldSelectorSupported", () => {
  it.each([
    {
      name: "A pod selector on node and phase is supported.",
      kind: "Pod",
      selector: "spec.nodeName=node-2,status.phase!=Failed",
      text: "spec.nodeName=node-2,status.phase!=Failed",
    },
    {
      name: "A pod's legacy spec.host becomes spec.nodeName.",
      kind: "Pod",
      selector: "spec.host=node-1",
      text: "spec.nodeName=node-1",
    },
    {
      name: "A pod selector on status.podIPs is accepted.",
      kind: "Pod",
      selector: "status.podIPs=10.0.0.1",
      text: "status.podIPs=10.0.0.1",
    },
    {
      name: "A node selector on spec.unschedulable is supported.",
      kind: "Node",
      selector: "spec.unschedulable=false",
      text: "spec.unschedulable=false",
    },
    {
      name: "describe node's event query is supported.",
      kind: "Event",
      selector:
        "involvedObject.name=node-2,involvedObject.namespace=,involvedObject.kind=Node,involvedObject.uid=node-2",
      text: "involvedObject.kind=Node,involvedObject.name=node-2,involvedObject.namespace=,involvedObject.uid=node-2",
    },
    {
      name: "Events select on reason, reportingComponent, source and type.",
      kind: "Event",
      selector: "reason=Created,reportingComponent=kubelet,source=kubelet,type=Normal",
      text: "reason=Created,reportingComponent=kubelet,source=kubelet,type=Normal",
    },
    {
      name: "A namespace selector on status.phase is supported.",
      kind: "Namespace",
      selector: "status.phase=Active",
      text: "status.phase=Active",
    },
    {
      name: "A DaemonSet watch by name is supported.",
      kind: "DaemonSet",
      selector: "metadata.name=nginx",
      text: "metadata.name=nginx",
    },
    {
      name: "A ControllerRevision selector on its namespace is supported.",
      kind: "ControllerRevision",
      selector: "metadata.namespace=default",
      text: "metadata.namespace=default",
    },
    {
      name: "A Service selector on spec.type is supported.",
      kind: "Service",
      selector: "spec.type=NodePort",
      text: "spec.type=NodePort",
    },
    { name: "The empty selector is supported for any kind.", kind: "Node", selector: "", text: "" },
  ])("$name", ({ kind, selector, text }) => {
    expect(checkFieldSelectorSupported(kind, selector).toString()).toBe(text);
  });

  it("A parsed selector is accepted and returned as it is when nothing is renamed.", () => {
    const selector = parseFieldSelector("metadata.name=web");
    expect(checkFieldSelectorSupported("Pod", selector)).toBe(selector);
  });

  it.each([
    {
      name: "An unknown pod field is not supported.",
      kind: "Pod",
      selector: "spec.foo=bar",
      message: "field label not supported: spec.foo",
    },
    {
      name: "A node has no namespace field.",
      kind: "Node",
      selector: "metadata.namespace=default",
      message: "field label not supported: metadata.namespace",
    },
    {
      name: "A namespace has no namespace field either.",
      kind: "Namespace",
      selector: "metadata.namespace=x",
      message: "field label not supported: metadata.namespace",
    },
    {
      name: "Node status fields are not selectable.",
      kind: "Node",
      selector: "status.podIP!=127.0.0.1",
      message: "field label not supported: status.podIP",
    },
    {
      name: "A DaemonSet only knows metadata fields, with the default message.",
      kind: "DaemonSet",
      selector: "spec.selector=x",
      message: '"spec.selector" is not a known field selector: only "metadata.name", "metadata.namespace"',
    },
    {
      name: "The first unsupported term in sorted order is reported.",
      kind: "Pod",
      selector: "zeta=1,alpha=2",
      message: "field label not supported: alpha",
    },
    {
      name: "A hostile label is reported as plain text.",
      kind: "Pod",
      selector: "__proto__=x",
      message: "field label not supported: __proto__",
    },
    {
      name: "A quote in a label is escaped as Go's %q does in the default message.",
      kind: "ControllerRevision",
      selector: 'a"b=c',
      message: '"a\\"b" is not a known field selector: only "metadata.name", "metadata.namespace"',
    },
  ])("$name", ({ kind, selector, message }) => {
    let thrown: unknown;
    try {
      checkFieldSelectorSupported(kind, selector);
    } catch (error) {
      thrown = error;
    }
    expect(StatusError.isInstance(thrown)).toBe(true);
    const error = thrown as StatusError;
    expect([error.message, error.reason, error.code]).toStrictEqual([message, "BadRequest", 400]);
    expect(error.errors).toStrictEqual([
      { type: "FieldValueInvalid", field: "", badValue: selector, detail: message },
    ]);
  });

  it("A selector that does not parse fails with the parse error first.", () => {
    expect(() => checkFieldSelectorSupported("Pod", "spec.nodeName")).toThrow(
      "invalid selector: 'spec.nodeName'; can't understand 'spec.nodeName'",
    );
  });
});

describe("supportedFieldLabels", () => {
  it.each([
    {
      name: "Nodes support their name and unschedulable flag.",
      kind: "Node",
      labels: ["metadata.name", "spec.unschedulable"],
    },
    {
      name: "Namespaces support phase and name.",
      kind: "Namespace",
      labels: ["status.phase", "metadata.name"],
    },
    {
      name: "DaemonSets support only metadata fields.",
      kind: "DaemonSet",
      labels: ["metadata.name", "metadata.namespace"],
    },
  ])("$name", ({ kind, labels }) => {
    expect(supportedFieldLabels(kind)).toStrictEqual(labels);
  });
});
