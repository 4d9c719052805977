import { goQuote, StatusError, StatusReason } from "@kubesim/core";

const maxUint64 = 2n ** 64n - 1n;
const digitsPattern = /^[0-9]+$/;

/**
 * Parses a resourceVersion as upstream's storage versioner does (Go's
 * `strconv.ParseUint(text, 10, 64)`); `""` means "unset" and gives 0.
 *
 * @throws StatusError (code 500, no reason) with Go's parse error, as the API server
 *   answers a write whose resourceVersion is not a number.
 */
export function parseResourceVersion(text: string): bigint {
  if (text === "") return 0n;
  if (!digitsPattern.test(text)) throw parseError(text, "invalid syntax");
  const value = BigInt(text);
  if (value > maxUint64) throw parseError(text, "value out of range");
  return value;
}

function parseError(text: string, reason: string): StatusError {
  return new StatusError({
    message: `strconv.ParseUint: parsing ${goQuote(text)}: ${reason}`,
    reason: StatusReason.Unknown,
    code: 500,
  });
}

/** Whether a resourceVersion sent by a client names the same revision as a stored one. */
export function sameResourceVersion(sent: string, stored: string): boolean {
  return parseResourceVersion(sent) === parseResourceVersion(stored);
}

/**
 * Parses the resourceVersion a watch starts from, as upstream's watch cache does: `""`
 * and `"0"` both mean "from the current state".
 *
 * @throws StatusError (code 500, no reason) `resourceVersion: Invalid value: "x":
 *   strconv.ParseUint: parsing "x": invalid syntax` for a value that is not a number.
 */
export function parseWatchResourceVersion(text: string): bigint {
  try {
    return parseResourceVersion(text === "0" ? "" : text);
  } catch (error) {
    const detail = error instanceof StatusError ? error.message : String(error);
    throw new StatusError({
      message: `resourceVersion: Invalid value: ${goQuote(text)}: ${detail}`,
      reason: StatusReason.Unknown,
      code: 500,
    });
  }
}
