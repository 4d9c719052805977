import { defaultImagePullPolicy } from "./image-reference.js";
import {
  defaultNumber,
  defaultString,
  ensureObjectField,
  forEachObjectIn,
  isEmptyString,
  isUnset,
  type JsonObject,
  objectField,
} from "./json-fields.js";
import { canonicalizeResourceRequirements } from "./resource-list.js";

/**
 * Applies upstream's defaults to one container (regular, init or ephemeral) in place.
 *
 * @remarks
 * Upstream `SetDefaults_Container` plus the generated per-field defaults:
 * `imagePullPolicy` from the image (see {@link defaultImagePullPolicy}),
 * `terminationMessagePath: /dev/termination-log`, `terminationMessagePolicy: File`,
 * `protocol: TCP` on ports, `apiVersion: v1` on env `fieldRef`s, probe timings
 * (`timeoutSeconds: 1`, `periodSeconds: 10`, `successThreshold: 1`,
 * `failureThreshold: 3`), `path: /` and `scheme: HTTP` on HTTP probes and lifecycle
 * hooks, `service: ""` on gRPC probes, and `resources: {}`, which the API server
 * always prints because the Go field is a struct. Resource quantities are rounded up to
 * milli-units and written in canonical form, as the API server stores them.
 */
export function defaultContainer(container: JsonObject): void {
  if (isEmptyString(container.imagePullPolicy)) {
    // Go reads a missing image as "", which fails to parse: IfNotPresent.
    const image = typeof container.image === "string" ? container.image : "";
    container.imagePullPolicy = defaultImagePullPolicy(image);
  }
  defaultString(container, "terminationMessagePath", "/dev/termination-log");
  defaultString(container, "terminationMessagePolicy", "File");
  forEachObjectIn(container, "ports", (port) => defaultString(port, "protocol", "TCP"));
  forEachObjectIn(container, "env", (variable) => {
    const valueFrom = objectField(variable, "valueFrom");
    const fieldRef = valueFrom === undefined ? undefined : objectField(valueFrom, "fieldRef");
    if (fieldRef !== undefined) defaultString(fieldRef, "apiVersion", "v1");
  });
  ensureObjectField(container, "resources");
  canonicalizeResourceRequirements(container);
  for (const probeKey of ["livenessProbe", "readinessProbe", "startupProbe"]) {
    const probe = objectField(container, probeKey);
    if (probe !== undefined) defaultProbe(probe);
  }
  const lifecycle = objectField(container, "lifecycle");
  if (lifecycle !== undefined) {
    for (const hookKey of ["postStart", "preStop"]) {
      const hook = objectField(lifecycle, hookKey);
      const httpGet = hook === undefined ? undefined : objectField(hook, "httpGet");
      if (httpGet !== undefined) defaultHttpGet(httpGet);
    }
  }
}

function defaultProbe(probe: JsonObject): void {
  defaultNumber(probe, "timeoutSeconds", 1);
  defaultNumber(probe, "periodSeconds", 10);
  defaultNumber(probe, "successThreshold", 1);
  defaultNumber(probe, "failureThreshold", 3);
  const httpGet = objectField(probe, "httpGet");
  if (httpGet !== undefined) defaultHttpGet(httpGet);
  const grpc = objectField(probe, "grpc");
  if (grpc !== undefined && isUnset(grpc.service)) grpc.service = "";
}

function defaultHttpGet(action: JsonObject): void {
  defaultString(action, "path", "/");
  defaultString(action, "scheme", "HTTP");
}
