import type { HostPort } from "../../framework/types.js";

const bindAllHostIp = "0.0.0.0";
const defaultProtocol = "TCP";

/**
 * Tells whether a wanted host port conflicts with the ports already used on a node
 * (upstream's `HostPortInfo.CheckConflict`).
 *
 * An empty IP means `0.0.0.0` and an empty protocol `TCP`. Ports conflict only with the
 * same protocol and port number: a wanted `0.0.0.0` conflicts with that pair on any IP, a
 * specific IP only with the same IP or `0.0.0.0`. A port of 0 or less never conflicts.
 * Allocates nothing.
 *
 * @example
 * hostPortConflicts("", "TCP", 8001, [{ ip: "127.0.0.1", protocol: "TCP", port: 8001 }]); // => true
 * hostPortConflicts("127.0.0.1", "UDP", 8001, [{ ip: "0.0.0.0", protocol: "TCP", port: 8001 }]); // => false
 */
export function hostPortConflicts(
  ip: string | undefined,
  protocol: string | undefined,
  port: number,
  usedPorts: readonly HostPort[],
): boolean {
  if (!(port > 0)) return false;
  const wantedIp = ip || bindAllHostIp;
  const wantedProtocol = protocol || defaultProtocol;
  for (const used of usedPorts) {
    if (used.port !== port || (used.protocol || defaultProtocol) !== wantedProtocol) continue;
    const usedIp = used.ip || bindAllHostIp;
    if (wantedIp === bindAllHostIp || usedIp === bindAllHostIp || usedIp === wantedIp) return true;
  }
  return false;
}
