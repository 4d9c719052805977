import { type FieldError, fieldErrors, fieldPath, goStringSlice } from "../errors/index.js";
import { type ContainerSummary, validateContainersInto, validateInitContainersInto } from "./container.js";
import { FieldReader, utf8Length, wrongType } from "./field-reader.js";
import { validateLabelMapInto } from "./labels.js";
import {
  inclusiveRangeError,
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  nameIsDnsSubdomain,
} from "./name-predicates.js";
import { validateAffinityInto } from "./pod-affinity.js";
import { validateTolerationsInto } from "./tolerations.js";
import { validateTopologySpreadConstraintsInto } from "./topology-spread.js";
import { validateVolumesInto } from "./volumes.js";

/** Options of {@link validatePodSpec}. */
export interface ValidatePodSpecOptions {
  /**
   * True when the spec is a pod template's (DaemonSet, Deployment, ...), false for a Pod.
   * Under `hostNetwork`, a template may leave `hostPort` at 0 (the Pod gets it defaulted).
   */
  readonly template?: boolean;
}

/** The containers found while validating a pod spec, for pod-only checks. */
export interface PodSpecSummary {
  readonly containers: readonly ContainerSummary[];
  readonly initContainers: readonly ContainerSummary[];
}

const restartPolicies = ["Always", "OnFailure", "Never"] as const;
const dnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"] as const;
const preemptionPolicies = ["PreemptLowerPriority", "Never"] as const;
const operatingSystems = ["linux", "windows"] as const;

function validateEnumInto(
  errors: FieldError[],
  spec: FieldReader,
  key: string,
  supported: readonly string[],
): string {
  const value = spec.string(key);
  if (value === wrongType) return "";
  if (!value) errors.push(fieldErrors.required(spec.childPath(key)));
  else if (!supported.includes(value))
    errors.push(fieldErrors.notSupported(spec.childPath(key), value, supported));
  return value ?? "";
}

function validateNameInto(
  errors: FieldError[],
  spec: FieldReader,
  key: string,
  check: (value: string) => string[],
): void {
  const value = spec.string(key);
  if (value === wrongType || !value) return;
  for (const message of check(value)) errors.push(fieldErrors.invalid(spec.childPath(key), value, message));
}

function validateHostNetworkPortsInto(
  errors: FieldError[],
  spec: FieldReader,
  summary: PodSpecSummary,
  isPod: boolean,
) {
  const hostNetwork = spec.boolean("hostNetwork");
  if (hostNetwork !== true) return;
  for (const container of summary.containers) {
    for (const port of container.ports) {
      if ((isPod || port.hostPort !== 0) && port.hostPort !== port.containerPort) {
        errors.push(
          fieldErrors.invalid(
            `${port.path}.hostPort`,
            port.hostPort,
            "must match `containerPort` when `hostNetwork` is true",
          ),
        );
      }
    }
  }
}

