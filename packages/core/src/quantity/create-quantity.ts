import { KubesimError } from "../errors/index.js";
import { Quantity } from "./quantity.js";
import type { QuantityFormat } from "./quantity-format.js";

function toInteger(value: bigint | number, what: string): bigint {
  if (typeof value === "bigint") {
    return value;
  }
  if (!Number.isSafeInteger(value)) {
    throw new KubesimError(`${what} must be a bigint or a safe integer, got ${String(value)}`);
  }
  return BigInt(value);
}

/**
 * The quantity `milli / 1000` (upstream `NewMilliQuantity`), e.g. milli-CPU for the scheduler.
 *
 * @remarks
 * A BinarySI quantity that is fractional or smaller than 1024 prints as DecimalSI
 * (`quantityFromMilli(1024n, "BinarySI")` prints `1024m`), as upstream.
 *
 * @throws KubesimError when `milli` is a number that is not a safe integer.
 */
export function quantityFromMilli(milli: bigint | number, format: QuantityFormat): Quantity {
  return new Quantity(toInteger(milli, "a milli value"), -3, format);
}

/**
 * The quantity `value` (upstream `NewQuantity`), e.g. a byte count.
 *
 * @throws KubesimError when `value` is a number that is not a safe integer.
 */
export function quantityFromValue(value: bigint | number, format: QuantityFormat): Quantity {
  return new Quantity(toInteger(value, "a quantity value"), 0, format);
}
