import type { ResourcePath } from "../parse-resource-path.js";
import type { ProtobufBodyKind } from "./decode-kubernetes-protobuf.js";

/**
 * What a request body is decoded as when it does not say: `DeleteOptions` for a DELETE,
 * `Binding` and `Eviction` for those subresources, the path's kind otherwise (create,
 * update, `status`, `finalize`).
 */
export function protobufBodyKind(method: string, path: ResourcePath): ProtobufBodyKind {
  if (method === "DELETE") return { apiVersion: path.info.apiVersion, kind: "DeleteOptions", only: true };
  if (path.subresource === "binding") return { apiVersion: "v1", kind: "Binding" };
  if (path.subresource === "eviction") return { apiVersion: "policy/v1", kind: "Eviction" };
  return { apiVersion: path.info.apiVersion, kind: path.info.kind };
}