function validateDnsConfigInto(errors: FieldError[], spec: FieldReader, dnsPolicy: string): void {
  const config = spec.object("dnsConfig");
  if (config === wrongType) return;
  const nameservers = config.strings("nameservers");
  if (dnsPolicy === "None") {
    if (!config.present) {
      errors.push(fieldErrors.required(config.path, "must provide `dnsConfig` when `dnsPolicy` is None"));
      return;
    }
    if (nameservers !== wrongType && (nameservers?.length ?? 0) === 0) {
      errors.push(
        fieldErrors.required(
          config.childPath("nameservers"),
          "must provide at least one DNS nameserver when `dnsPolicy` is None",
        ),
      );
      return;
    }
  }
  if (!config.present) return;
  if (nameservers !== wrongType && nameservers !== undefined && nameservers.length > 3) {
    errors.push(
      fieldErrors.invalid(
        config.childPath("nameservers"),
        goStringSlice(nameservers),
        "must not have more than 3 nameservers",
      ),
    );
  }
  const searches = config.strings("searches");
  if (searches !== wrongType && searches !== undefined) {
    const searchesPath = config.childPath("searches");
    if (searches.length > 32) {
      errors.push(
        fieldErrors.invalid(searchesPath, goStringSlice(searches), "must not have more than 32 search paths"),
      );
    }
    if (utf8Length(searches.join(" ")) > 2048) {
      errors.push(
        fieldErrors.invalid(
          searchesPath,
          goStringSlice(searches),
          "must not have more than 2048 characters (including spaces) in the search list",
        ),
      );
    }
    searches.forEach((search, index) => {
      const trimmed = search.endsWith(".") ? search.slice(0, -1) : search;
      for (const message of isDns1123Subdomain(trimmed)) {
        errors.push(fieldErrors.invalid(fieldPath(searchesPath, index), trimmed, message));
      }
    });
  }
  const options = config.objects("options");
  if (options !== wrongType && options !== undefined) {
    options.forEach((option, index) => {
      if (option === wrongType) return;
      const name = option.string("name");
      if (name !== wrongType && !name) {
        errors.push(fieldErrors.required(fieldPath(config.childPath("options"), index), "must not be empty"));
      }
    });
  }
}

function validateGatesInto(errors: FieldError[], spec: FieldReader): void {
  const readinessGates = spec.objects("readinessGates");
  if (readinessGates !== wrongType) {
    for (const gate of readinessGates ?? []) {
      if (gate === wrongType) continue;
      const conditionType = gate.string("conditionType");
      if (conditionType === wrongType) continue;
      for (const message of isQualifiedName(conditionType ?? "")) {
        errors.push(fieldErrors.invalid(gate.childPath("conditionType"), conditionType ?? "", message));
      }
    }
  }
  const schedulingGates = spec.objects("schedulingGates");
  if (schedulingGates === wrongType || schedulingGates === undefined) return;
  const seen = new Set<string>();
  for (const gate of schedulingGates) {
    if (gate === wrongType) continue;
    const name = gate.string("name");
    if (name === wrongType) continue;
    for (const message of isQualifiedName(name ?? ""))
      errors.push(fieldErrors.invalid(gate.path, name ?? "", message));
    if (seen.has(name ?? "")) errors.push(fieldErrors.duplicate(gate.path, name ?? ""));
    seen.add(name ?? "");
  }
}

function validateOsInto(errors: FieldError[], spec: FieldReader): void {
  const os = spec.object("os");
  if (os === wrongType || !os.present) return;
  const name = os.string("name");
  if (name === wrongType) return;
  if (!name) errors.push(fieldErrors.required(os.childPath("name"), "cannot be empty"));
  else if (!(operatingSystems as readonly string[]).includes(name)) {
    errors.push(fieldErrors.notSupported(os.path, name, operatingSystems));
  }
}

/**
 * Validates a pod spec into `errors` (upstream's `ValidatePodSpec`) and returns what the
 * pod-only checks need. See {@link validatePodSpec} for what is and is not checked.
 */
