import { isDns1123Label, KubesimError } from "@kubesim/core";

/**
 * Checks a cluster name: a DNS-1123 label (lower-case alphanumerics and `-`, at most 63
 * characters), so that it is also a safe file name.
 *
 * @throws KubesimError naming the bad value and the rule, as the API server words it.
 */
export function validateClusterName(name: string): void {
  const problems = isDns1123Label(name);
  if (problems.length > 0) {
    throw new KubesimError(`invalid cluster name ${JSON.stringify(name)}: ${problems.join("; ")}`);
  }
}
