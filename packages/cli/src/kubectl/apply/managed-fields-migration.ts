/**
 * client-go's `csaupgrade` as kubectl v1.32's `apply --server-side` uses it: finding the
 * managers that own the last-applied annotation, and the JSON patch that hands the fields
 * of client-side apply's `Update` managers to the server-side apply manager.
 */
import type { KubeObject, ObjectMeta } from "@kubesim/core";
import { type JsonObject, type JsonValue, jsonEqual } from "../resource-builder/index.js";
import { fieldsV1Contains, unionFieldsV1 } from "./fields-v1.js";
import { lastAppliedAnnotation } from "./last-applied.js";

/** One entry of `metadata.managedFields` (metav1.ManagedFieldsEntry). */
export type ManagedFieldsEntry = NonNullable<ObjectMeta["managedFields"]>[number];

/** The field path of the last-applied annotation, as managedFields name it. */
export const lastAppliedFieldPath: readonly string[] = ["metadata", "annotations", lastAppliedAnnotation];

/** An `operation` of a managedFields entry. */
export type ManagedFieldsOperation = "Apply" | "Update";

/** The object's `metadata.managedFields`, or an empty list when it has none (or not a list). */
export function managedFieldsOf(object: KubeObject): readonly ManagedFieldsEntry[] {
  const entries: unknown = object.metadata?.managedFields;
  return Array.isArray(entries) ? (entries as ManagedFieldsEntry[]) : [];
}

/**
 * csaupgrade's `FindFieldsOwners`: the entries of `operation` whose field set holds `path`
 * (entries with malformed field sets never match).
 */
export function findFieldsOwners(
  entries: readonly ManagedFieldsEntry[],
  operation: ManagedFieldsOperation,
  path: readonly string[],
): ManagedFieldsEntry[] {
  return entries.filter((entry) => entry.operation === operation && fieldsV1Contains(entry.fieldsV1, path));
}

function isMainResourceEntry(
  entry: ManagedFieldsEntry,
  manager: string,
  operation: ManagedFieldsOperation,
): boolean {
  return entry.manager === manager && entry.operation === operation && (entry.subresource ?? "") === "";
}

/**
 * Folds one client-side manager into the server-side one: the `Apply` entry of
 * `ssaManager` (or, lacking one, the most recent `Update` entry of `csaManager`, renamed)
 * takes the union of its fields and those of `csaManager`'s `Update` entry of the same
 * apiVersion; every `Update` entry of `csaManager` is then dropped.
 *
 * @throws KubesimError when a field set is malformed.
 */
function upgradedManagedFields(
  entries: readonly ManagedFieldsEntry[],
  csaManager: string,
  ssaManager: string,
): ManagedFieldsEntry[] {
  const copy = entries.map((entry) => ({ ...entry }));
  let targetIndex = copy.findIndex((entry) => isMainResourceEntry(entry, ssaManager, "Apply"));
  if (targetIndex < 0) {
    targetIndex = copy.findIndex((entry) => isMainResourceEntry(entry, csaManager, "Update"));
    if (targetIndex < 0) return copy;
    const converted = copy[targetIndex] as ManagedFieldsEntry;
    copy[targetIndex] = { ...converted, manager: ssaManager, operation: "Apply" };
  }
  const target = copy[targetIndex] as ManagedFieldsEntry;
  const source = copy.find(
    (entry) => isMainResourceEntry(entry, csaManager, "Update") && entry.apiVersion === target.apiVersion,
  );
  const fields = unionFieldsV1(target.fieldsV1 ?? {}, source?.fieldsV1 ?? {});
  copy[targetIndex] = { ...target, fieldsV1: fields };
  return copy.filter((entry) => !isMainResourceEntry(entry, csaManager, "Update"));
}

/** An entry as metav1.ManagedFieldsEntry serializes: Go's field order, empty fields left out. */
function entryJson(entry: ManagedFieldsEntry): JsonObject {
  const result: JsonObject = {};
  const fields = [
    "manager",
    "operation",
    "apiVersion",
    "time",
    "fieldsType",
    "fieldsV1",
    "subresource",
  ] as const;
  for (const field of fields) {
    const value = entry[field];
    if (value !== undefined && value !== "") result[field] = value as JsonValue;
  }
  return result;
}

/**
 * csaupgrade's `UpgradeManagedFieldsPatch`: the JSON patch that replaces
 * `metadata.managedFields` with every `csaManagers` entry folded into `ssaManager`'s
 * `Apply` entry, and replaces `metadata.resourceVersion` with the object's own (so a
 * concurrent change makes it a Conflict). `undefined` when nothing would change.
 *
 * @throws KubesimError when a field set is malformed.
 */
export function upgradeManagedFieldsPatch(
  object: KubeObject,
  csaManagers: ReadonlySet<string>,
  ssaManager: string,
): JsonObject[] | undefined {
  const entries = managedFieldsOf(object);
  let upgraded: ManagedFieldsEntry[] = [...entries];
  for (const csaManager of csaManagers) {
    upgraded = upgradedManagedFields(upgraded, csaManager, ssaManager);
  }
  const before = entries.map(entryJson);
  const after = upgraded.map(entryJson);
  if (jsonEqual(before, after)) return undefined;
  return [
    { op: "replace", path: "/metadata/managedFields", value: after },
    { op: "replace", path: "/metadata/resourceVersion", value: object.metadata?.resourceVersion ?? "" },
  ];
}
