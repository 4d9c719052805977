import type { Service } from "../types/index.js";
import { cloneJson } from "./clone-json.js";
import {
  defaultString,
  defaultUnset,
  ensureObjectField,
  forEachObjectIn,
  isJsonObject,
  isUnset,
  type JsonObject,
  objectField,
} from "./json-fields.js";

/** Upstream's `DefaultClientIPServiceAffinitySeconds` (three hours). */
const defaultClientIpAffinitySeconds = 10800;

/**
 * Returns a copy of a v1 Service with upstream's scheme defaults (`SetDefaults_Service`);
 * the input is not modified.
 *
 * @remarks
 * `type: ClusterIP`; `sessionAffinity: None` (which drops `sessionAffinityConfig`), or
 * for `ClientIP` a `sessionAffinityConfig.clientIP.timeoutSeconds: 10800` when missing;
 * each port `protocol: TCP` and `targetPort` = `port` when unset, 0 or `""`;
 * `externalTrafficPolicy: Cluster` for externally reachable services (NodePort,
 * LoadBalancer, or ClusterIP with `externalIPs`); `internalTrafficPolicy: Cluster` for
 * ClusterIP, NodePort and LoadBalancer; `allocateLoadBalancerNodePorts: true` and
 * ingress `ipMode: VIP` for LoadBalancer. Not done: what the Service REST storage
 * allocates on create (`clusterIP(s)`, `ipFamilies`, `ipFamilyPolicy`, node ports,
 * health-check node port); kubesim has no service network.
 */
export function defaultService<T extends Service>(service: T): T {
  const copy = cloneJson(service);
  if (isJsonObject(copy)) applyServiceDefaults(copy);
  return copy;
}

/** {@link defaultService} in place, on an already copied Service. */
export function applyServiceDefaults(service: JsonObject): void {
  const spec = ensureObjectField(service, "spec");
  if (spec === undefined) return;
  defaultString(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP") defaultClientIpAffinity(spec);
  defaultString(spec, "type", "ClusterIP");
  forEachObjectIn(spec, "ports", (port) => {
    defaultString(port, "protocol", "TCP");
    const target = port.targetPort;
    if ((isUnset(target) || target === 0 || target === "") && typeof port.port === "number") {
      port.targetPort = port.port;
    }
  });
  const type = spec.type;
  const externalIps = spec.externalIPs;
  const externallyAccessible =
    type === "LoadBalancer" ||
    type === "NodePort" ||
    (type === "ClusterIP" && Array.isArray(externalIps) && externalIps.length > 0);
  if (externallyAccessible) defaultString(spec, "externalTrafficPolicy", "Cluster");
  if (type === "ClusterIP" || type === "NodePort" || type === "LoadBalancer") {
    defaultUnset(spec, "internalTrafficPolicy", "Cluster");
  }
  if (type === "LoadBalancer") {
    defaultUnset(spec, "allocateLoadBalancerNodePorts", true);
    const status = objectField(service, "status");
    const loadBalancer = status === undefined ? undefined : objectField(status, "loadBalancer");
    if (loadBalancer !== undefined) {
      forEachObjectIn(loadBalancer, "ingress", (ingress) => {
        if (typeof ingress.ip === "string" && ingress.ip !== "") defaultUnset(ingress, "ipMode", "VIP");
      });
    }
  }
}

function defaultClientIpAffinity(spec: JsonObject): void {
  const config = spec.sessionAffinityConfig;
  if (!isUnset(config) && !isJsonObject(config)) return;
  const clientIp = isJsonObject(config) ? config.clientIP : undefined;
  if (!isUnset(clientIp) && !isJsonObject(clientIp)) return;
  if (isJsonObject(clientIp) && !isUnset(clientIp.timeoutSeconds)) return;
  spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: defaultClientIpAffinitySeconds } };
}
