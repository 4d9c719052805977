import { createBadRequestError } from "@kubesim/core";
import {
  decodeFieldsInto,
  type ProtobufFieldValues,
  protobufMessageNamed,
} from "./decode-protobuf-fields.js";
import { protobufRootMessage } from "./protobuf-schema.js";
import { ProtobufDecodeError, WireCursor } from "./protobuf-wire.js";
import { renderGoJson } from "./render-go-json.js";

/** The media type of Kubernetes' protobuf encoding. */
export const protobufMediaType = "application/vnd.kubernetes.protobuf";

/** `k8s\0`: every Kubernetes protobuf body starts with it, then a `runtime.Unknown`. */
const magic = [0x6b, 0x38, 0x73, 0x00] as const;

/** The group-version and kind a request body is decoded as when its own type meta is empty. */
export interface ProtobufBodyKind {
  readonly apiVersion: string;
  readonly kind: string;
  /**
   * Only this kind decodes (a DELETE body: upstream reads it with a scheme that holds
   * DeleteOptions alone). Otherwise any decodable kind is, and the caller checks it.
   */
  readonly only?: boolean;
}

/** True when a `Content-Type` header names Kubernetes' protobuf encoding (parameters ignored). */
export function isProtobufContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const semicolon = header.indexOf(";");
  const mediaType = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  return mediaType === protobufMediaType;
}

/** Upstream's `summarizeData(body, 30)`: the start of a body in error texts. */
function summarize(body: Uint8Array): string {
  if (body.length === 0) return "<empty>";
  const head = body.subarray(0, 30);
  const text = body[0] === 0x7b ? Buffer.from(head).toString("utf8") : Buffer.from(head).toString("hex");
  return body.length > 30 ? `${text} ...` : text;
}

function startsWithMagic(body: Uint8Array): boolean {
  return body.length >= magic.length && magic.every((byte, index) => body[index] === byte);
}

/** What the bytes after the magic say: the type meta and the object's own message. */
function readEnvelope(body: Uint8Array): { apiVersion: string; kind: string; raw: Uint8Array } {
  if (body.length === 0) throw new ProtobufDecodeError("empty data");
  if (!startsWithMagic(body)) {
    throw new ProtobufDecodeError(
      `provided data does not appear to be a protobuf message, expected prefix [${magic.join(" ")}]`,
    );
  }
  if (body.length === magic.length) throw new ProtobufDecodeError("empty body");
  const unknown: ProtobufFieldValues = new Map();
  decodeFieldsInto(new WireCursor(body, magic.length, body.length), protobufMessageNamed("Unknown"), unknown);
  const typeMeta = unknown.get(1) as ProtobufFieldValues | undefined;
  return {
    apiVersion: (typeMeta?.get(1) as string | undefined) ?? "",
    kind: (typeMeta?.get(2) as string | undefined) ?? "",
    raw: (unknown.get(2) as Uint8Array | undefined) ?? new Uint8Array(0),
  };
}

function versionOf(apiVersion: string): string {
  return apiVersion.slice(apiVersion.lastIndexOf("/") + 1);
}

function errorText(error: unknown): string {
  if (error instanceof ProtobufDecodeError) return error.message;
  throw error;
}

/**
 * Decodes a Kubernetes protobuf request body (`k8s\0` + `runtime.Unknown`, what kubectl's
 * typed clients send as `application/vnd.kubernetes.protobuf`) into the JSON object Go's
 * encoding/json would write for the decoded object, `kind` and `apiVersion` first. An empty
 * type meta defaults to `expected`, as upstream's decoder does. A malformed body, or a kind
 * this table cannot decode, is a 400 BadRequest StatusError worded as kube-apiserver's
 * (`the object provided is unrecognized (must be of type X): … (<hex>)` when the envelope
 * is broken, `X in version "v1" cannot be handled as a X: …` when the object is).
 */
export function decodeKubernetesProtobuf(
  body: Uint8Array,
  expected: ProtobufBodyKind,
): Record<string, unknown> {
  let envelope: { apiVersion: string; kind: string; raw: Uint8Array };
  try {
    envelope = readEnvelope(body);
  } catch (error) {
    throw createBadRequestError(
      `the object provided is unrecognized (must be of type ${expected.kind}): ${errorText(error)} (${summarize(body)})`,
    );
  }
  const apiVersion = envelope.apiVersion === "" ? expected.apiVersion : envelope.apiVersion;
  const kind = envelope.kind === "" ? expected.kind : envelope.kind;
  const prefix = `${kind} in version ${JSON.stringify(versionOf(apiVersion))} cannot be handled as a ${expected.kind}`;
  const message =
    expected.only === true && kind !== expected.kind ? undefined : protobufRootMessage(apiVersion, kind);
  if (message === undefined) {
    throw createBadRequestError(
      `${prefix}: no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)}`,
    );
  }
  try {
    const values: ProtobufFieldValues = new Map();
    decodeFieldsInto(new WireCursor(envelope.raw, 0, envelope.raw.length), message, values);
    return { kind, apiVersion, ...renderGoJson(message, values) };
  } catch (error) {
    throw createBadRequestError(`${prefix}: ${errorText(error)}`);
  }
}
