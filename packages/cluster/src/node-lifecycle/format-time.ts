// Kubernetes serialises metav1.Time at second precision.
const fractionalSeconds = /\.\d{3}Z$/;

/** Formats epoch milliseconds as RFC 3339 with second precision, as the API server writes times. */
export function formatKubernetesTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(fractionalSeconds, "Z");
}
