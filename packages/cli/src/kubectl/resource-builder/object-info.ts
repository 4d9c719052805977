import type { KubeObject, ResourceInfo } from "@kubesim/core";

/**
 * One object a verb works on, as kubectl's `resource.Info`: its resource, name and
 * namespace, where it came from, and the object itself when it was read from a file or
 * fetched from the cluster.
 */
export interface ObjectInfo {
  /** The resource the object belongs to (kind, group, plural, scope). */
  readonly resource: ResourceInfo;
  readonly name: string;
  /** The object's namespace; `""` for cluster-scoped resources. */
  readonly namespace: string;
  /** The file the object was read from (`STDIN` for `-f -`); `""` for command-line names. */
  readonly source: string;
  /** The object from the file or the cluster; absent when only its name is known. */
  readonly object?: KubeObject;
}

/** `daemonset.apps` / `pod`: the lower-case kind plus the group, as kubectl names objects. */
export function printedKind(resource: ResourceInfo): string {
  const kind = resource.kind.toLowerCase();
  return resource.group === "" ? kind : `${kind}.${resource.group}`;
}

/**
 * A line of kubectl's name printer: `daemonset.apps/nginx created`, or
 * `node/node-1` without an operation.
 */
export function operationLine(info: Pick<ObjectInfo, "resource" | "name">, operation: string): string {
  const suffix = operation === "" ? "" : ` ${operation}`;
  return `${printedKind(info.resource)}/${info.name}${suffix}\n`;
}

/** kubectl's `Info.ObjectName()`: `<plural>/<name>`, e.g. `daemonsets/nginx`. */
export function objectName(info: Pick<ObjectInfo, "resource" | "name">): string {
  return `${info.resource.plural}/${info.name}`;
}

/** `daemonsets.apps` / `pods`: the plural plus the group, as API messages name resources. */
export function groupResourceName(resource: ResourceInfo): string {
  return resource.group === "" ? resource.plural : `${resource.plural}.${resource.group}`;
}
