/**
 * Kubernetes API object types, re-exported from `kubernetes-types` (generated from the
 * upstream OpenAPI spec). kubesim never hand-writes API structs.
 */
export type {
  ControllerRevision,
  DaemonSet,
  DaemonSetCondition,
  DaemonSetList,
  DaemonSetSpec,
  DaemonSetStatus,
  DaemonSetUpdateStrategy,
  Deployment,
  ReplicaSet,
  RollingUpdateDaemonSet,
} from "kubernetes-types/apps/v1";
export type { Lease, LeaseSpec } from "kubernetes-types/coordination/v1";
export type {
  Affinity,
  Binding,
  Container,
  ContainerPort,
  ContainerStatus,
  Event,
  EventSource,
  Namespace,
  Node,
  NodeAffinity,
  NodeCondition,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  NodeSpec,
  NodeStatus,
  ObjectReference,
  Pod,
  PodAffinity,
  PodAffinityTerm,
  PodAntiAffinity,
  PodCondition,
  PodSpec,
  PodStatus,
  PodTemplateSpec,
  PreferredSchedulingTerm,
  ResourceRequirements,
  Service,
  Taint,
  Toleration,
  TopologySpreadConstraint,
  WeightedPodAffinityTerm,
} from "kubernetes-types/core/v1";
export type {
  LabelSelector,
  LabelSelectorRequirement,
  ListMeta,
  ObjectMeta,
  OwnerReference,
  Status,
  StatusCause,
  StatusDetails,
  Time,
} from "kubernetes-types/meta/v1";
export type { Eviction } from "kubernetes-types/policy/v1";

import type { ObjectMeta } from "kubernetes-types/meta/v1";

/**
 * Any Kubernetes API object: `apiVersion`, `kind`, `metadata`, and whatever else its
 * kind defines (`spec`, `status`, `data`, ...). Every typed object (`DaemonSet`, `Pod`)
 * is assignable to it.
 */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}
