import { labelSelectorAsSelector, type Selector } from "@kubesim/affinity";
import type { DaemonSet } from "@kubesim/core";

// Passes read DaemonSets from the caches (or fresh client copies), which are replaced and
// never changed in place, so the compiled selector can be kept per object.
const compiled = new WeakMap<DaemonSet, { readonly selector?: Selector; readonly error?: unknown }>();

/**
 * `labelSelectorAsSelector(daemonSet.spec.selector)`, compiled once per DaemonSet object
 * (which must not be changed afterwards).
 *
 * @throws the error `labelSelectorAsSelector` throws for an invalid selector, every time.
 */
export function daemonSetSelector(daemonSet: DaemonSet): Selector {
  let entry = compiled.get(daemonSet);
  if (entry === undefined) {
    try {
      entry = { selector: labelSelectorAsSelector(daemonSet.spec?.selector) };
    } catch (error) {
      entry = { error };
    }
    compiled.set(daemonSet, entry);
  }
  if (entry.selector === undefined) throw entry.error;
  return entry.selector;
}
