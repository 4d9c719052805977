/**
 * The Containers (and Init/Ephemeral Containers) sections of `describe pod` and of pod
 * templates: image, ports, command, state, resources, probes, environment and mounts.
 */
import { type ContainerStatus, compareGoStrings, goQuote, type Pod } from "@kubesim/core";
import { goSorted } from "../get/index.js";
import { boolText, stringOrNone } from "./describe-fields.js";
import { formatTimestamp } from "./describe-time.js";
import type { PrefixWriter } from "./describe-writer.js";
import { readResourceList } from "./pod-resources.js";

/** A container of a pod spec (ephemeral containers share the fields describe reads). */
type Container = NonNullable<NonNullable<Pod["spec"]>["containers"]>[number];
type Probe = NonNullable<Container["livenessProbe"]>;
type EnvVar = NonNullable<Container["env"]>[number];
type ContainerState = NonNullable<ContainerStatus["state"]>;
type ResourceRequirements = NonNullable<Container["resources"]>;
type IntOrString = NonNullable<NonNullable<Probe["httpGet"]>["port"]>;

/** Resolves a `fieldRef` environment value for a pod; absent for pod templates. */
export type FieldRefResolver = (fieldPath: string, apiVersion: string) => string;

/** Go's `%v` of a `[]string`: `[a b c]`. */
export function goSliceText(values: readonly string[] | null | undefined): string {
  return `[${(values ?? []).join(" ")}]`;
}

function intOrStringText(value: IntOrString | null | undefined): string {
  if (typeof value === "number") return String(Math.trunc(value));
  return typeof value === "string" ? value : "0";
}

function integer(value: number | null | undefined): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : 0;
}

/** A quantity as Go's `Quantity.String()` prints it; unreadable text is shown as is. */
function quantityText(list: Readonly<Record<string, unknown>> | undefined, name: string): string {
  const parsed = readResourceList(list).get(name);
  if (parsed !== undefined) return parsed.toString();
  const raw = list?.[name];
  return typeof raw === "string" ? raw : String(raw);
}

/**
 * Limits then Requests, resources sorted by name, at `level` (upstream
 * `describeResources`).
 */
