import { KubesimError } from "@kubesim/core";

/** Arguments split into the resources and the `KEY=VALUE` / `KEY-` pairs after them. */
export interface ResourcesAndPairs {
  readonly resources: string[];
  readonly pairs: string[];
}

/**
 * kubectl's `GetResourcesAndPairs`: arguments up to the first `k=v` or `k-` name
 * resources, the rest are pairs.
 *
 * @throws KubesimError `all resources must be specified before <pairType> changes: <arg>`.
 */
export function splitResourcesAndPairs(args: readonly string[], pairType: string): ResourcesAndPairs {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const argument of args) {
    const isPair =
      (argument.includes("=") && !argument.startsWith("=")) || (argument.endsWith("-") && argument !== "-");
    if (isPair) pairs.push(argument);
    else if (pairs.length === 0) resources.push(argument);
    else throw new KubesimError(`all resources must be specified before ${pairType} changes: ${argument}`);
  }
  return { resources, pairs };
}

/** Pairs parsed by {@link parsePairs}: additions in argument order (last value wins), removals. */
export interface ParsedPairs {
  readonly added: Map<string, string>;
  readonly removed: string[];
}

/**
 * kubectl's `ParsePairs`: `KEY=VALUE` adds, `KEY-` removes (when `supportRemove`).
 *
 * @throws KubesimError `invalid <pairType> format: <bad1>, <bad2>`.
 */
export function parsePairs(pairs: readonly string[], pairType: string, supportRemove: boolean): ParsedPairs {
  const added = new Map<string, string>();
  const removed: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairs) {
    const equals = pair.indexOf("=");
    if (equals > 0) {
      added.set(pair.slice(0, equals), pair.slice(equals + 1));
    } else if (supportRemove && pair.endsWith("-") && pair !== "-") {
      removed.push(pair.slice(0, -1));
    } else {
      invalid.push(pair);
    }
  }
  if (invalid.length > 0) throw new KubesimError(`invalid ${pairType} format: ${invalid.join(", ")}`);
  return { added, removed };
}
