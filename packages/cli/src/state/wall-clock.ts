import { KubesimError } from "@kubesim/core";

const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const epochMilliseconds = /^\d+$/;

/**
 * The wall-clock "now" a command catches the cluster's virtual clock up to, in epoch
 * milliseconds: `KUBESIM_NOW` when set (an RFC 3339 time such as `2026-01-01T00:00:00Z`, or
 * epoch milliseconds; tests pin time with it), else `Date.now()`.
 *
 * @throws KubesimError when `KUBESIM_NOW` is neither.
 */
export function resolveNow(env: Readonly<Record<string, string | undefined>>): number {
  const pinned = env.KUBESIM_NOW;
  if (pinned === undefined || pinned === "") return Date.now();
  const milliseconds = epochMilliseconds.test(pinned)
    ? Number(pinned)
    : rfc3339.test(pinned)
      ? Date.parse(pinned)
      : Number.NaN;
  if (!Number.isSafeInteger(milliseconds)) {
    throw new KubesimError(
      `invalid KUBESIM_NOW ${JSON.stringify(pinned)}: expected an RFC 3339 time such as "2026-01-01T00:00:00Z" or epoch milliseconds`,
    );
  }
  return milliseconds;
}

/** An instant as RFC 3339 in UTC with second precision, as Kubernetes prints `metav1.Time`. */
export function formatRfc3339(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/\.\d{3}Z$/, "Z");
}
