import { createBadRequestError, goJsonString } from "@kubesim/core";

/**
 * What a list's `continue` token carries, as kube-apiserver's etcd storage encodes it: the
 * resourceVersion of the first page and the key to start the next page at (the last
 * answered key plus a NUL byte), relative to the list's key prefix (`name` under a
 * namespace or for a cluster-scoped kind, `namespace/name` for a namespaced kind listed
 * across namespaces).
 */
export interface ContinueToken {
  /** Upstream's `rv`: positive for a snapshot, negative for "the latest state". Never 0. */
  readonly resourceVersion: number;
  /** Upstream's `start`, cleaned: no leading `/`. */
  readonly startKey: string;
}

const tokenVersion = "meta.k8s.io/v1";

/**
 * Encodes a continue token exactly as upstream does: unpadded base64url of
 * `{"v":"meta.k8s.io/v1","rv":N,"start":"KEY"}` (Go's JSON: `<`, `>`, `&` and control
 * characters escaped as `\u00XX`).
 */
export function encodeContinueToken(token: ContinueToken): string {
  const json = `{"v":"${tokenVersion}","rv":${token.resourceVersion},"start":${goJsonString(token.startKey)}}`;
  return Buffer.from(json, "utf8").toString("base64url");
}

/**
 * Decodes a `continue` parameter as upstream's storage does.
 *
 * @throws StatusError 400 BadRequest `invalid continue token: continue key is not valid…`
 *   with upstream's detail (bad base64, bad JSON, unknown version, `rv` 0, empty or
 *   unclean start key).
 */
export function decodeContinueToken(value: string): ContinueToken {
  const bytes = decodeRawUrlBase64(value);
  if (typeof bytes === "number")
    invalid(`continue key is not valid: illegal base64 data at input byte ${bytes}`);
  const fields = decodeTokenJson(bytes.toString("utf8"));
  if (fields.version !== tokenVersion) {
    invalid(`continue key is not valid: server does not recognize this encoded version ${fields.version}`);
  }
  if (fields.resourceVersion === 0) {
    invalid("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
  if (fields.start === "")
    invalid("continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
  // As upstream: a start key that path-cleaning would change could escape the list's prefix.
  const key = fields.start.startsWith("/") ? fields.start : `/${fields.start}`;
  if (!isCleanRootedPath(key)) invalid(`continue key is not valid: ${fields.start}`);
  return { resourceVersion: fields.resourceVersion, startKey: key.slice(1) };
}

function invalid(detail: string): never {
  throw createBadRequestError(`invalid continue token: ${detail}`);
}

// Go's base64 URL alphabet, byte → 6-bit value (-1: not in the alphabet).
const base64UrlValues: Int8Array = (() => {
  const values = new Int8Array(256).fill(-1);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (let index = 0; index < alphabet.length; index++) values[alphabet.charCodeAt(index)] = index;
  return values;
})();

/**
 * Go's `base64.RawURLEncoding.DecodeString`: the decoded bytes, or the input offset Go
 * reports as `illegal base64 data at input byte N` (CR and LF are skipped, as Go does;
 * `=` is illegal without padding).
 */
function decodeRawUrlBase64(text: string): Buffer | number {
  const input = Buffer.from(text, "utf8");
  const output: number[] = [];
  const quantum: number[] = [];
  for (let index = 0; index < input.length; index++) {
    const byte = input[index] as number;
    if (byte === 0x0a || byte === 0x0d) continue;
    const value = base64UrlValues[byte] as number;
    if (value < 0) return index;
    quantum.push(value);
    if (quantum.length === 4) {
      flushQuantum(quantum, output);
      quantum.length = 0;
    }
  }
  if (quantum.length === 1) return input.length - 1;
  if (quantum.length > 1) flushQuantum(quantum, output);
  return Buffer.from(output);
}

function flushQuantum(quantum: readonly number[], output: number[]): void {
  const [a = 0, b = 0, c = 0, d = 0] = quantum;
  const value = (a << 18) | (b << 12) | (c << 6) | d;
  output.push((value >> 16) & 0xff);
  if (quantum.length > 2) output.push((value >> 8) & 0xff);
  if (quantum.length > 3) output.push(value & 0xff);
}

interface TokenFields {
  version: string;
  resourceVersion: number;
  start: string;
}

const tokenFieldNames = [
  ["v", "string"],
  ["rv", "int64"],
  ["start", "string"],
] as const;

/** Decodes the token's JSON into its three fields as Go's `json.Unmarshal` would (null and unknown keys ignored). */
function decodeTokenJson(text: string): TokenFields {
  let parsed: unknown;
  try {
    // JSON.parse makes `__proto__` an own property: untrusted keys cannot touch prototypes.
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = text.trim() === "" ? "unexpected end of JSON input" : (error as Error).message;
    invalid(`continue key is not valid: ${detail}`);
  }
  const fields: TokenFields = { version: "", resourceVersion: 0, start: "" };
  if (parsed === null) return fields;
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    invalid(
      `continue key is not valid: json: cannot unmarshal ${goJsonTypeName(parsed)} into Go value of type storage.continueToken`,
    );
  }
  let firstError: string | undefined;
  for (const key of Object.keys(parsed)) {
    // Go matches keys to fields case-insensitively.
    const field = tokenFieldNames.find(([name]) => name === key.toLowerCase());
    if (field === undefined) continue;
    const value = (parsed as Record<string, unknown>)[key];
    if (value === null) continue;
    const [name, type] = field;
    const mismatch = (shown: string) =>
      `json: cannot unmarshal ${shown} into Go struct field continueToken.${name} of type ${type}`;
    if (type === "string") {
      if (typeof value === "string") {
        if (name === "v") fields.version = value;
        else fields.start = value;
      } else firstError ??= mismatch(goJsonTypeName(value));
    } else if (typeof value === "number" && Number.isSafeInteger(value)) {
      fields.resourceVersion = value;
    } else {
      firstError ??= mismatch(typeof value === "number" ? `number ${String(value)}` : goJsonTypeName(value));
    }
  }
  if (firstError !== undefined) invalid(`continue key is not valid: ${firstError}`);
  return fields;
}

function goJsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value;
}

/** True when Go's `path.Clean` leaves a rooted path as it is (no empty, `.` or `..` segments, no trailing `/`). */
function isCleanRootedPath(key: string): boolean {
  if (key === "/") return true;
  const segments = key.slice(1).split("/");
  return segments.every((segment) => segment !== "" && segment !== "." && segment !== "..");
}
