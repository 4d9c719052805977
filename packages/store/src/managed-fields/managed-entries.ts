import { FieldSet } from "./field-set.js";
import { goJson } from "./go-json.js";
import { isRecord, own } from "./json-values.js";

/** `Apply` (server-side apply) or `Update` (every other write). */
export type ManagedFieldsOperation = "Apply" | "Update";

/** One manager's ownership: a `metadata.managedFields` entry, decoded. */
export interface ManagerEntry {
  readonly manager: string;
  readonly operation: ManagedFieldsOperation;
  readonly apiVersion: string;
  readonly subresource: string;
  /** RFC 3339; absent when upstream would not have set one. */
  readonly time: string | undefined;
  readonly fields: FieldSet;
}

/** The ownership table of an object, keyed by manager identifier. */
export type ManagedTable = Map<string, ManagerEntry>;

/** Managed fields that do not decode (upstream then falls back to the stored ones). */
export class ManagedFieldsDecodeError extends Error {}

/**
 * Upstream's manager identifier: the entry without time and fields as Go's JSON, the
 * apiVersion left out for `Apply` (an applier owns its fields whatever version it used).
 */
export function managerIdentifier(
  manager: string,
  operation: ManagedFieldsOperation,
  apiVersion: string,
  subresource: string,
): string {
  let text = `{"manager":${goJson(manager)},"operation":"${operation}"`;
  if (operation === "Update" && apiVersion !== "") text += `,"apiVersion":${goJson(apiVersion)}`;
  if (subresource !== "") text += `,"subresource":${goJson(subresource)}`;
  return `${text}}`;
}

/** Adds or replaces an entry under its identifier. */
export function putEntry(table: ManagedTable, entry: ManagerEntry): string {
  const identifier = managerIdentifier(entry.manager, entry.operation, entry.apiVersion, entry.subresource);
  table.set(identifier, entry);
  return identifier;
}

function stringOf(entry: Record<string, unknown>, key: string): string {
  const value = own(entry, key);
  return typeof value === "string" ? value : "";
}

/**
 * Decodes `metadata.managedFields` (already type-checked by the decoder) into a table,
 * as upstream's `DecodeManagedFields`.
 *
 * @throws ManagedFieldsDecodeError with upstream's wording when an entry is not valid.
 */
export function decodeManagedFields(entries: unknown): ManagedTable {
  const table: ManagedTable = new Map();
  if (entries === undefined || entries === null) return table;
  if (!Array.isArray(entries)) throw new ManagedFieldsDecodeError("managedFields must be a list");
  entries.forEach((entry: unknown, index) => {
    if (!isRecord(entry))
      throw new ManagedFieldsDecodeError(`managed fields entry ${index} is not an object`);
    const operation = stringOf(entry, "operation");
    if (operation !== "Apply" && operation !== "Update") {
      throw new ManagedFieldsDecodeError("operation must be `Apply` or `Update`");
    }
    const apiVersion = stringOf(entry, "apiVersion");
    if (apiVersion === "") throw new ManagedFieldsDecodeError("apiVersion must not be empty");
    const fieldsType = stringOf(entry, "fieldsType");
    if (fieldsType === "")
      throw new ManagedFieldsDecodeError(`missing fieldsType in managed fields entry ${index}`);
    if (fieldsType !== "FieldsV1") {
      throw new ManagedFieldsDecodeError(
        `invalid fieldsType ${JSON.stringify(fieldsType)} in managed fields entry ${index}`,
      );
    }
    let fields: FieldSet;
    try {
      fields = FieldSet.fromFieldsV1(own(entry, "fieldsV1"));
    } catch (error) {
      throw new ManagedFieldsDecodeError(
        `error decoding set: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const time = own(entry, "time");
    putEntry(table, {
      manager: stringOf(entry, "manager"),
      operation,
      apiVersion,
      subresource: stringOf(entry, "subresource"),
      time: typeof time === "string" && time !== "" ? time : undefined,
      fields,
    });
  });
  return table;
}

function secondsOf(time: string | undefined): number {
  if (time === undefined) return 0;
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? 0 : Math.floor(parsed / 1000);
}

function compareText(left: string, right: string): number {
  return left === right ? 0 : left < right ? -1 : 1;
}

/** Upstream's entry order: operation, then time (oldest first), manager, apiVersion, subresource. */
function compareEntries(left: ManagerEntry, right: ManagerEntry): number {
  return (
    compareText(left.operation, right.operation) ||
    secondsOf(left.time) - secondsOf(right.time) ||
    compareText(left.manager, right.manager) ||
    compareText(left.apiVersion, right.apiVersion) ||
    compareText(left.subresource, right.subresource)
  );
}

/**
 * Encodes a table as `metadata.managedFields` (fields in the API's order, entries in
 * upstream's order), or undefined when it is empty (the key is then left out).
 */
export function encodeManagedFields(table: ManagedTable): Record<string, unknown>[] | undefined {
  if (table.size === 0) return undefined;
  return [...table.values()].sort(compareEntries).map((entry) => {
    const encoded: Record<string, unknown> = {};
    if (entry.manager !== "") encoded.manager = entry.manager;
    encoded.operation = entry.operation;
    encoded.apiVersion = entry.apiVersion;
    if (entry.time !== undefined) encoded.time = entry.time;
    encoded.fieldsType = "FieldsV1";
    encoded.fieldsV1 = entry.fields.toFieldsV1();
    if (entry.subresource !== "") encoded.subresource = entry.subresource;
    return encoded;
  });
}
