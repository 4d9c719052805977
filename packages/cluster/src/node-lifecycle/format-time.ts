// Kubernetes serialises metav1.Time at second precision.
const fractionalSeconds = /\.\d{3}Z$/;

// Writes come in bursts at one virtual instant: the last formatting is reused.
let lastEpochMs = Number.NaN;
let lastText = "";

/** Formats epoch milliseconds as RFC 3339 with second precision, as the API server writes times. */
export function formatKubernetesTime(epochMs: number): string {
  if (epochMs !== lastEpochMs) {
    lastText = new Date(epochMs).toISOString().replace(fractionalSeconds, "Z");
    lastEpochMs = epochMs;
  }
  return lastText;
}
