import { KubesimError } from "@kubesim/core";

/** Flags every out-of-process component takes, as commander hands them over. */
export interface ComponentFlags {
  /** The kubeconfig file (default: `$KUBECONFIG`, else `~/.kube/config`). */
  readonly kubeconfig?: string | undefined;
  /** The kubeconfig context (default: its current context). */
  readonly context?: string | undefined;
  /** Seeds tie-breaks and generated names (default 1, as `createCluster` and `cluster create`). */
  readonly seed?: string | undefined;
}

/** The seed when `--seed` is not given: `createCluster`'s default, so placements match. */
export const defaultComponentSeed = 1;

/**
 * `--seed` as `kubesim cluster create` reads it: a whole number stays a number (so `--seed 7`
 * seeds as `createCluster({ seed: 7 })`), anything else is a string seed.
 *
 * @throws KubesimError for an empty seed.
 */
export function parseComponentSeed(text: string | undefined): number | string {
  if (text === undefined) return defaultComponentSeed;
  if (text === "") throw new KubesimError('invalid --seed "": must not be empty');
  const number = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(number) ? number : text;
}
