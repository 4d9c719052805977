/**
 * JSON text as Go's `encoding/json` writes it: object keys sorted, `<`, `>`, `&`, U+2028
 * and U+2029 escaped. Field paths (`k:{…}`, `v:…`) and the last-applied annotation are
 * written this way upstream, so the same value always gives the same text.
 */
export function goJson(value: unknown): string {
  return escapeHtml(JSON.stringify(sortKeys(value)) ?? "null");
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  // A null-prototype map: a `__proto__` key stays plain data.
  const sorted: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(record).sort(compareGoStrings)) sorted[key] = sortKeys(record[key]);
  return sorted;
}

const htmlCharacters = /[<>&\u2028\u2029]/g;

function escapeHtml(text: string): string {
  return text.replace(
    htmlCharacters,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const encoder = new TextEncoder();

/** Go's `strings.Compare`: byte-wise on UTF-8 (differs from `<` only outside the BMP). */
export function compareGoStrings(left: string, right: string): number {
  if (left === right) return 0;
  // Pure ASCII/BMP strings below the surrogate range order the same in UTF-16 and UTF-8.
  if (isPlain(left) && isPlain(right)) return left < right ? -1 : 1;
  const leftBytes = encoder.encode(left);
  const rightBytes = encoder.encode(right);
  const length = Math.min(leftBytes.length, rightBytes.length);
  for (let index = 0; index < length; index++) {
    const difference = (leftBytes[index] ?? 0) - (rightBytes[index] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return leftBytes.length === rightBytes.length ? 0 : leftBytes.length < rightBytes.length ? -1 : 1;
}

const beyondSurrogates = /[\ud800-\uffff]/;

function isPlain(text: string): boolean {
  return !beyondSurrogates.test(text);
}
