export {
  createGarbageCollector,
  type FinalizeNamespace,
  foregroundDeletionFinalizer,
  type GarbageCollector,
  type GarbageCollectorOptions,
  garbageCollectedKinds,
  kubernetesNamespaceFinalizer,
  orphanFinalizer,
} from "./create-garbage-collector.js";
