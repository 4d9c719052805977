/**
 * Go's `fmt.Sprintf("%+v", value)` of a decoded JSON value (`map[string]interface{}` with
 * int64-preserving numbers), which upstream puts in the `Invalid value` of a strategic
 * merge patch's strict decoding error: `map[spec:map[replicas:3]]`.
 */
export function goValueText(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return goNumberText(value);
  if (Array.isArray(value)) return `[${value.map(goValueText).join(" ")}]`;
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    // fmt prints map keys sorted (byte order).
    const keys = Object.keys(record).sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
    return `map[${keys.map((key) => `${key}:${goValueText(record[key])}`).join(" ")}]`;
  }
  return String(value);
}

/** An integer as int64 prints; other numbers as `%v` of a float64 (exponent from 1e21). */
function goNumberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  const text = String(value);
  return text.replace(/e([+-])(\d)$/, "e$10$2");
}