export function validatePodSpecInto(
  errors: FieldError[],
  value: unknown,
  path: string,
  options: ValidatePodSpecOptions = {},
): PodSpecSummary {
  const empty: PodSpecSummary = { containers: [], initContainers: [] };
  const spec = FieldReader.of(value, path, errors);
  if (spec === wrongType) return empty;
  const gracePeriod = spec.integer("terminationGracePeriodSeconds");
  if (gracePeriod === undefined)
    errors.push(fieldErrors.required(spec.childPath("terminationGracePeriodSeconds")));
  const volumes = validateVolumesInto(errors, spec.raw("volumes"), spec.childPath("volumes"));
  const containers = validateContainersInto(
    errors,
    spec.raw("containers"),
    spec.childPath("containers"),
    volumes,
  );
  const initContainers = validateInitContainersInto(
    errors,
    spec.raw("initContainers"),
    spec.childPath("initContainers"),
    volumes,
    containers,
  );
  const summary: PodSpecSummary = { containers, initContainers };
  validateHostNetworkPortsInto(errors, spec, summary, options.template !== true);
  validateEnumInto(errors, spec, "restartPolicy", restartPolicies);
  const dnsPolicy = validateEnumInto(errors, spec, "dnsPolicy", dnsPolicies);
  const nodeSelector = spec.stringMap("nodeSelector");
  if (nodeSelector !== wrongType) validateLabelMapInto(errors, nodeSelector, spec.childPath("nodeSelector"));
  validateAffinityInto(errors, spec.raw("affinity"), spec.childPath("affinity"));
  validateDnsConfigInto(errors, spec, dnsPolicy);
  validateGatesInto(errors, spec);
  validateTopologySpreadConstraintsInto(
    errors,
    spec.raw("topologySpreadConstraints"),
    spec.childPath("topologySpreadConstraints"),
  );
  validateNameInto(errors, spec, "serviceAccountName", (name) => nameIsDnsSubdomain(name, false));
  validateNameInto(errors, spec, "nodeName", (name) => nameIsDnsSubdomain(name, false));
  const activeDeadlineSeconds = spec.integer("activeDeadlineSeconds");
  if (
    activeDeadlineSeconds !== wrongType &&
    activeDeadlineSeconds !== undefined &&
    (activeDeadlineSeconds < 1 || activeDeadlineSeconds > 2147483647)
  ) {
    errors.push(
      fieldErrors.invalid(
        spec.childPath("activeDeadlineSeconds"),
        activeDeadlineSeconds,
        inclusiveRangeError(1, 2147483647),
      ),
    );
  }
  validateNameInto(errors, spec, "hostname", isDns1123Label);
  validateNameInto(errors, spec, "subdomain", isDns1123Label);
  validateTolerationsInto(errors, spec.raw("tolerations"), spec.childPath("tolerations"));
  validateNameInto(errors, spec, "priorityClassName", (name) => nameIsDnsSubdomain(name, false));
  const runtimeClassName = spec.string("runtimeClassName");
  if (runtimeClassName !== wrongType && runtimeClassName !== undefined) {
    for (const message of nameIsDnsSubdomain(runtimeClassName, false)) {
      errors.push(fieldErrors.invalid(spec.childPath("runtimeClassName"), runtimeClassName, message));
    }
  }
  if (spec.has("preemptionPolicy")) validateEnumInto(errors, spec, "preemptionPolicy", preemptionPolicies);
  validateOsInto(errors, spec);
  return summary;
}

/**
 * Validates a pod spec as upstream's `ValidatePodSpec` does, after defaulting:
 * terminationGracePeriodSeconds present; volumes (see `validateVolumesInto`); containers
 * and initContainers (names, images, ports, env names, volumeMounts, pull and
 * termination-message policies, resources); host ports under hostNetwork; restartPolicy
 * and dnsPolicy; nodeSelector labels; node and pod affinity; dnsConfig (nameserver
 * addresses are not parsed); readiness and scheduling gates; topology spread constraints;
 * serviceAccountName, nodeName, hostname, subdomain, priorityClassName and
 * runtimeClassName formats; activeDeadlineSeconds 1-2147483647; tolerations;
 * preemptionPolicy; os. Not validated: probes, lifecycle hooks, security contexts,
 * envFrom and env sources, volumeDevices, resource claims, hostAliases, overhead,
 * imagePullSecrets. Negative terminationGracePeriodSeconds are accepted, as upstream
 * accepts them. Untrusted input is reported, never thrown.
 *
 * @example
 * validatePodSpec({ containers: [] }, "spec", { template: true }).map((error) => error.field)
 * // includes "spec.containers" (Required value)
 */
export function validatePodSpec(
  spec: unknown,
  path: string,
  options: ValidatePodSpecOptions = {},
): FieldError[] {
  const errors: FieldError[] = [];
  validatePodSpecInto(errors, spec, path, options);
  return errors;
}
