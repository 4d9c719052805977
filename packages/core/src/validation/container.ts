import { type FieldError, fieldErrors } from "../errors/index.js";
import {
  type ContainerPortValue,
  validateContainerPortsInto,
  validateUniqueHostPortsInto,
} from "./container-ports.js";
import { type FieldReader, readObjects, wrongType } from "./field-reader.js";
import { isDns1123Label, isRelaxedEnvVarName } from "./name-predicates.js";
import { validateResourceRequirementsInto } from "./resources.js";

/** What pod-level checks need to know about one container. */
export interface ContainerSummary {
  /** The container's name, `undefined` when its type was wrong. */
  readonly name: string | undefined;
  /** The image, `undefined` when its type was wrong. */
  readonly image: string | undefined;
  readonly ports: readonly ContainerPortValue[];
  readonly path: string;
}

const pullPolicies = ["Always", "IfNotPresent", "Never"] as const;
const terminationMessagePolicies = ["File", "FallbackToLogsOnError"] as const;

function validateEnvInto(errors: FieldError[], container: FieldReader): void {
  const variables = container.objects("env");
  if (variables === wrongType || variables === undefined) return;
  for (const variable of variables) {
    if (variable === wrongType) continue;
    const name = variable.string("name");
    if (name === wrongType) continue;
    if (!name) errors.push(fieldErrors.required(variable.childPath("name")));
    else
      for (const message of isRelaxedEnvVarName(name))
        errors.push(fieldErrors.invalid(variable.childPath("name"), name, message));
  }
}

function validateVolumeMountsInto(
  errors: FieldError[],
  container: FieldReader,
  volumes: ReadonlySet<string>,
): void {
  const mounts = container.objects("volumeMounts");
  if (mounts === wrongType || mounts === undefined) return;
  const mountPaths = new Set<string>();
  for (const mount of mounts) {
    if (mount === wrongType) continue;
    const name = mount.string("name");
    const mountPath = mount.string("mountPath");
    if (name !== wrongType) {
      if (!name) errors.push(fieldErrors.required(mount.childPath("name")));
      if (!volumes.has(name ?? "")) errors.push(fieldErrors.notFound(mount.childPath("name"), name ?? ""));
    }
    if (mountPath === wrongType) continue;
    if (!mountPath) errors.push(fieldErrors.required(mount.childPath("mountPath")));
    if (mountPaths.has(mountPath ?? "")) {
      errors.push(fieldErrors.invalid(mount.childPath("mountPath"), mountPath ?? "", "must be unique"));
    }
    mountPaths.add(mountPath ?? "");
  }
}

function validateEnumInto(
  errors: FieldError[],
  container: FieldReader,
  key: string,
  supported: readonly string[],
): void {
  const value = container.string(key);
  if (value === wrongType) return;
  if (!value) errors.push(fieldErrors.required(container.childPath(key)));
  else if (!supported.includes(value))
    errors.push(fieldErrors.notSupported(container.childPath(key), value, supported));
}

/**
 * The checks every container gets (upstream's `validateContainerCommon`): name, image,
 * terminationMessagePolicy, ports, env names, volumeMounts, imagePullPolicy and resources.
 * Probes, lifecycle hooks, envFrom, env sources, volumeDevices, resizePolicy and the
 * securityContext are not validated.
 */
export function validateContainerCommonInto(
  errors: FieldError[],
  container: FieldReader,
  volumes: ReadonlySet<string>,
): ContainerSummary {
  const name = container.string("name");
  if (name !== wrongType) {
    if (!name) errors.push(fieldErrors.required(container.childPath("name")));
    else
      for (const message of isDns1123Label(name))
        errors.push(fieldErrors.invalid(container.childPath("name"), name, message));
  }
  const image = container.string("image");
  if (image !== wrongType && !image) errors.push(fieldErrors.required(container.childPath("image")));
  validateEnumInto(errors, container, "terminationMessagePolicy", terminationMessagePolicies);
  const ports = validateContainerPortsInto(errors, container);
  validateEnvInto(errors, container);
  validateVolumeMountsInto(errors, container, volumes);
  validateEnumInto(errors, container, "imagePullPolicy", pullPolicies);
  validateResourceRequirementsInto(errors, container.raw("resources"), container.childPath("resources"));
  return {
    name: name === wrongType ? undefined : (name ?? ""),
    image: image === wrongType ? undefined : (image ?? ""),
    ports,
    path: container.path,
  };
}

/**
 * Validates `spec.containers` into `errors`: at least one container, each valid, names
 * unique, no `restartPolicy`, and host ports unique across containers.
 */
export function validateContainersInto(
  errors: FieldError[],
  value: unknown,
  path: string,
  volumes: ReadonlySet<string>,
): ContainerSummary[] {
  const summaries: ContainerSummary[] = [];
  const containers = readObjects(value, path, errors);
  if (containers === wrongType) return summaries;
  if (containers === undefined || containers.length === 0) {
    errors.push(fieldErrors.required(path));
    return summaries;
  }
  const names = new Set<string>();
  for (const container of containers) {
    if (container === wrongType) continue;
    const summary = validateContainerCommonInto(errors, container, volumes);
    summaries.push(summary);
    if (summary.name !== undefined) {
      if (names.has(summary.name))
        errors.push(fieldErrors.duplicate(container.childPath("name"), summary.name));
      else names.add(summary.name);
    }
    if (container.has("restartPolicy")) {
      errors.push(
        fieldErrors.forbidden(container.childPath("restartPolicy"), "may not be set for non-init containers"),
      );
    }
  }
  const seen = new Set<string>();
  for (const summary of summaries) validateUniqueHostPortsInto(errors, summary.ports, seen);
  return summaries;
}

const initOnlyForbidden = ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"] as const;

/**
 * Validates `spec.initContainers` into `errors`: each valid, names unique among regular
 * and init containers, `restartPolicy` only `Always` (a sidecar), lifecycle and probes
 * only on sidecars, host ports unique within each init container.
 */
export function validateInitContainersInto(
  errors: FieldError[],
  value: unknown,
  path: string,
  volumes: ReadonlySet<string>,
  regular: readonly ContainerSummary[],
): ContainerSummary[] {
  const summaries: ContainerSummary[] = [];
  const containers = readObjects(value, path, errors);
  if (containers === wrongType || containers === undefined) return summaries;
  const names = new Set<string>();
  for (const summary of regular) if (summary.name !== undefined) names.add(summary.name);
  for (const container of containers) {
    if (container === wrongType) continue;
    const summary = validateContainerCommonInto(errors, container, volumes);
    summaries.push(summary);
    const restartPolicy = container.string("restartPolicy");
    if (restartPolicy !== wrongType && restartPolicy !== undefined && restartPolicy !== "Always") {
      errors.push(fieldErrors.notSupported(container.childPath("restartPolicy"), restartPolicy, ["Always"]));
    }
    if (summary.name !== undefined) {
      if (names.has(summary.name))
        errors.push(fieldErrors.duplicate(container.childPath("name"), summary.name));
      else if (summary.name) names.add(summary.name);
    }
    validateUniqueHostPortsInto(errors, summary.ports, new Set());
    if (restartPolicy !== "Always") {
      for (const key of initOnlyForbidden) {
        if (container.has(key)) {
          errors.push(
            fieldErrors.forbidden(
              container.childPath(key),
              "may not be set for init containers without restartPolicy=Always",
            ),
          );
        }
      }
    }
  }
  return summaries;
}
