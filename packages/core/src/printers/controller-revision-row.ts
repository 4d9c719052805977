/** The cells of a ControllerRevision row (`kubectl get controllerrevisions`). */
import type { ControllerRevision } from "kubernetes-types/apps/v1";
import { KubesimError } from "../errors/index.js";
import { asArray, asRecord, field, integerAt, path, stringAt } from "./object-fields.js";
import { translateTimestampSince } from "./timestamp.js";

/** NAME, CONTROLLER (e.g. `daemonset.apps/fluentd`, `<none>`), REVISION, AGE. */
export function controllerRevisionCells(revision: ControllerRevision, now: Date): unknown[] {
  return [
    stringAt(revision, "metadata", "name"),
    controllerName(revision),
    integerAt(revision, "revision"),
    translateTimestampSince(path(revision, "metadata", "creationTimestamp"), now),
  ];
}

function controllerName(revision: ControllerRevision): string {
  const owner = asArray(path(revision, "metadata", "ownerReferences")).find(
    (reference) => field(asRecord(reference), "controller") === true,
  );
  if (owner === undefined) return "<none>";
  const group = groupOf(stringAt(owner, "apiVersion"));
  const kind = stringAt(owner, "kind");
  const name = stringAt(owner, "name");
  if (group === "" && kind === "") return name;
  return `${(group === "" ? kind : `${kind}.${group}`).toLowerCase()}/${name}`;
}

/** The group of an apiVersion, failing like apimachinery's `ParseGroupVersion`. */
function groupOf(apiVersion: string): string {
  if (apiVersion === "" || apiVersion === "/") return "";
  const parts = apiVersion.split("/");
  if (parts.length === 1) return "";
  if (parts.length === 2) return parts[0] ?? "";
  throw new KubesimError(`unexpected GroupVersion string: ${apiVersion}`);
}
