/** The cells of a service row (`kubectl get services`, all columns including the wide one). */
import type { Service } from "kubernetes-types/core/v1";
import { sortedGoStrings } from "./go-strings.js";
import { formatLabelMap } from "./label-format.js";
import { asArray, integerAt, path, stringAt, stringMapAt } from "./object-fields.js";
import { translateTimestampSince } from "./timestamp.js";

/** NAME, TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S), AGE, SELECTOR. */
export function serviceCells(service: Service, now: Date): unknown[] {
  const clusterIPs = asArray(path(service, "spec", "clusterIPs"));
  const clusterIP =
    (typeof clusterIPs[0] === "string" ? clusterIPs[0] : "") ||
    stringAt(service, "spec", "clusterIP") ||
    "<none>";
  return [
    stringAt(service, "metadata", "name"),
    stringAt(service, "spec", "type"),
    clusterIP,
    externalIP(service),
    portsText(service) || "<none>",
    translateTimestampSince(path(service, "metadata", "creationTimestamp"), now),
    formatLabelMap(stringMapAt(service, "spec", "selector")),
  ];
}

function stringsAt(service: Service, ...keys: string[]): string[] {
  return asArray(path(service, ...keys)).filter((entry): entry is string => typeof entry === "string");
}

function externalIP(service: Service): string {
  const externalIPs = stringsAt(service, "spec", "externalIPs");
  switch (stringAt(service, "spec", "type")) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      // Server-side tables are always printed wide, so load-balancer addresses are never clipped.
      const addresses = new Set<string>();
      for (const ingress of asArray(path(service, "status", "loadBalancer", "ingress"))) {
        const address = stringAt(ingress, "ip") || stringAt(ingress, "hostname");
        if (address !== "") addresses.add(address);
      }
      const loadBalancerIPs = sortedGoStrings(addresses);
      if (externalIPs.length > 0) return [...loadBalancerIPs, ...externalIPs].join(",");
      return loadBalancerIPs.length > 0 ? loadBalancerIPs.join(",") : "<pending>";
    }
    case "ExternalName":
      return stringAt(service, "spec", "externalName");
    default:
      return "<unknown>";
  }
}

function portsText(service: Service): string {
  return asArray(path(service, "spec", "ports"))
    .map((port) => {
      const protocol = stringAt(port, "protocol");
      const nodePort = integerAt(port, "nodePort");
      const portNumber = integerAt(port, "port");
      return nodePort > 0 ? `${portNumber}:${nodePort}/${protocol}` : `${portNumber}/${protocol}`;
    })
    .join(",");
}
