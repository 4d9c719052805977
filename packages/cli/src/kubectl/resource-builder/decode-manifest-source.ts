import { type KubeObject, KubesimError, loadManifests, ManifestError } from "@kubesim/core";
import type { ManifestSource } from "./filename-sources.js";
import { splitJsonStream } from "./json-stream.js";

/** One document of a manifest file: the objects it holds, or why it could not be decoded. */
export type DecodedDocument = { readonly objects: readonly KubeObject[] } | { readonly error: unknown };

/** A manifest file read as kubectl's stream visitor reads it. */
export interface DecodedSource {
  /** The documents before the end of the file or the first syntax error, in order. */
  readonly documents: readonly DecodedDocument[];
  /** The error that ended the file early (a syntax error, an unreadable file). */
  readonly streamError?: unknown;
}

// kubectl peeks at the first 4 KiB: a stream whose first non-space character is `{` is JSON.
const jsonSniffLength = 4096;

function looksLikeJson(text: string): boolean {
  const head = text.slice(0, jsonSniffLength).trimStart();
  return head.startsWith("{");
}

function decodeDocument(text: string, filename: string): DecodedDocument | { readonly syntaxError: unknown } {
  try {
    return { objects: loadManifests(text, { filename }) };
  } catch (error) {
    if (ManifestError.isInstance(error) && error.reason === "SyntaxError") return { syntaxError: error };
    return { error };
  }
}

function decodeJsonStream(text: string, filename: string): DecodedSource {
  const stream = splitJsonStream(text);
  const documents: DecodedDocument[] = [];
  for (const value of stream.values) {
    if (value === "null") continue;
    const decoded = decodeDocument(value, filename);
    if ("syntaxError" in decoded) return { documents, streamError: decoded.syntaxError };
    if (!("objects" in decoded) || decoded.objects.length > 0) documents.push(decoded);
  }
  if (stream.error === undefined) return { documents };
  return { documents, streamError: new KubesimError(`error parsing ${filename}: ${stream.error}`) };
}

/** kubectl's YAML reader: documents are split at lines starting with `---`. */
function decodeYamlStream(text: string, filename: string): DecodedSource {
  const documents: DecodedDocument[] = [];
  const lines = text.split(/(?<=\n)/);
  let buffer = "";
  const flush = (): unknown => {
    const chunk = buffer;
    buffer = "";
    if (chunk === "") return undefined;
    const decoded = decodeDocument(chunk, filename);
    if ("syntaxError" in decoded) return decoded.syntaxError;
    if (!("objects" in decoded) || decoded.objects.length > 0) documents.push(decoded);
    return undefined;
  };
  for (const line of lines) {
    if (line.startsWith("---")) {
      const rest = line.slice(3).trim();
      if (rest !== "" && !rest.startsWith("#")) {
        return {
          documents,
          streamError: new KubesimError(
            `error parsing ${filename}: invalid Yaml document separator: ${rest}`,
          ),
        };
      }
      const syntaxError = flush();
      if (syntaxError !== undefined) return { documents, streamError: syntaxError };
      continue;
    }
    buffer += line;
  }
  const syntaxError = flush();
  return syntaxError === undefined ? { documents } : { documents, streamError: syntaxError };
}

/**
 * Decodes a manifest file as `kubectl create -f` reads it: a JSON stream when the text
 * starts with `{`, else YAML documents separated by `---` lines, each decoded on its own
 * (line numbers in errors count from the document's first line, as kubectl's do).
 *
 * A document that cannot be mapped (unknown kind, no kind) is an error of that document
 * and the next ones are still read; a syntax error ends the file, keeping the documents
 * before it. Empty documents are skipped; `List` documents give several objects.
 */
export function decodeManifestSource(source: ManifestSource): DecodedSource {
  if (source.text === undefined) return { documents: [], streamError: source.readError };
  const text = source.text.startsWith("\uFEFF") ? source.text.slice(1) : source.text;
  return looksLikeJson(text) ? decodeJsonStream(text, source.name) : decodeYamlStream(text, source.name);
}
