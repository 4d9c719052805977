/**
 * Already-defaulted objects for the validation tests (what the API server validates after
 * defaulting). Not exported from the package.
 */

/** A JSON object the tests may reshape freely, including with badly typed values. */
export type LooseObject = Record<string, unknown>;

function segmentsOf(path: string): Array<string | number> {
  return path
    .split(/\.|(?=\[)/)
    .filter((segment) => segment !== "")
    .map((segment) => (segment.startsWith("[") ? Number(segment.slice(1, -1)) : segment));
}

/**
 * Sets the value at a path such as `spec.template.spec.containers[0].image`, creating
 * missing objects on the way; `undefined` deletes the field.
 */
export function setPath(object: LooseObject, path: string, value: unknown): LooseObject {
  const segments = segmentsOf(path);
  let current: Record<string | number, unknown> = object;
  segments.slice(0, -1).forEach((segment, index) => {
    let next = current[segment];
    if (typeof next !== "object" || next === null) {
      next = typeof segments[index + 1] === "number" ? [] : {};
      current[segment] = next;
    }
    current = next as Record<string | number, unknown>;
  });
  const last = segments[segments.length - 1] ?? "";
  if (value === undefined) delete current[last];
  else current[last] = value;
  return object;
}

/** A defaulted container named `nginx`. */
export function defaultedContainer(name = "nginx"): LooseObject {
  return {
    name,
    image: "nginx:1.25",
    imagePullPolicy: "IfNotPresent",
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
    resources: {},
  };
}

/** A defaulted pod spec with one container. */
export function defaultedPodSpec(): LooseObject {
  return {
    containers: [defaultedContainer()],
    restartPolicy: "Always",
    terminationGracePeriodSeconds: 30,
    dnsPolicy: "ClusterFirst",
    securityContext: {},
    schedulerName: "default-scheduler",
  };
}

/** A valid, defaulted DaemonSet `nginx` in `default`, selecting and labelled `app: nginx`. */
export function defaultedDaemonSet(mutate?: (daemonSet: LooseObject) => void): LooseObject {
  const daemonSet: LooseObject = {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "nginx", namespace: "default" },
    spec: {
      selector: { matchLabels: { app: "nginx" } },
      template: { metadata: { labels: { app: "nginx" } }, spec: defaultedPodSpec() },
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
  };
  mutate?.(daemonSet);
  return daemonSet;
}

/** A valid, defaulted Pod `web` in `default`. */
export function defaultedPod(mutate?: (pod: LooseObject) => void): LooseObject {
  const pod: LooseObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web", namespace: "default" },
    spec: { ...defaultedPodSpec(), enableServiceLinks: true },
  };
  mutate?.(pod);
  return pod;
}

/** A valid Node `node-1`. */
export function validNode(mutate?: (node: LooseObject) => void): LooseObject {
  const node: LooseObject = { apiVersion: "v1", kind: "Node", metadata: { name: "node-1" }, spec: {} };
  mutate?.(node);
  return node;
}
