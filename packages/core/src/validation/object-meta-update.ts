import { type BadValue, type FieldError, fieldErrors, goStringSlice } from "../errors/index.js";
import { FieldReader, wrongType } from "./field-reader.js";
import { goTime } from "./go-values.js";
import { validateKubeFinalizersInto, validateMetaMapsInto } from "./object-meta.js";

/** Upstream's `FieldImmutableErrorMsg`. */
export const fieldImmutableMessage = "field is immutable";

function stringOf(meta: FieldReader, key: string): string {
  const value = meta.raw(key);
  return typeof value === "string" ? value : "";
}

/** A timestamp field: epoch milliseconds, `undefined` when absent, or the raw text when unparsable. */
function timeOf(meta: FieldReader, key: string): number | string | undefined {
  const value = meta.raw(key);
  if (typeof value !== "string" || value === "") return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? value : Math.floor(parsed / 1000) * 1000;
}

function timeBadValue(time: number | string | undefined, pointer: boolean): BadValue {
  if (typeof time === "string") return time;
  if (time === undefined && pointer) return null;
  return goTime(time);
}

function validateImmutableStringInto(errors: FieldError[], meta: FieldReader, old: FieldReader, key: string) {
  const value = stringOf(meta, key);
  if (value !== stringOf(old, key))
    errors.push(fieldErrors.invalid(meta.childPath(key), value, fieldImmutableMessage));
}

function validateImmutableTimeInto(
  errors: FieldError[],
  meta: FieldReader,
  old: FieldReader,
  key: string,
  pointer: boolean,
) {
  // The same text (usually: the timestamp is copied from the stored object) is the same time.
  if (meta.raw(key) === old.raw(key)) return;
  const value = timeOf(meta, key);
  if (value !== timeOf(old, key)) {
    errors.push(
      fieldErrors.invalid(meta.childPath(key), timeBadValue(value, pointer), fieldImmutableMessage),
    );
  }
}

function finalizersOf(meta: FieldReader): readonly string[] {
  const value = meta.raw("finalizers");
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * Validates metadata on update into `errors` (upstream's core `ValidateObjectMetaUpdate`):
 * a resourceVersion is required, generation may not decrease, name, namespace, uid,
 * creationTimestamp, deletionTimestamp and deletionGracePeriodSeconds are immutable, no
 * finalizer may be added once deletion started, and labels, annotations, owner references
 * and finalizer names are checked again.
 */
export function validateObjectMetaUpdateInto(
  errors: FieldError[],
  value: unknown,
  oldValue: unknown,
  path = "metadata",
): void {
  const meta = FieldReader.of(value, path, errors);
  if (meta === wrongType) return;
  const old = FieldReader.of(oldValue, path, undefined);
  const oldMeta = old === wrongType ? FieldReader.absent(path, undefined) : old;

  if (oldMeta.has("deletionTimestamp")) {
    const known = new Set(finalizersOf(oldMeta));
    const added = [...new Set(finalizersOf(meta).filter((finalizer) => !known.has(finalizer)))].sort();
    if (added.length > 0) {
      errors.push(
        fieldErrors.forbidden(
          meta.childPath("finalizers"),
          `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(added).rendered}`,
        ),
      );
    }
  }
  const resourceVersion = meta.string("resourceVersion");
  if (resourceVersion !== wrongType && !resourceVersion) {
    errors.push(
      fieldErrors.invalid(meta.childPath("resourceVersion"), "", "must be specified for an update"),
    );
  }
  const generation = meta.integer("generation");
  const oldGeneration = oldMeta.raw("generation");
  if (
    generation !== wrongType &&
    (generation ?? 0) < (typeof oldGeneration === "number" ? oldGeneration : 0)
  ) {
    errors.push(
      fieldErrors.invalid(meta.childPath("generation"), generation ?? 0, "must not be decremented"),
    );
  }
  validateImmutableStringInto(errors, meta, oldMeta, "name");
  validateImmutableStringInto(errors, meta, oldMeta, "namespace");
  validateImmutableStringInto(errors, meta, oldMeta, "uid");
  validateImmutableTimeInto(errors, meta, oldMeta, "creationTimestamp", false);
  validateImmutableTimeInto(errors, meta, oldMeta, "deletionTimestamp", true);
  const gracePeriod = meta.raw("deletionGracePeriodSeconds");
  const oldGracePeriod = oldMeta.raw("deletionGracePeriodSeconds");
  if ((gracePeriod ?? null) !== (oldGracePeriod ?? null)) {
    errors.push(
      fieldErrors.invalid(
        meta.childPath("deletionGracePeriodSeconds"),
        typeof gracePeriod === "number" ? gracePeriod : null,
        fieldImmutableMessage,
      ),
    );
  }
  validateMetaMapsInto(errors, meta);
  validateKubeFinalizersInto(errors, meta, meta.strings("finalizers"));
}

/**
 * Validates metadata on update (see {@link validateObjectMetaUpdateInto}).
 *
 * @example
 * validateObjectMetaUpdate({ name: "b", resourceVersion: "2" }, { name: "a" })
 * // => [{ type: "FieldValueInvalid", field: "metadata.name", badValue: "b", detail: "field is immutable" }]
 */
export function validateObjectMetaUpdate(meta: unknown, oldMeta: unknown, path = "metadata"): FieldError[] {
  const errors: FieldError[] = [];
  validateObjectMetaUpdateInto(errors, meta, oldMeta, path);
  return errors;
}
