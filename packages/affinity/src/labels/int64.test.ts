import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInt64 } from "./int64.js";

describe("parseInt64 (Go's strconv.ParseInt(s, 10, 64))", () => {
  const cases: Array<{ name: string; text: string; value: number | bigint | undefined }> = [
    { name: "a plain integer parses", text: "42", value: 42 },
    { name: "leading zeros are fine", text: "0206", value: 206 },
    { name: "a plus sign is allowed", text: "+7", value: 7 },
    { name: "a minus sign is allowed", text: "-7", value: -7 },
    {
      name: "the int64 maximum parses as a bigint",
      text: "9223372036854775807",
      value: 9223372036854775807n,
    },
    {
      name: "the int64 minimum parses as a bigint",
      text: "-9223372036854775808",
      value: -9223372036854775808n,
    },
    { name: "many leading zeros keep a small value a number", text: "000000000000000000000001", value: 1 },
    { name: "one past the maximum is out of range", text: "9223372036854775808", value: undefined },
    { name: "one past the minimum is out of range", text: "-9223372036854775809", value: undefined },
    { name: "the empty string is not a number", text: "", value: undefined },
    { name: "a sign alone is not a number", text: "-", value: undefined },
    { name: "a decimal point is not allowed", text: "1.5", value: undefined },
    { name: "underscores are not allowed in base 10", text: "1_000", value: undefined },
    { name: "spaces are not allowed", text: " 1", value: undefined },
    { name: "hex is not allowed", text: "0x10", value: undefined },
    { name: "two signs are not allowed", text: "+-1", value: undefined },
    { name: "sixteen significant digits parse exactly", text: "9007199254740993", value: 9007199254740993n },
  ];
  it.each(cases)("$name", ({ text, value }) => {
    expect(parseInt64(text)).toBe(value);
  });

  it("agrees with BigInt on every int64 written with optional sign and leading zeros", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
        fc.nat({ max: 5 }),
        fc.boolean(),
        (value, zeros, plus) => {
          const digits = "0".repeat(zeros) + (value < 0n ? -value : value).toString();
          const text = (value < 0n ? "-" : plus ? "+" : "") + digits;
          const parsed = parseInt64(text);
          expect(parsed === undefined ? undefined : BigInt(parsed)).toBe(value);
        },
      ),
    );
  });
});
