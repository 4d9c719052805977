import { KubesimError } from "@kubesim/core";
import { commandName } from "./command-name.js";

const unitMilliseconds: ReadonlyMap<string, number> = new Map([
  ["ns", 1e-6],
  ["us", 1e-3],
  ["µs", 1e-3],
  ["μs", 1e-3],
  ["ms", 1],
  ["s", 1000],
  ["m", 60_000],
  ["h", 3_600_000],
]);
const durationPart = /^(\d*)(?:\.(\d*))?([a-zµμ]+)/;

/**
 * Go's `time.ParseDuration` (`30s`, `1m30s`, `1.5h`, `0`), in milliseconds.
 *
 * @throws KubesimError `time: invalid duration "x"` (or `missing unit`/`unknown unit`).
 */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") return 0;
  if (rest === "") throw new KubesimError(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== "") {
    const match = durationPart.exec(rest);
    if (match === null) {
      if (/^\d*(?:\.\d*)?$/.test(rest)) throw new KubesimError(`time: missing unit in duration ${quoted}`);
      throw new KubesimError(`time: invalid duration ${quoted}`);
    }
    const [whole, integer = "", fraction = "", unit = ""] = match;
    if (integer === "" && fraction === "") throw new KubesimError(`time: invalid duration ${quoted}`);
    const scale = unitMilliseconds.get(unit);
    if (scale === undefined)
      throw new KubesimError(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    total += Number(`${integer || "0"}.${fraction || "0"}`) * scale;
    rest = rest.slice(whole.length);
  }
  return sign * total;
}

/**
 * Go's `strconv.ParseInt(text, 10, 64)` for an int flag.
 *
 * @throws KubesimError `strconv.ParseInt: parsing "x": invalid syntax`.
 */
export function parseGoInt(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) {
    throw new KubesimError(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new KubesimError(`strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range`);
  }
  return value;
}

/**
 * Go's `strconv.ParseBool`: `1 t T TRUE true True` and `0 f F FALSE false False`.
 * Returns `undefined` for anything else.
 */
export function parseGoBool(text: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(text)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(text)) return false;
  return undefined;
}

/**
 * The error kubectl prints for a flag value it cannot parse:
 * `invalid argument "x" for "--timeout" flag: <reason>` and the `--help` hint.
 */
export function invalidFlagError(
  commandPath: string,
  flag: string,
  value: string,
  reason: unknown,
): KubesimError {
  const detail = reason instanceof Error ? reason.message : String(reason);
  return new KubesimError(
    `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(flag)} flag: ${detail}\nSee '${commandName} ${commandPath} --help' for usage.`,
  );
}

/** Parses a flag value with `parse`, turning its error into {@link invalidFlagError}. */
export function parseFlag<T>(
  commandPath: string,
  flag: string,
  value: string,
  parse: (text: string) => T,
): T {
  try {
    return parse(value);
  } catch (error) {
    throw invalidFlagError(commandPath, flag, value, error);
  }
}

/** Commander's collector for kubectl's string-slice flags (`-f a,b -f c`): splits on commas. */
export function collectCommaSeparated(value: string, previous: readonly string[] = []): string[] {
  return [...previous, ...value.split(",").filter((part) => part !== "")];
}
