import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrorMessage, isInvalid } from "../errors/index.js";
import type { KubeObject } from "../types/index.js";
import { defaultedDaemonSet, defaultedPod, type LooseObject, setPath, validNode } from "./test-objects.js";
import { assertValidObject, validateObject } from "./validate-object.js";

function validate(object: LooseObject, oldObject?: LooseObject): string[] {
  const options = oldObject === undefined ? {} : { oldObject: oldObject as KubeObject };
  return validateObject(object as KubeObject, options).map(fieldErrorMessage);
}

describe("validateObject dispatches on kind", () => {
  const cases: Array<{ name: string; object: LooseObject; want: string[] }> = [
    { name: "A defaulted Pod is valid", object: defaultedPod(), want: [] },
    { name: "A valid Node is valid", object: validNode(), want: [] },
    {
      name: "A Pod image with surrounding whitespace is rejected (Pods only)",
      object: defaultedPod((pod) => setPath(pod, "spec.containers[0].image", " nginx")),
      want: [
        'spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
      ],
    },
    {
      name: "A Pod may not have ephemeral containers on create",
      object: defaultedPod((pod) => setPath(pod, "spec.ephemeralContainers", [{ name: "debug" }])),
      want: ["spec.ephemeralContainers: Forbidden: cannot be set on create"],
    },
    {
      name: "A Pod may not be bound while scheduling gates remain",
      object: defaultedPod((pod) => {
        setPath(pod, "spec.nodeName", "node-1");
        setPath(pod, "spec.schedulingGates", [{ name: "example.com/wait" }]);
      }),
      want: ["spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared"],
    },
    {
      name: "A mirror pod needs a node name",
      object: defaultedPod((pod) =>
        setPath(pod, "metadata.annotations", { "kubernetes.io/config.mirror": "abc" }),
      ),
      want: [
        'metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "abc": must set spec.nodeName if mirror pod annotation is set',
      ],
    },
    {
      name: "A pod deletion cost must be a 32-bit integer",
      object: defaultedPod((pod) =>
        setPath(pod, "metadata.annotations", { "controller.kubernetes.io/pod-deletion-cost": "+10" }),
      ),
      want: [
        'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+10": must be a 32bit integer',
      ],
    },
    {
      name: "A Node reports taint errors under metadata.taints and forbids a namespace",
      object: validNode((node) => {
        setPath(node, "metadata.namespace", "default");
        setPath(node, "spec.taints", [{ key: "dedicated", effect: "Never" }]);
      }),
      want: [
        "metadata.namespace: Forbidden: not allowed on this type",
        'metadata.taints[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: "A Node's capacity quantities must not be negative",
      object: validNode((node) => setPath(node, "status.capacity", { cpu: "-4", pods: "110" })),
      want: ['status.capacity.cpu: Invalid value: "-4": must be greater than or equal to 0'],
    },
    {
      name: "A Namespace name must be a DNS label and its finalizers standard",
      object: {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: "team.a" },
        spec: { finalizers: ["cleanup"] },
      },
      want: [
        'metadata.name: Invalid value: "team.a": must not contain dots',
        'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
      ],
    },
    {
      name: "A Service name must be a DNS-1035 label",
      object: { apiVersion: "v1", kind: "Service", metadata: { name: "1web", namespace: "default" } },
      want: [
        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    {
      name: "A ControllerRevision gets its kind's rules, namespaced metadata included",
      object: { apiVersion: "apps/v1", kind: "ControllerRevision", metadata: { name: "nginx-1" } },
      want: ["metadata.namespace: Required value", "data: Required value: data is mandatory"],
    },
    {
      name: "An unknown kind without a namespace is treated as cluster-scoped",
      object: { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } },
      want: [],
    },
  ];

  it.each(cases)("$name", ({ object, want }) => {
    expect(validate(object)).toEqual(want);
  });
});

describe("validateObject with an old object runs the update rules", () => {
  it("A Pod update may not add containers or change other spec fields", () => {
    const old = defaultedPod((pod) => setPath(pod, "metadata.resourceVersion", "1"));
    const added = defaultedPod((pod) => {
      setPath(pod, "metadata.resourceVersion", "1");
      setPath(pod, "spec.containers[1]", {
        ...(pod.spec as { containers: LooseObject[] }).containers[0],
        name: "b",
      });
    });
    expect(validate(added, old)).toEqual([
      "spec.containers: Forbidden: pod updates may not add or remove containers",
    ]);
  });

  it("A Pod update may change an image but not the restart policy", () => {
    const old = defaultedPod((pod) => setPath(pod, "metadata.resourceVersion", "1"));
    const imageOnly = defaultedPod((pod) => {
      setPath(pod, "metadata.resourceVersion", "1");
      setPath(pod, "spec.containers[0].image", "nginx:2");
    });
    expect(validate(imageOnly, old)).toEqual([]);
    const restart = defaultedPod((pod) => {
      setPath(pod, "metadata.resourceVersion", "1");
      setPath(pod, "spec.restartPolicy", "Never");
    });
    expect(validate(restart, old)).toEqual([
      "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\nchanged: spec.restartPolicy",
    ]);
  });

  it("A Pod update may add tolerations but not change existing ones", () => {
    const toleration = { key: "a", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 };
    const old = defaultedPod((pod) => {
      setPath(pod, "metadata.resourceVersion", "1");
      setPath(pod, "spec.tolerations", [toleration]);
    });
    const moreSeconds = defaultedPod((pod) => {
      setPath(pod, "metadata.resourceVersion", "1");
      setPath(pod, "spec.tolerations", [
        { ...toleration, tolerationSeconds: 20 },
        { key: "b", operator: "Exists" },
      ]);
    });
    expect(validate(moreSeconds, old)).toEqual([]);
    const changed = defaultedPod((pod) => {
      setPath(pod, "metadata.resourceVersion", "1");
      setPath(pod, "spec.tolerations", [{ ...toleration, key: "c" }]);
    });
    expect(validate(changed, old)).toEqual([
      "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds",
    ]);
  });

  it("A Node update keeps its providerID and the create rules still apply", () => {
    const old = validNode((node) => {
      setPath(node, "metadata.resourceVersion", "1");
      setPath(node, "spec.providerID", "aws://i-1");
    });
    const updated = validNode((node) => {
      setPath(node, "metadata.resourceVersion", "1");
      setPath(node, "spec.providerID", "aws://i-2");
    });
    expect(validate(updated, old)).toEqual([
      'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
    ]);
  });

  it("A Namespace update may not rename it", () => {
    const old = { apiVersion: "v1", kind: "Namespace", metadata: { name: "a", resourceVersion: "1" } };
    const updated = { apiVersion: "v1", kind: "Namespace", metadata: { name: "b", resourceVersion: "1" } };
    expect(validate(updated, old)).toEqual(['metadata.name: Invalid value: "b": field is immutable']);
  });
});

describe("assertValidObject", () => {
  it("Throws an Invalid StatusError named after the kind's group", () => {
    const pod = defaultedPod((object) => setPath(object, "spec.containers", []));
    let thrown: unknown;
    try {
      assertValidObject(pod as KubeObject);
    } catch (error) {
      thrown = error;
    }
    expect(isInvalid(thrown)).toBe(true);
    expect((thrown as Error).message).toBe('Pod "web" is invalid: spec.containers: Required value');
  });
});

describe("badly typed input never throws", () => {
  const cases: Array<{ name: string; object: LooseObject; want: string[] }> = [
    {
      name: "containers given as a string is one type error",
      object: defaultedPod((pod) => setPath(pod, "spec.containers", "x")),
      want: [
        'spec.containers: Invalid value: "string": spec.containers in body must be of type array: "string"',
      ],
    },
    {
      name: "labels given as a list is one type error",
      object: defaultedPod((pod) => setPath(pod, "metadata.labels", [1])),
      want: [
        'metadata.labels: Invalid value: "array": metadata.labels in body must be of type object: "array"',
      ],
    },
    {
      name: "a spec given as a number is one type error",
      object: defaultedDaemonSet((daemonSet) => setPath(daemonSet, "spec", 5)),
      want: ['spec: Invalid value: "integer": spec in body must be of type object: "integer"'],
    },
    {
      name: "minReadySeconds given as a string is a type error",
      object: defaultedDaemonSet((daemonSet) => setPath(daemonSet, "spec.minReadySeconds", "a")),
      want: [
        'spec.minReadySeconds: Invalid value: "string": spec.minReadySeconds in body must be of type integer: "string"',
      ],
    },
    {
      name: "a fractional port is a type error",
      object: defaultedPod((pod) =>
        setPath(pod, "spec.containers[0].ports", [{ containerPort: 80.5, protocol: "TCP" }]),
      ),
      want: [
        'spec.containers[0].ports[0].containerPort: Invalid value: "number": spec.containers[0].ports[0].containerPort in body must be of type integer: "number"',
      ],
    },
    {
      name: "a null container reads as an empty container, as Go decodes it",
      object: defaultedPod((pod) => setPath(pod, "spec.containers", [null])),
      want: [
        "spec.containers[0].name: Required value",
        "spec.containers[0].image: Required value",
        "spec.containers[0].terminationMessagePolicy: Required value",
        "spec.containers[0].imagePullPolicy: Required value",
      ],
    },
    {
      name: "a container given as a number is a type error at its index",
      object: defaultedPod((pod) => setPath(pod, "spec.containers", [7])),
      want: [
        'spec.containers[0]: Invalid value: "integer": spec.containers[0] in body must be of type object: "integer"',
      ],
    },
    {
      name: "maxUnavailable given as a boolean is a type error",
      object: defaultedDaemonSet((daemonSet) =>
        setPath(daemonSet, "spec.updateStrategy.rollingUpdate.maxUnavailable", true),
      ),
      want: [
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "boolean": spec.updateStrategy.rollingUpdate.maxUnavailable in body must be of type integer or string: "boolean"',
      ],
    },
    {
      name: "a constructor key is an unknown field, not a prototype lookup",
      object: defaultedPod((pod) => setPath(pod, "spec", { ...(pod.spec as LooseObject), constructor: 1 })),
      want: [],
    },
  ];

  it.each(cases)("$name", ({ object, want }) => {
    expect(validate(object)).toEqual(want);
  });

  it("A non-object is reported, not thrown", () => {
    expect(validateObject(5 as unknown as KubeObject).map(fieldErrorMessage)).toEqual([
      ': Invalid value: "number": must be an object',
    ]);
  });

  it("Any JSON value anywhere in a DaemonSet or Pod never makes validation throw", () => {
    const paths = [
      "metadata",
      "metadata.labels",
      "metadata.ownerReferences",
      "spec",
      "spec.selector",
      "spec.selector.matchExpressions",
      "spec.template",
      "spec.template.metadata",
      "spec.template.spec",
      "spec.template.spec.containers",
      "spec.template.spec.containers[0]",
      "spec.template.spec.containers[0].ports",
      "spec.template.spec.containers[0].resources",
      "spec.template.spec.containers[0].resources.limits",
      "spec.template.spec.volumes",
      "spec.template.spec.tolerations",
      "spec.template.spec.affinity",
      "spec.template.spec.topologySpreadConstraints",
      "spec.updateStrategy",
      "spec.updateStrategy.rollingUpdate",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), fc.boolean(), (path, value, withOld) => {
        const daemonSet = defaultedDaemonSet((object) => setPath(object, path, value));
        const old = withOld ? defaultedDaemonSet() : undefined;
        expect(() => validate(daemonSet, old)).not.toThrow();
        const pod = defaultedPod((object) => setPath(object, path.replace("spec.template.", ""), value));
        expect(() => validate(pod, withOld ? defaultedPod() : undefined)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
