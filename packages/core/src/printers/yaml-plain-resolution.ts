/**
 * Whether go-yaml v2 would read a plain (unquoted) scalar back as something other than a
 * string: booleans (`yes`, `on`, ...), null (`~`, `""`), numbers (`1`, `0x1f`, `1_000`,
 * `.5`, `1e3`), timestamps (`2026-11-29T19:21:30Z`, `2024-1-2`) and YAML 1.1 base-60
 * floats (`1:20`). Such strings are printed double-quoted. (go-yaml lists the merge key
 * `<<` too, but only consults that list for strings starting with one of `+-.~0-9yYnNtTfFoO`.)
 */

const specialWords = new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "true",
  "True",
  "TRUE",
  "on",
  "On",
  "ON",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "false",
  "False",
  "FALSE",
  "off",
  "Off",
  "OFF",
  "",
  "~",
  "null",
  "Null",
  "NULL",
  ".nan",
  ".NaN",
  ".NAN",
  ".inf",
  ".Inf",
  ".INF",
  "+.inf",
  "+.Inf",
  "+.INF",
  "-.inf",
  "-.Inf",
  "-.INF",
]);

const dotFloat = /^\.\d(?:_?\d)*(?:[eE][-+]?\d(?:_?\d)*)?$/;
const goInteger = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const timestampLayouts = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})t(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
];
const int64Min = -(1n << 63n);
const int64Max = (1n << 63n) - 1n;
const uint64Max = (1n << 64n) - 1n;

/** True when `text` written plain would not read back as the same string. */
export function needsQuotes(text: string): boolean {
  return resolvesToNonString(text) || isBase60Float(text);
}

function resolvesToNonString(text: string): boolean {
  if (specialWords.has(text)) return true;
  const first = text.charCodeAt(0);
  if (first === 0x2e /* . */) return dotFloat.test(text) && Number.isFinite(Number(text.replaceAll("_", "")));
  const isDigit = first >= 0x30 && first <= 0x39;
  if (!isDigit && first !== 0x2b /* + */ && first !== 0x2d /* - */) return false;
  if (isTimestamp(text)) return true;
  const plain = text.replaceAll("_", "");
  if (isGoInteger(plain)) return true;
  return yamlStyleFloat.test(plain) && Number.isFinite(Number(plain));
}

/** `strconv.ParseInt(text, 0, 64)` or `strconv.ParseUint(text, 0, 64)` would succeed. */
function isGoInteger(text: string): boolean {
  const match = goInteger.exec(text);
  if (match === null) return false;
  const [, sign = "", digits = ""] = match;
  const magnitude = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits);
  const value = sign === "-" ? -magnitude : magnitude;
  if (value >= int64Min && value <= int64Max) return true;
  return sign === "" && value <= uint64Max;
}

function isTimestamp(text: string): boolean {
  for (const layout of timestampLayouts) {
    const match = layout.exec(text);
    if (match === null) continue;
    const [, year = "", month = "", day = "", hour = "0", minute = "0", second = "0", zoneHour, zoneMinute] =
      match;
    if (Number(month) < 1 || Number(month) > 12) return false;
    if (Number(day) < 1 || Number(day) > daysIn(Number(year), Number(month))) return false;
    if (Number(hour) >= 24 || Number(minute) >= 60 || Number(second) >= 60) return false;
    if (zoneHour !== undefined && (Number(zoneHour) > 24 || Number(zoneMinute) > 60)) return false;
    return true;
  }
  return false;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isBase60Float(text: string): boolean {
  const first = text.charCodeAt(0);
  const startsNumeric = first === 0x2b || first === 0x2d || (first >= 0x30 && first <= 0x39);
  return startsNumeric && text.includes(":") && base60Float.test(text);
}
