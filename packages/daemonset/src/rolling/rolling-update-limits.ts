import { type DaemonSet, KubesimError } from "@kubesim/core";
import { scaledValueFromIntOrPercent } from "./int-or-percent.js";

/** The rolling update budgets of one sync, scaled against the desired node count. */
export interface RollingUpdateLimits {
  /** How many nodes may run an extra (new) pod beside their old one at the same time. */
  readonly maxSurge: number;
  /** How many desired nodes may be without an available pod at the same time. */
  readonly maxUnavailable: number;
}

function rollingUpdateOf(daemonSet: DaemonSet) {
  const strategy = daemonSet.spec?.updateStrategy;
  // An absent type is the apps/v1 default, RollingUpdate.
  if ((strategy?.type ?? "RollingUpdate") !== "RollingUpdate") return undefined;
  return strategy?.rollingUpdate ?? undefined;
}

function scaled(value: number | string | null | undefined, total: number, field: string): number {
  try {
    return scaledValueFromIntOrPercent(value, total, true);
  } catch (error) {
    throw new KubesimError(`invalid value for ${field}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Upstream's `SurgeCount`: `maxSurge` scaled against `total` (percentages rounded up), or
 * 0 when the strategy is not RollingUpdate, `rollingUpdate` is absent or `maxSurge` is absent.
 *
 * @throws KubesimError `invalid value for MaxSurge: invalid value for IntOrString: ...` for a bad value.
 */
export function surgeCount(daemonSet: DaemonSet, total: number): number {
  const rollingUpdate = rollingUpdateOf(daemonSet);
  if (rollingUpdate === undefined) return 0;
  const maxSurge = rollingUpdate.maxSurge;
  if (maxSurge === undefined || maxSurge === null) return 0;
  return scaled(maxSurge, total, "MaxSurge");
}

/**
 * Upstream's `UnavailableCount`: `maxUnavailable` scaled against `total` (percentages
 * rounded up), or 0 when the strategy is not RollingUpdate or `rollingUpdate` is absent.
 *
 * @throws KubesimError `invalid value for MaxUnavailable: ...` for a bad or absent value
 *   (`invalid value for MaxUnavailable: nil value for IntOrString`).
 */
export function unavailableCount(daemonSet: DaemonSet, total: number): number {
  const rollingUpdate = rollingUpdateOf(daemonSet);
  if (rollingUpdate === undefined) return 0;
  return scaled(rollingUpdate.maxUnavailable, total, "MaxUnavailable");
}

/**
 * Upstream's `AllowsSurge`: true when the DaemonSet may run two pods on a node during an
 * update, i.e. its `maxSurge` scaled against a total of 1 is above 0 (any non-zero count
 * or percentage). An invalid `maxSurge` gives false. Never throws.
 *
 * @example
 * surgeAllowed({ spec: { updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "10%" } } } }) // => true
 */
export function surgeAllowed(daemonSet: DaemonSet): boolean {
  try {
    return surgeCount(daemonSet, 1) > 0;
  } catch {
    return false;
  }
}

/**
 * The budgets of upstream's `updatedDesiredNodeCounts`: `maxSurge` and `maxUnavailable`
 * scaled against `desiredNumberScheduled` (the number of nodes where the DaemonSet should
 * run), both rounding percentages UP (`ceil(p * desired / 100)`: 50% of 3 is 2, 1% of 1
 * is 1). Both are 0 when the strategy is not RollingUpdate or `rollingUpdate` is absent,
 * and `maxSurge` is 0 when unset. If `desiredNumberScheduled > 0` and both come out 0,
 * `maxUnavailable` becomes 1 so the update can still progress.
 *
 * @throws KubesimError `invalid value for MaxUnavailable: ...` or `invalid value for
 *   MaxSurge: ...` with upstream's text for a value that is neither an integer nor a
 *   percentage (upstream's sync then fails with `couldn't get unavailable numbers: ` + it).
 * @example
 * rollingUpdateLimits(
 *   { spec: { updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: 0 } } } },
 *   5,
 * ) // => { maxSurge: 0, maxUnavailable: 2 }
 */
export function rollingUpdateLimits(
  daemonSet: DaemonSet,
  desiredNumberScheduled: number,
): RollingUpdateLimits {
  let maxUnavailable = unavailableCount(daemonSet, desiredNumberScheduled);
  const maxSurge = surgeCount(daemonSet, desiredNumberScheduled);
  if (desiredNumberScheduled > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}