export function writeResources(
  writer: PrefixWriter,
  resources: ResourceRequirements | null | undefined,
  level: number,
): void {
  if (resources === null || resources === undefined) return;
  for (const [title, list] of [
    ["Limits", resources.limits],
    ["Requests", resources.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort(compareGoStrings);
    if (names.length > 0) writer.write(level, `${title}:\n`);
    for (const name of names) writer.write(level + 1, `${name}:\t${quantityText(list, name)}\n`);
  }
}

// The characters Go's url.URL.EscapedPath leaves alone in a path.
const pathSafe = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

function escapePath(path: string): string {
  let escaped = "";
  for (const byte of new TextEncoder().encode(path)) {
    const character = String.fromCharCode(byte);
    escaped +=
      byte < 0x80 && pathSafe.test(character)
        ? character
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return escaped;
}

/** Go's `url.URL{Scheme, Host, Path}.String()`. */
function urlText(scheme: string, host: string, path: string): string {
  let text = scheme === "" ? "" : `${scheme}:`;
  if (scheme !== "" || host !== "") text += `//${host}`;
  if (path !== "" && !path.startsWith("/") && host !== "") text += "/";
  return text + escapePath(path);
}

/** Go's `net.JoinHostPort`. */
function joinHostPort(host: string, port: string): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** A probe as describe prints it: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function probeText(probe: Probe): string {
  const attributes =
    `delay=${integer(probe.initialDelaySeconds)}s timeout=${integer(probe.timeoutSeconds)}s ` +
    `period=${integer(probe.periodSeconds)}s #success=${integer(probe.successThreshold)} #failure=${integer(probe.failureThreshold)}`;
  if (probe.exec !== undefined && probe.exec !== null)
    return `exec ${goSliceText(probe.exec.command)} ${attributes}`;
  if (probe.httpGet !== undefined && probe.httpGet !== null) {
    const httpGet = probe.httpGet;
    const port = intOrStringText(httpGet.port);
    const host = httpGet.host ?? "";
    const url = urlText(
      (httpGet.scheme ?? "").toLowerCase(),
      port === "" ? host : joinHostPort(host, port),
      httpGet.path ?? "",
    );
    return `http-get ${url} ${attributes}`;
  }
  if (probe.tcpSocket !== undefined && probe.tcpSocket !== null) {
    return `tcp-socket ${probe.tcpSocket.host ?? ""}:${intOrStringText(probe.tcpSocket.port)} ${attributes}`;
  }
  if (probe.grpc !== undefined && probe.grpc !== null) {
    return `grpc <pod>:${integer(probe.grpc.port)} ${probe.grpc.service ?? ""} ${attributes}`;
  }
  return `unknown ${attributes}`;
}

function writeState(writer: PrefixWriter, title: string, state: ContainerState | null | undefined): void {
  if (state?.running !== undefined && state.running !== null) {
    writer.write(2, `${title}:\tRunning\n`);
    writer.write(3, `Started:\t${formatTimestamp(state.running.startedAt)}\n`);
  } else if (state?.waiting !== undefined && state.waiting !== null) {
    writer.write(2, `${title}:\tWaiting\n`);
    if ((state.waiting.reason ?? "") !== "") writer.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated !== undefined && state.terminated !== null) {
    const terminated = state.terminated;
    writer.write(2, `${title}:\tTerminated\n`);
    if ((terminated.reason ?? "") !== "") writer.write(3, `Reason:\t${terminated.reason}\n`);
    if ((terminated.message ?? "") !== "") writer.write(3, `Message:\t${terminated.message}\n`);
    writer.write(3, `Exit Code:\t${integer(terminated.exitCode)}\n`);
    if (integer(terminated.signal) > 0) writer.write(3, `Signal:\t${integer(terminated.signal)}\n`);
    writer.write(3, `Started:\t${formatTimestamp(terminated.startedAt)}\n`);
    writer.write(3, `Finished:\t${formatTimestamp(terminated.finishedAt)}\n`);
  } else {
    writer.write(2, `${title}:\tWaiting\n`);
  }
}

function portsText(
  container: Container,
  pick: (port: NonNullable<Container["ports"]>[number]) => number | undefined,
): string {
  return (container.ports ?? []).map((port) => `${integer(pick(port))}/${port.protocol ?? ""}`).join(", ");
}

/** Go's `int64(math.Ceil(float64(value) / float64(divisor)))` as text. */
function ceilingDivision(value: bigint, divisor: bigint): string {
  const result = Math.ceil(Number(value) / Number(divisor));
  return Number.isFinite(result) ? String(result) : "-9223372036854775808";
}

/**
 * The value of a `resourceFieldRef` for a container (upstream
 * `ExtractContainerResourceValue`), or `undefined` for an unsupported resource.
 */
function containerResourceValue(
  container: Container,
  resource: string,
  divisorText: unknown,
): string | undefined {
  const divisorParsed = readResourceList({ divisor: divisorText }).get("divisor");
  const divisor =
    divisorParsed === undefined || divisorParsed.isZero()
      ? readResourceList({ one: "1" }).get("one")
      : divisorParsed;
  if (divisor === undefined) return undefined;
  const dot = resource.indexOf(".");
  const side = resource.slice(0, dot);
  const name = resource.slice(dot + 1);
  if (dot === -1 || (side !== "limits" && side !== "requests")) return undefined;
  if (!["cpu", "memory", "ephemeral-storage"].includes(name) && !name.startsWith("hugepages-"))
    return undefined;
  const list = readResourceList(
    side === "limits" ? container.resources?.limits : container.resources?.requests,
  );
  const quantity = list.get(name);
  if (name === "cpu") return ceilingDivision(quantity?.milliValue() ?? 0n, divisor.milliValue());
  return ceilingDivision(quantity?.value() ?? 0n, divisor.value());
}

function writeEnvironment(
  writer: PrefixWriter,
  container: Container,
  resolveFieldRef: FieldRefResolver | undefined,
): void {
  const env: readonly EnvVar[] = container.env ?? [];
  writer.write(2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const variable of env) {
    const from = variable.valueFrom;
    if (from === undefined || from === null) {
      for (const [index, line] of (variable.value ?? "").split("\n").entries()) {
        writer.write(3, index === 0 ? `${variable.name}:\t${line}\n` : `\t${line}\n`);
      }
      continue;
    }
    if (from.fieldRef !== undefined && from.fieldRef !== null) {
      const apiVersion = from.fieldRef.apiVersion ?? "";
      const value = resolveFieldRef === undefined ? "" : resolveFieldRef(from.fieldRef.fieldPath, apiVersion);
      writer.write(3, `${variable.name}:\t${value} (${apiVersion}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef !== undefined && from.resourceFieldRef !== null) {
      const resource = from.resourceFieldRef.resource;
      let value = containerResourceValue(container, resource, from.resourceFieldRef.divisor) ?? "";
      if (value === "0" && (resource === "limits.cpu" || resource === "limits.memory"))
        value = "node allocatable";
      writer.write(3, `${variable.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef !== undefined && from.secretKeyRef !== null) {
      const reference = from.secretKeyRef;
      writer.write(
        3,
        `${variable.name}:\t<set to the key '${reference.key}' in secret '${reference.name ?? ""}'>\tOptional: ${reference.optional === true}\n`,
      );
    } else if (from.configMapKeyRef !== undefined && from.configMapKeyRef !== null) {
      const reference = from.configMapKeyRef;
      writer.write(
        3,
        `${variable.name}:\t<set to the key '${reference.key}' of config map '${reference.name ?? ""}'>\tOptional: ${reference.optional === true}\n`,
      );
    }
  }
}

function writeEnvironmentFrom(writer: PrefixWriter, container: Container): void {
  const sources = container.envFrom ?? [];
  writer.write(2, `Environment Variables from:${sources.length === 0 ? "\t<none>" : ""}\n`);
  for (const source of sources) {
    let from = "";
    let name = "";
    let optional = false;
    if (source.configMapRef !== undefined && source.configMapRef !== null) {
      from = "ConfigMap";
      name = source.configMapRef.name ?? "";
      optional = source.configMapRef.optional === true;
    } else if (source.secretRef !== undefined && source.secretRef !== null) {
      from = "Secret";
      name = source.secretRef.name ?? "";
      optional = source.secretRef.optional === true;
    }
    const prefix = source.prefix ?? "";
    writer.write(
      3,
      prefix === ""
        ? `${name}\t${from}\tOptional: ${optional}\n`
        : `${name}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`,
    );
  }
}

function writeMounts(writer: PrefixWriter, container: Container): void {
  const mounts = container.volumeMounts ?? [];
  const none = mounts.length === 0 ? "\t<none>" : "";
  writer.write(2, `Mounts:${none}\n`);
  const sortedMounts = goSorted(
    mounts,
    (left, right) => compareGoStrings(left.mountPath, right.mountPath) < 0,
  );
  for (const mount of sortedMounts) {
    const flags = [mount.readOnly === true ? "ro" : "rw"];
    if ((mount.subPath ?? "") !== "") flags.push(`path=${goQuote(mount.subPath ?? "")}`);
    writer.write(3, `${mount.mountPath} from ${mount.name} (${flags.join(",")})\n`);
  }
  const devices = container.volumeDevices ?? [];
  if (devices.length > 0) {
    // kubectl reuses the mounts' "<none>" marker here.
    writer.write(2, `Devices:${none}\n`);
    const sortedDevices = goSorted(
      devices,
      (left, right) => compareGoStrings(left.devicePath, right.devicePath) < 0,
    );
    for (const device of sortedDevices) writer.write(3, `${device.devicePath} from ${device.name}\n`);
  }
}

/**
 * Writes `label:` and every container (upstream `describeContainers`). `statuses` are
 * the pod's container statuses (none for a template); `space` indents template sections.
 */
export function writeContainers(
  writer: PrefixWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolveFieldRef: FieldRefResolver | undefined,
  space: string,
): void {
  const statusByName = new Map((statuses ?? []).map((status) => [status.name, status]));
  writer.write(0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  const nameIndent = space === "" ? "" : " ";
  for (const container of containers) {
    const status = statusByName.get(container.name);
    writer.write(1, `${nameIndent}${container.name}:\n`);
    if (status !== undefined) writer.write(2, `Container ID:\t${status.containerID ?? ""}\n`);
    writer.write(2, `Image:\t${container.image ?? ""}\n`);
    if (status !== undefined) writer.write(2, `Image ID:\t${status.imageID}\n`);
    const ports = portsText(container, (port) => port.containerPort);
    writer.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`);
    const hostPorts = portsText(container, (port) => port.hostPort);
    writer.write(
      2,
      hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`,
    );
    const seccompProfile = container.securityContext?.seccompProfile;
    if (seccompProfile !== undefined && seccompProfile !== null) {
      writer.write(2, `SeccompProfile:\t${seccompProfile.type}\n`);
      if (seccompProfile.type === "Localhost")
        writer.write(3, `LocalhostProfile:\t${seccompProfile.localhostProfile ?? ""}\n`);
    }
    for (const [title, lines] of [
      ["Command", container.command],
      ["Args", container.args],
    ] as const) {
      if (lines === undefined || lines === null || lines.length === 0) continue;
      writer.write(2, `${title}:\n`);
      for (const line of lines) for (const part of line.split("\n")) writer.write(3, `${part}\n`);
    }
    if (status !== undefined) {
      writeState(writer, "State", status.state);
      if (status.lastState?.terminated !== undefined && status.lastState.terminated !== null) {
        writeState(writer, "Last State", status.lastState);
      }
      writer.write(2, `Ready:\t${boolText(status.ready === true)}\n`);
      writer.write(2, `Restart Count:\t${integer(status.restartCount)}\n`);
    }
    writeResources(writer, container.resources ?? {}, 2);
    for (const [title, probe] of [
      ["Liveness", container.livenessProbe],
      ["Readiness", container.readinessProbe],
      ["Startup", container.startupProbe],
    ] as const) {
      if (probe !== undefined && probe !== null) writer.write(2, `${title}:\t${probeText(probe)}\n`);
    }
    if ((container.envFrom ?? []).length > 0) writeEnvironmentFrom(writer, container);
    writeEnvironment(writer, container, resolveFieldRef);
    writeMounts(writer, container);
  }
}

/**
 * The `fieldRef` values kubectl can resolve for a pod: only `metadata.name` and
 * `metadata.namespace` (kubectl's scheme knows no other pod field labels), with an
 * API version that parses; anything else shows empty.
 */
export function podFieldRefResolver(pod: Pod): FieldRefResolver {
  return (fieldPath, apiVersion) => {
    if (apiVersion.split("/").length > 2) return "";
    if (fieldPath === "metadata.name") return pod.metadata?.name ?? "";
    if (fieldPath === "metadata.namespace") return pod.metadata?.namespace ?? "";
    return "";
  };
}
