export {
  decodeKubernetesProtobuf,
  isProtobufContentType,
  type ProtobufBodyKind,
  protobufMediaType,
} from "./decode-kubernetes-protobuf.js";
export { protobufBodyKind } from "./protobuf-body-kind.js";
