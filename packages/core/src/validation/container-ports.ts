import { type FieldError, fieldErrors } from "../errors/index.js";
import { type FieldReader, wrongType } from "./field-reader.js";
import { isValidPortName, isValidPortNum } from "./name-predicates.js";

/** A container port as read from a manifest, for checks that span containers. */
export interface ContainerPortValue {
  readonly containerPort: number;
  readonly hostPort: number;
  readonly protocol: string;
  readonly hostIP: string;
  /** The path of the port, e.g. `spec.containers[0].ports[1]`. */
  readonly path: string;
}

const supportedProtocols = ["SCTP", "TCP", "UDP"] as const;

/**
 * Validates `container.ports` into `errors` (upstream's `validateContainerPorts`) and
 * returns the well-typed ports: names IANA_SVC_NAMEs and unique, containerPort required
 * and 1-65535, hostPort 1-65535 when set, protocol required and TCP, UDP or SCTP.
 */
export function validateContainerPortsInto(
  errors: FieldError[],
  container: FieldReader,
): ContainerPortValue[] {
  const result: ContainerPortValue[] = [];
  const elements = container.objects("ports");
  if (elements === wrongType || elements === undefined) return result;
  const names = new Set<string>();
  for (const port of elements) {
    if (port === wrongType) continue;
    const name = port.string("name");
    const containerPort = port.integer("containerPort");
    const hostPort = port.integer("hostPort");
    const protocol = port.string("protocol");
    const hostIP = port.string("hostIP");
    if (name !== wrongType && name) {
      const messages = isValidPortName(name);
      if (messages.length > 0) {
        for (const message of messages)
          errors.push(fieldErrors.invalid(port.childPath("name"), name, message));
      } else if (names.has(name)) {
        errors.push(fieldErrors.duplicate(port.childPath("name"), name));
      } else {
        names.add(name);
      }
    }
    if (containerPort !== wrongType) {
      if (!containerPort) errors.push(fieldErrors.required(port.childPath("containerPort")));
      else {
        for (const message of isValidPortNum(containerPort)) {
          errors.push(fieldErrors.invalid(port.childPath("containerPort"), containerPort, message));
        }
      }
    }
    if (hostPort !== wrongType && hostPort) {
      for (const message of isValidPortNum(hostPort)) {
        errors.push(fieldErrors.invalid(port.childPath("hostPort"), hostPort, message));
      }
    }
    if (protocol !== wrongType) {
      if (!protocol) errors.push(fieldErrors.required(port.childPath("protocol")));
      else if (!(supportedProtocols as readonly string[]).includes(protocol)) {
        errors.push(fieldErrors.notSupported(port.childPath("protocol"), protocol, supportedProtocols));
      }
    }
    if (
      containerPort !== wrongType &&
      hostPort !== wrongType &&
      protocol !== wrongType &&
      hostIP !== wrongType
    ) {
      result.push({
        containerPort: containerPort ?? 0,
        hostPort: hostPort ?? 0,
        protocol: protocol ?? "",
        hostIP: hostIP ?? "",
        path: port.path,
      });
    }
  }
  return result;
}

/**
 * Appends a Duplicate error for each host port used twice (same protocol, host IP and
 * port), upstream's `AccumulateUniqueHostPorts`. Pass one shared `seen` set to check
 * across containers.
 */
export function validateUniqueHostPortsInto(
  errors: FieldError[],
  ports: readonly ContainerPortValue[],
  seen: Set<string>,
): void {
  for (const port of ports) {
    if (port.hostPort === 0) continue;
    const key = `${port.protocol}/${port.hostIP}/${port.hostPort}`;
    if (seen.has(key)) errors.push(fieldErrors.duplicate(`${port.path}.hostPort`, key));
    else seen.add(key);
  }
}
