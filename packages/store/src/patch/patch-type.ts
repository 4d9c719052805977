import type { PatchType } from "@kubesim/core";

const patchTypesByMediaType: ReadonlyMap<string, PatchType> = new Map([
  ["application/merge-patch+json", "merge"],
  ["application/json-patch+json", "json"],
  ["application/strategic-merge-patch+json", "strategic"],
  ["application/apply-patch+yaml", "apply"],
]);

/**
 * The patch type a PATCH request's `Content-Type` names, or `undefined` for any other media
 * type (the API server answers those with 415 UnsupportedMediaType).
 *
 * Parameters such as `; charset=utf-8` are ignored; the media type itself must match exactly,
 * as upstream compares it.
 *
 * @example
 * patchTypeFromContentType("application/strategic-merge-patch+json"); // "strategic"
 */
export function patchTypeFromContentType(contentType: string): PatchType | undefined {
  const separator = contentType.indexOf(";");
  const mediaType = separator > 0 ? contentType.slice(0, separator) : contentType;
  return patchTypesByMediaType.get(mediaType);
}
