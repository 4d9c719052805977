import {
  createInvalidError,
  fieldErrors,
  type PatchType,
  type ResourceInfo,
  StatusError,
  StatusReason,
} from "@kubesim/core";
import { dropFields } from "./drop-fields.js";
import { findUnknownFields, strictDecodingError, unknownFieldWarnings } from "./field-validation/index.js";
import { goValueText } from "./go-value-text.js";

/** The `fieldValidation` query parameter: what to do with unknown fields in a write. */
export type FieldValidationDirective = "Strict" | "Warn" | "Ignore";

/** The options kind a write's query parameters decode into, named in their Invalid errors. */
export type WriteOptionsKind = "CreateOptions" | "UpdateOptions" | "PatchOptions";

// Upstream lists the allowed values sorted, the empty string (the default) first.
const allowedDirectives: readonly string[] = ["", "Ignore", "Strict", "Warn"];

/**
 * Reads `fieldValidation`; absent or empty is `Warn`, kube-apiserver's default.
 *
 * @throws StatusError 422 `<CreateOptions|UpdateOptions|PatchOptions>.meta.k8s.io "" is invalid:
 *   fieldValidation: Unsupported value: …` for anything else.
 */
export function parseFieldValidation(
  value: string | null,
  optionsKind: WriteOptionsKind,
): FieldValidationDirective {
  if (value === null || value === "") return "Warn";
  if (allowedDirectives.includes(value)) return value as FieldValidationDirective;
  throw createInvalidError({ group: "meta.k8s.io", kind: optionsKind }, "", [
    fieldErrors.notSupported("fieldValidation", value, allowedDirectives),
  ]);
}

function versionOf(info: ResourceInfo): string {
  return info.version;
}

/** What {@link checkObjectFields} found: the `Warning` texts to send and the object to store. */
export interface ObjectFieldsCheck<T> {
  readonly warnings: string[];
  /** The object without its unknown fields (upstream's decoder drops them). */
  readonly object: T;
}

/**
 * Checks the object of a create or update (POST, PUT) for fields its kind does not have.
 * `Strict` rejects with upstream's 400 `<Kind> in version "<v>" cannot be handled as a
 * <Kind>: strict decoding error: unknown field "…"`; `Warn` returns the `Warning` texts;
 * `Ignore` stays silent. Unless rejected, the unknown fields are dropped from the object.
 */
export function checkObjectFields<T>(
  info: ResourceInfo,
  object: T,
  directive: FieldValidationDirective,
): ObjectFieldsCheck<T> {
  const unknown = findUnknownFields(info.apiVersion, info.kind, object);
  if (unknown.length === 0) return { warnings: [], object };
  if (directive === "Strict") throw strictDecodingError(info.kind, versionOf(info), unknown);
  const warnings = directive === "Warn" ? unknownFieldWarnings(unknown) : [];
  return { warnings, object: dropFields(object, unknown) };
}

/** The `strict decoding error: …` part of C's create-time message, shared by the patch errors. */
function strictDecodingText(info: ResourceInfo, unknown: readonly string[]): string {
  const message = strictDecodingError(info.kind, versionOf(info), unknown).message;
  const start = message.indexOf("strict decoding error: ");
  return start === -1 ? message : message.slice(start);
}

/**
 * Checks a merge or strategic merge patch for unknown fields (kubectl's `$setElementOrder`
 * and other directives are not fields). `Strict` rejects as upstream's patch handler does:
 * 422 ` "" is invalid: patch: Invalid value: "<patch>": strict decoding error: …`, the
 * value Go's `%+v` of the patch map for strategic patches and (kubesim's approximation of
 * the patched object upstream shows) the patch JSON for merge patches.
 * Unless rejected, the unknown fields are dropped from the patch, as upstream's decoding of
 * the patched object drops them. JSON patches (operation lists) are not checked.
 */
export function checkPatchFields(
  info: ResourceInfo,
  type: PatchType,
  patch: unknown,
  directive: FieldValidationDirective,
): ObjectFieldsCheck<unknown> {
  if (type !== "merge" && type !== "strategic") return { warnings: [], object: patch };
  const unknown = findUnknownFields(info.apiVersion, info.kind, patch, { patchDirectives: true });
  if (unknown.length === 0) return { warnings: [], object: patch };
  if (directive !== "Strict") {
    const warnings = directive === "Warn" ? unknownFieldWarnings(unknown) : [];
    return { warnings, object: dropFields(patch, unknown) };
  }
  const value = type === "strategic" ? goValueText(patch) : JSON.stringify(patch);
  const error = fieldErrors.invalid("patch", value, strictDecodingText(info, unknown));
  const invalid = createInvalidError({ group: "", kind: "" }, "", [error]);
  // Upstream's details omit the empty name, group and kind.
  throw new StatusError(
    {
      message: invalid.status.message,
      reason: StatusReason.Invalid,
      code: 422,
      details: { causes: invalid.status.details?.causes ?? [] },
    },
    { errors: invalid.errors },
  );
}

/**
 * Checks a server-side apply configuration. Upstream converts it to a typed object before
 * applying, so unknown fields fail whatever `fieldValidation` says, with a 500 whose
 * reason is empty: `failed to create typed patch object (<ns>/<name>; <group>/<version>,
 * Kind=<Kind>): .spec.replicas: field not declared in schema`.
 */
export function checkApplyFields(info: ResourceInfo, configuration: unknown): void {
  const unknown = findUnknownFields(info.apiVersion, info.kind, configuration);
  if (unknown.length === 0) return;
  const metadata = metadataOf(configuration);
  const target = `${metadata.namespace}/${metadata.name}; ${info.group}/${info.version}, Kind=${info.kind}`;
  const lines = unknown.map((path) => `.${path}: field not declared in schema`);
  const detail =
    lines.length === 1 ? (lines[0] as string) : ["errors:", ...lines.map((line) => `  ${line}`)].join("\n");
  throw new StatusError({
    message: `failed to create typed patch object (${target}): ${detail}`,
    reason: StatusReason.Unknown,
    code: 500,
  });
}

function metadataOf(value: unknown): { namespace: string; name: string } {
  const metadata =
    typeof value === "object" && value !== null && Object.hasOwn(value, "metadata")
      ? (value as { metadata: unknown }).metadata
      : undefined;
  const field = (key: string): string => {
    if (typeof metadata !== "object" || metadata === null || !Object.hasOwn(metadata, key)) return "";
    const text = (metadata as Record<string, unknown>)[key];
    return typeof text === "string" ? text : "";
  };
  return { namespace: field("namespace"), name: field("name") };
}
