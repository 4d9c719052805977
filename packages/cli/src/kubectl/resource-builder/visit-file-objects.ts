import { findResourceByApiVersionKind, goQuote, type KubeObject, KubesimError } from "@kubesim/core";
import type { KubectlContext } from "../kubectl-context.js";
import { decodeManifestSource } from "./decode-manifest-source.js";
import { readFilenameSources } from "./filename-sources.js";
import { continueOnErrorResult, newErrorList } from "./kubectl-errors.js";
import type { ObjectInfo } from "./object-info.js";

/** Which files to read: kubectl's `-f/--filename` values and `-R/--recursive`. */
export interface FilenameOptions {
  readonly filenames: readonly string[];
  readonly recursive: boolean;
}

function stringField(record: unknown, key: string): string {
  if (record === null || typeof record !== "object" || !Object.hasOwn(record, key)) return "";
  const value = (record as Record<string, unknown>)[key];
  return typeof value === "string" ? value : "";
}

/**
 * Places an object from a file as kubectl's builder does: a namespaced object without a
 * namespace gets the command's; with an explicit `-n`, a different namespace is an error;
 * a cluster-scoped object loses any namespace.
 */
function placeObject(
  context: Pick<KubectlContext, "namespace" | "namespaceExplicit">,
  object: KubeObject,
  source: string,
): ObjectInfo {
  const resource = findResourceByApiVersionKind(object.apiVersion ?? "", object.kind ?? "");
  if (resource === undefined) {
    throw new KubesimError(
      `no matches for kind ${goQuote(object.kind ?? "")} in version ${goQuote(object.apiVersion ?? "")}`,
    );
  }
  const copy = structuredClone(object);
  const metadata = copy.metadata ?? {};
  copy.metadata = metadata;
  const name = stringField(metadata, "name");
  let namespace = stringField(metadata, "namespace");
  if (!resource.namespaced) {
    namespace = "";
    delete metadata.namespace;
  } else if (namespace === "") {
    namespace = context.namespace;
    metadata.namespace = namespace;
  } else if (context.namespaceExplicit && namespace !== context.namespace) {
    throw new KubesimError(
      `the namespace from the provided object ${goQuote(namespace)} does not match the namespace ${goQuote(context.namespace)}. You must pass '--namespace=${namespace}' to perform this operation.`,
    );
  }
  return { resource, name, namespace, source, object: copy };
}

/**
 * Reads the objects of `-f` files and calls `visit` on each, in file and document order,
 * as kubectl's builder with `ContinueOnError` does. Returns the error to print, or
 * `undefined`:
 * - a missing path (or a directory without manifests) stops everything first;
 * - an error thrown by `visit` (or a namespace mismatch) is kept and the next objects
 *   are visited;
 * - documents that cannot be decoded and syntax errors (which end their file) are
 *   collected separately and reported after the others, as kubectl's eager visitor list
 *   does.
 */
export async function visitFileObjects(
  context: Pick<KubectlContext, "namespace" | "namespaceExplicit" | "cwd" | "io">,
  options: FilenameOptions,
  visit: (info: ObjectInfo) => Promise<void>,
): Promise<unknown> {
  const { sources, errors: builderErrors } = await readFilenameSources(
    context,
    options.filenames,
    options.recursive,
  );
  if (builderErrors.length > 0)
    return builderErrors.length === 1 ? builderErrors[0] : newErrorList(builderErrors);
  const visitErrors: unknown[] = [];
  const decodeErrors: unknown[] = [];
  for (const source of sources) {
    const decoded = decodeManifestSource(source);
    for (const document of decoded.documents) {
      if ("error" in document) {
        decodeErrors.push(document.error);
        continue;
      }
      for (const object of document.objects) {
        try {
          await visit(placeObject(context, object, source.name));
        } catch (error) {
          visitErrors.push(error);
        }
      }
    }
    if (decoded.streamError !== undefined) decodeErrors.push(decoded.streamError);
  }
  const decodeList = newErrorList(decodeErrors);
  return continueOnErrorResult(decodeList === undefined ? visitErrors : [...visitErrors, decodeList]);
}
