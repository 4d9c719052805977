/**
 * Allocation-free recognisers for the name formats of `name-predicates.ts`. Each answers
 * exactly "does the value pass every check of its predicate", so the predicates can
 * return at once for valid values (nearly all of them) and build their messages with the
 * regular expressions only for invalid ones.
 */

const dash = 0x2d;
const dot = 0x2e;
const underscore = 0x5f;

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLowerLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isLowerAlphanumeric(code: number): boolean {
  return isLowerLetter(code) || isDigit(code);
}

function isAlphanumeric(code: number): boolean {
  return isLowerAlphanumeric(code) || (code >= 0x41 && code <= 0x5a);
}

/**
 * True when `value.slice(start, end)` matches `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
 * and has at most 63 characters (all ASCII, so 63 bytes).
 */
function scansAsQualifiedNamePart(value: string, start: number, end: number): boolean {
  if (end <= start || end - start > 63) return false;
  if (!isAlphanumeric(value.charCodeAt(start)) || !isAlphanumeric(value.charCodeAt(end - 1))) return false;
  for (let index = start + 1; index < end - 1; index++) {
    const code = value.charCodeAt(index);
    if (!isAlphanumeric(code) && code !== dash && code !== underscore && code !== dot) return false;
  }
  return true;
}

/**
 * True when `value.slice(start, end)` matches
 * `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*` and has at most 253
 * characters.
 */
function scansAsDnsSubdomainPart(value: string, start: number, end: number): boolean {
  if (end <= start || end - start > 253) return false;
  if (!isLowerAlphanumeric(value.charCodeAt(start)) || !isLowerAlphanumeric(value.charCodeAt(end - 1))) {
    return false;
  }
  for (let index = start + 1; index < end - 1; index++) {
    const code = value.charCodeAt(index);
    if (isLowerAlphanumeric(code) || code === dash) continue;
    // A dot separates two labels, each ending and starting with an alphanumeric character.
    if (
      code !== dot ||
      !isLowerAlphanumeric(value.charCodeAt(index - 1)) ||
      !isLowerAlphanumeric(value.charCodeAt(index + 1))
    ) {
      return false;
    }
  }
  return true;
}

/** True when `isQualifiedName(value)` reports nothing. */
export function scansAsQualifiedName(value: string): boolean {
  const slash = value.indexOf("/");
  if (slash === -1) return scansAsQualifiedNamePart(value, 0, value.length);
  if (value.indexOf("/", slash + 1) !== -1) return false;
  return scansAsDnsSubdomainPart(value, 0, slash) && scansAsQualifiedNamePart(value, slash + 1, value.length);
}

/** True when `isValidLabelValue(value)` reports nothing. */
export function scansAsLabelValue(value: string): boolean {
  return value.length === 0 || scansAsQualifiedNamePart(value, 0, value.length);
}

/** True when `isDns1123Subdomain(value)` reports nothing. */
export function scansAsDns1123Subdomain(value: string): boolean {
  return scansAsDnsSubdomainPart(value, 0, value.length);
}

/** True when `isDns1123Label(value)` reports nothing. */
export function scansAsDns1123Label(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > 63) return false;
  if (!isLowerAlphanumeric(value.charCodeAt(0)) || !isLowerAlphanumeric(value.charCodeAt(length - 1))) {
    return false;
  }
  for (let index = 1; index < length - 1; index++) {
    const code = value.charCodeAt(index);
    if (!isLowerAlphanumeric(code) && code !== dash) return false;
  }
  return true;
}

/** True when `isDns1035Label(value)` reports nothing. */
export function scansAsDns1035Label(value: string): boolean {
  return scansAsDns1123Label(value) && isLowerLetter(value.charCodeAt(0));
}
