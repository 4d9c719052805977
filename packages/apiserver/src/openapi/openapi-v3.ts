import { createHash } from "node:crypto";
import { resourceTable } from "@kubesim/core";
import { buildGroupVersionDocument, groupVersionPath } from "./group-version-document.js";

interface CachedDocument {
  readonly document: object;
  /** Upstream's ETag: the SHA-512 of the served JSON, as upper-case hex. */
  readonly hash: string;
}

/** The group-versions of core's resource table, in table order (`api/v1`, `apis/apps/v1`). */
const groupVersionPaths: readonly string[] = [...new Set(resourceTable.map(groupVersionPath))];

const documents = new Map<string, CachedDocument>();

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function cachedDocument(path: string): CachedDocument | undefined {
  const known = documents.get(path);
  if (known !== undefined) return known;
  if (!groupVersionPaths.includes(path)) return undefined;
  const document = buildGroupVersionDocument(path);
  if (document === undefined) return undefined;
  const hash = createHash("sha512").update(JSON.stringify(document)).digest("hex").toUpperCase();
  const entry = { document: deepFreeze(document), hash };
  documents.set(path, entry);
  return entry;
}

/**
 * The `GET /openapi/v3` index: one entry per group-version of core's resource table,
 * `{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=<HASH>"},…}}`. The
 * hash is the upper-case hex SHA-512 of the document's JSON (`JSON.stringify`), as
 * kube-apiserver computes it, so it changes whenever the document does. Frozen; built once.
 */
export function openApiV3Index(): object {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const path of groupVersionPaths) {
    const entry = cachedDocument(path);
    if (entry !== undefined) paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${entry.hash}` };
  }
  return deepFreeze({ paths });
}

/**
 * The OpenAPI 3.0 document of one group-version, for `GET /openapi/v3/<path>` with path
 * `api/v1` or `apis/apps/v1`, or `undefined` (answer 404) for any other path. Every
 * resource path of the group-version is there; each PATCH operation carries
 * `x-kubernetes-group-version-kind` and the `fieldValidation` query parameter, which is
 * what kubectl's `--validate=strict` looks for. Frozen and cached: serialize it with
 * `JSON.stringify` (the index hash is computed over exactly that text).
 */
export function openApiV3Document(groupVersionPath: string): object | undefined {
  return cachedDocument(groupVersionPath)?.document;
}
