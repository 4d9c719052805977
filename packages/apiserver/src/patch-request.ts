import {
  createBadRequestError,
  loadManifests,
  type PatchType,
  StatusError,
  StatusReason,
} from "@kubesim/core";

// In upstream's order of the accepted media types (its 415 message lists them so).
const patchTypesByMediaType: ReadonlyMap<string, PatchType> = new Map([
  ["application/json-patch+json", "json"],
  ["application/merge-patch+json", "merge"],
  ["application/strategic-merge-patch+json", "strategic"],
  ["application/apply-patch+yaml", "apply"],
]);

/**
 * The patch type a PATCH's `Content-Type` names (parameters such as `; charset=utf-8`
 * ignored, the media type matched exactly, as upstream).
 *
 * @throws StatusError 415 UnsupportedMediaType `the body of the request was in an unknown
 *   format - accepted media types include: …` for any other media type.
 */
export function patchTypeOf(contentType: string | undefined): PatchType {
  const header = contentType ?? "";
  const separator = header.indexOf(";");
  const mediaType = separator > 0 ? header.slice(0, separator) : header;
  const type = patchTypesByMediaType.get(mediaType);
  if (type !== undefined) return type;
  throw new StatusError({
    message: `the body of the request was in an unknown format - accepted media types include: ${[...patchTypesByMediaType.keys()].join(", ")}`,
    reason: StatusReason.UnsupportedMediaType,
    code: 415,
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    // JSON.parse makes `__proto__` an own property: untrusted keys cannot touch prototypes.
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Decodes a PATCH body for its type: JSON for JSON, merge and strategic patches (a merge
 * or strategic patch must be an object); JSON or YAML (one document, read as kubectl's
 * manifests are) for server-side apply.
 *
 * @throws StatusError 400 BadRequest for a body that does not decode.
 */
export function decodePatchBody(type: PatchType, body: Buffer): unknown {
  const text = body.toString("utf8");
  if (type === "apply") return decodeApplyBody(text);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    throw createBadRequestError(type === "merge" ? "Invalid JSON Patch" : parsed.message);
  }
  if (type === "json") {
    if (!Array.isArray(parsed.value)) {
      throw createBadRequestError(
        `json: cannot unmarshal ${goJsonTypeName(parsed.value)} into Go value of type jsonpatch.Patch`,
      );
    }
    return parsed.value;
  }
  if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) {
    throw createBadRequestError(
      type === "merge"
        ? "Invalid JSON Patch"
        : `json: cannot unmarshal ${goJsonTypeName(parsed.value)} into Go value of type map[string]interface {}`,
    );
  }
  return parsed.value;
}

function decodeApplyBody(text: string): unknown {
  const parsed = parseJson(text);
  if (parsed.ok) {
    if (typeof parsed.value === "object" && parsed.value !== null && !Array.isArray(parsed.value)) {
      return parsed.value;
    }
    throw createBadRequestError(
      `error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goJsonTypeName(parsed.value)} into Go value of type map[string]interface {}`,
    );
  }
  let documents: unknown[];
  try {
    documents = loadManifests(text, { allowUnknownKinds: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw createBadRequestError(`error decoding YAML: ${detail}`);
  }
  if (documents.length !== 1) {
    throw createBadRequestError("error decoding YAML: the apply configuration must be exactly one object");
  }
  return documents[0];
}

/** The JSON type name Go's decoder reports (`string`, `number`, `bool`, `array`, `object`). */
function goJsonTypeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value;
}
