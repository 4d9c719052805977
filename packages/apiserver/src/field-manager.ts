/** The longest field manager name upstream accepts, in UTF-8 bytes. */
const fieldManagerMaxBytes = 128;

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * The field manager upstream derives from a `User-Agent` when a write names none: the
 * text before the first `/` (`kubectl/v1.32.4 (linux/amd64) …` → `kubectl`), without
 * unprintable characters, cut at 128 bytes.
 */
export function fieldManagerFromUserAgent(userAgent: string | undefined): string {
  const prefix = (userAgent ?? "").split("/")[0] ?? "";
  let manager = "";
  let bytes = 0;
  for (const character of prefix) {
    if (!printable.test(character)) continue;
    const size = Buffer.byteLength(character);
    if (bytes + size > fieldManagerMaxBytes) break;
    manager += character;
    bytes += size;
  }
  return manager;
}

/**
 * The manager of a write: the `fieldManager` query parameter when given, else the
 * User-Agent's prefix (upstream's `managerOrUserAgent`). `undefined` when both are empty.
 */
export function managerOrUserAgent(
  fieldManager: string | null,
  userAgent: string | undefined,
): string | undefined {
  if (fieldManager !== null && fieldManager !== "") return fieldManager;
  const derived = fieldManagerFromUserAgent(userAgent);
  return derived === "" ? undefined : derived;
}
