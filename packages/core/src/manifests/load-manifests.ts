import {
  type DocumentOptions,
  isMap,
  isScalar,
  type ParseOptions,
  parseAllDocuments,
  type SchemaOptions,
} from "yaml";
import { goQuote } from "../errors/index.js";
import { findResourceByApiVersionKind } from "../resources/index.js";
import type { KubeObject } from "../types/index.js";
import { ManifestError } from "./manifest-error.js";

/** Options of {@link loadManifests}. */
export interface LoadManifestsOptions {
  /** Named in error messages, as kubectl names the file (`ds.yaml`, `-` for stdin). */
  readonly filename?: string;
  /**
   * Accept kinds kubesim does not serve instead of failing with kubectl's
   * `no matches for kind` error. Default false.
   */
  readonly allowUnknownKinds?: boolean;
}

// Kubernetes reads manifests with go-yaml v2, a YAML 1.1 parser: `yes`/`on` are
// booleans and `0777` is octal. It does not resolve sexagesimal numbers (`1:20`) or
// timestamps into other types, so those tags are dropped from the 1.1 schema here.
const parseOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  version: "1.1",
  prettyErrors: true,
  uniqueKeys: true,
  merge: true,
  customTags: (tags) =>
    tags.filter((tag) => {
      if (typeof tag !== "object") return true;
      if (tag.tag === "tag:yaml.org,2002:timestamp") return false;
      return tag.format !== "TIME";
    }),
};

/**
 * Reads Kubernetes manifests: one or more YAML documents (separated by `---`) or JSON,
 * as `kubectl create -f` accepts them. Empty documents are skipped; `kind: List`
 * (and `<Kind>List`) documents are expanded into their items.
 *
 * Throws a {@link ManifestError} when the text is not YAML/JSON (with file, line and
 * column), when a document is not an object or has no kind, and — unless
 * `allowUnknownKinds` — when its apiVersion/kind is not served (kubectl's
 * `no matches for kind "X" in version "Y"`). Keys such as `__proto__` stay plain
 * data: they never reach an object prototype.
 *
 * @example
 * const [daemonSet] = loadManifests(readFileSync("ds.yaml", "utf8"), { filename: "ds.yaml" });
 */
export function loadManifests(text: string, options: LoadManifestsOptions = {}): KubeObject[] {
  const filename = options.filename ?? "-";
  if (typeof text !== "string") {
    throw new ManifestError("SyntaxError", `error parsing ${filename}: input is not text`, { filename });
  }
  const documents = parseAllDocuments(text, parseOptions);
  const objects: KubeObject[] = [];
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    const [error] = document.errors;
    if (error !== undefined) {
      const position = error.linePos?.[0];
      const where = position === undefined ? "" : `line ${position.line}, column ${position.col}: `;
      const detail = error.message.split("\n")[0] ?? error.message;
      throw new ManifestError(
        "SyntaxError",
        `error parsing ${filename}: error converting YAML to JSON: yaml: ${where}${detail.replace(/ at line \d+, column \d+:?$/, "")}`,
        position === undefined ? { filename } : { filename, line: position.line, column: position.col },
        { cause: error },
      );
    }
    const contents = document.contents;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === "")))
      continue;
    if (!isMap(contents)) {
      throw new ManifestError(
        "NotAnObject",
        `error parsing ${filename}: error unmarshaling JSON: json: cannot unmarshal ${describeJsonType(document.toJS())} into Go value of type map[string]interface {}`,
        { filename },
      );
    }
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    collectObjects(value as Record<string, unknown>, filename, options, objects);
  }
  return objects;
}

function describeJsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "bool";
  return "object";
}

function collectObjects(
  value: Record<string, unknown>,
  filename: string,
  options: LoadManifestsOptions,
  into: KubeObject[],
): void {
  const kind = ownString(value, "kind");
  const apiVersion = ownString(value, "apiVersion");
  if (kind === "") {
    throw new ManifestError(
      "MissingKind",
      `unable to decode ${goQuote(filename)}: Object 'Kind' is missing in '${JSON.stringify(value)}'`,
      { filename },
    );
  }
  if (kind.endsWith("List") && Array.isArray(value.items) && Object.hasOwn(value, "items")) {
    for (const item of value.items as unknown[]) {
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        throw new ManifestError(
          "NotAnObject",
          `unable to decode ${goQuote(filename)}: a ${kind} item is not an object`,
          { filename },
        );
      }
      collectObjects(item as Record<string, unknown>, filename, options, into);
    }
    return;
  }
  if (options.allowUnknownKinds !== true && findResourceByApiVersionKind(apiVersion, kind) === undefined) {
    const metadata = value.metadata;
    const metadataRecord =
      metadata !== null && typeof metadata === "object" ? (metadata as Record<string, unknown>) : {};
    const name = ownString(metadataRecord, "name");
    const namespace = ownString(metadataRecord, "namespace");
    throw new ManifestError(
      "NoKindMatch",
      `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(namespace)} from ${goQuote(filename)}: no matches for kind ${goQuote(kind)} in version ${goQuote(apiVersion)}\nensure CRDs are installed first`,
      { filename },
    );
  }
  into.push(value as KubeObject);
}

function ownString(record: Record<string, unknown>, key: string): string {
  if (!Object.hasOwn(record, key)) return "";
  const value = record[key];
  return typeof value === "string" ? value : "";
}
