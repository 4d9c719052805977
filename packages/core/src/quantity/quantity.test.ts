import { describe, expect, it } from "vitest";
import { KubesimError } from "../errors/index.js";
import { quantityFromMilli, quantityFromValue } from "./create-quantity.js";
import { parseQuantity } from "./parse-quantity.js";
import { isQuantity, Quantity } from "./quantity.js";
import { QuantityFormat as Formats, type QuantityFormat } from "./quantity-format.js";
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  subtractQuantities,
} from "./quantity-operations.js";

const { DecimalSI, BinarySI, DecimalExponent } = Formats;
const maxInt64 = 9_223_372_036_854_775_807n;
const minInt64 = -9_223_372_036_854_775_808n;

function quantity(unscaled: bigint, exponent: number, format: QuantityFormat = DecimalSI): Quantity {
  return new Quantity(unscaled, exponent, format);
}

// Upstream quantity_test.go TestQuantityString: value, canonical string, a non-canonical spelling.
const upstreamStringCases = [
  { value: quantity(1024n ** 3n, 0, BinarySI), expected: "1Gi", alternate: "1024Mi" },
  { value: quantity(300n * 1024n ** 2n, 0, BinarySI), expected: "300Mi", alternate: "307200Ki" },
  { value: quantity(6n * 1024n, 0, BinarySI), expected: "6Ki", alternate: "" },
  { value: quantity(1001n * 1024n ** 3n, 0, BinarySI), expected: "1001Gi", alternate: "1025024Mi" },
  { value: quantity(1024n ** 4n, 0, BinarySI), expected: "1Ti", alternate: "1024Gi" },
  { value: quantity(5n, 0, BinarySI), expected: "5", alternate: "5000m" },
  { value: quantity(500n, -3, BinarySI), expected: "500m", alternate: "0.5" },
  { value: quantity(1n, 9), expected: "1G", alternate: "1000M" },
  { value: quantity(1000n, 6), expected: "1G", alternate: "0.001T" },
  { value: quantity(1000000n, 3), expected: "1G", alternate: "" },
  { value: quantity(1000000000n, 0), expected: "1G", alternate: "" },
  { value: quantity(1n, -3), expected: "1m", alternate: "1000u" },
  { value: quantity(80n, -3), expected: "80m", alternate: "" },
  { value: quantity(1080n, -3), expected: "1080m", alternate: "1.08" },
  { value: quantity(108n, -2), expected: "1080m", alternate: "1080000000n" },
  { value: quantity(10800n, -4), expected: "1080m", alternate: "" },
  { value: quantity(300n, 6), expected: "300M", alternate: "" },
  { value: quantity(1n, 12), expected: "1T", alternate: "" },
  { value: quantity(1234567n, 6), expected: "1234567M", alternate: "" },
  { value: quantity(1234567n, -3, BinarySI), expected: "1234567m", alternate: "" },
  { value: quantity(3n, 3), expected: "3k", alternate: "" },
  { value: quantity(1025n, 0, BinarySI), expected: "1025", alternate: "" },
  { value: quantity(0n, 0), expected: "0", alternate: "" },
  { value: quantity(0n, 0, BinarySI), expected: "0", alternate: "" },
  { value: quantity(1n, 9, DecimalExponent), expected: "1e9", alternate: ".001e12" },
  { value: quantity(1n, -3, DecimalExponent), expected: "1e-3", alternate: "0.001e0" },
  { value: quantity(1n, -9, DecimalExponent), expected: "1e-9", alternate: "1000e-12" },
  { value: quantity(80n, -3, DecimalExponent), expected: "80e-3", alternate: "" },
  { value: quantity(300n, 6, DecimalExponent), expected: "300e6", alternate: "" },
  { value: quantity(1n, 12, DecimalExponent), expected: "1e12", alternate: "" },
  { value: quantity(1n, 3, DecimalExponent), expected: "1e3", alternate: "" },
  { value: quantity(3n, 3, DecimalExponent), expected: "3e3", alternate: "" },
  { value: quantity(0n, 0, DecimalExponent), expected: "0", alternate: "00" },
  { value: quantity(1n, -9), expected: "1n", alternate: "" },
  { value: quantity(80n, -9), expected: "80n", alternate: "" },
  { value: quantity(1080n, -9), expected: "1080n", alternate: "" },
  { value: quantity(108n, -8), expected: "1080n", alternate: "" },
  { value: quantity(10800n, -10), expected: "1080n", alternate: "" },
  { value: quantity(1n, -6), expected: "1u", alternate: "" },
  { value: quantity(80n, -6), expected: "80u", alternate: "" },
  { value: quantity(1080n, -6), expected: "1080u", alternate: "" },
].map((testCase) => ({ ...testCase, name: `${testCase.value.format} ${testCase.expected}` }));

describe("Quantity.toString", () => {
  it.each(upstreamStringCases)("prints the $name value canonically", ({ value, expected }) => {
    expect(value.toString()).toBe(expected);
  });

  it.each(upstreamStringCases.filter((testCase) => testCase.expected !== "0"))(
    "prints the negated $name value with a leading minus",
    ({ value, expected }) => {
      expect(value.neg().toString()).toBe(`-${expected}`);
    },
  );

  it.each(upstreamStringCases)("re-parses the canonical $name string to itself", ({ value, expected }) => {
    const parsed = parseQuantity(expected);
    expect(parsed.toString()).toBe(expected);
    expect(parsed.cmp(value)).toBe(0);
  });

  it.each(upstreamStringCases.filter((testCase) => testCase.alternate !== ""))(
    "canonicalises the alternate spelling $alternate of $expected",
    ({ alternate, expected }) => {
      expect(parseQuantity(alternate).toString()).toBe(expected);
    },
  );

  // Upstream TestQuantityParseEmit.
  it.each`
    input                | expected
    ${"1Ki"}             | ${"1Ki"}
    ${"1Mi"}             | ${"1Mi"}
    ${"1Gi"}             | ${"1Gi"}
    ${"1024Mi"}          | ${"1Gi"}
    ${"1000M"}           | ${"1G"}
    ${".001Ki"}          | ${"1024m"}
    ${".000001Ki"}       | ${"1024u"}
    ${".000000001Ki"}    | ${"1024n"}
    ${".000000000001Ki"} | ${"2n"}
  `("parses $input and emits $expected, and -$input emits -$expected", ({ input, expected }) => {
    expect(parseQuantity(input).toString()).toBe(expected);
    expect(parseQuantity(`-${input}`).toString()).toBe(`-${expected}`);
  });

  it.each`
    name                                                                   | input                     | expected
    ${"0.5 is half a unit"}                                                | ${"0.5"}                  | ${"500m"}
    ${"1.5Gi is a whole number of mebibytes"}                              | ${"1.5Gi"}                | ${"1536Mi"}
    ${"1000m is one"}                                                      | ${"1000m"}                | ${"1"}
    ${"100M is already canonical"}                                         | ${"100M"}                 | ${"100M"}
    ${"12e6 keeps its exponent form"}                                      | ${"12e6"}                 | ${"12e6"}
    ${"12000e3 moves zeros into the exponent"}                             | ${"12000e3"}              | ${"12e6"}
    ${"1.5e3 has no exponent once whole"}                                  | ${"1.5e3"}                | ${"1500"}
    ${"a BinarySI value below 1024 prints as DecimalSI"}                   | ${"0.5Ki"}                | ${"512"}
    ${"a fractional BinarySI value prints as DecimalSI"}                   | ${"1.001Ki"}              | ${"1025024m"}
    ${"a BinarySI value that is not a multiple of 1024 has no suffix"}     | ${"1.5Ki"}                | ${"1536"}
    ${"a negative BinarySI value keeps its binary suffix"}                 | ${"-1.5Gi"}               | ${"-1536Mi"}
    ${"sub-nano precision rounds up to one nano"}                          | ${"0.1n"}                 | ${"1n"}
    ${"sub-nano precision rounds negative values away from zero"}          | ${"-0.1n"}                | ${"-1n"}
    ${"an exponent finer than nano rounds up to nano in exponent form"}    | ${"1.5e-10"}              | ${"1e-9"}
    ${"values beyond int64 keep every digit"}                              | ${"18446744073709551616"} | ${"18446744073709551616"}
    ${"BinarySI input is capped at 2^63-1"}                                | ${"8Ei"}                  | ${"9223372036854775807"}
    ${"BinarySI input is capped in magnitude when negative"}               | ${"-100Ei"}               | ${"-9223372036854775807"}
    ${"a DecimalSI value past E loses its suffix, as upstream v1.32 does"} | ${"1000E"}                | ${"1"}
    ${"a DecimalSI value past E keeps its mantissa without a suffix"}      | ${"12345000E"}            | ${"12345"}
    ${"an exponent past E stays in exponent form"}                         | ${"1e21"}                 | ${"1e21"}
  `("$name: $input prints $expected", ({ input, expected }) => {
    expect(parseQuantity(input).toString()).toBe(expected);
  });

  it("drops the binary suffix beyond Ei, as upstream v1.32 does", () => {
    expect(quantity(1024n ** 7n, 0, BinarySI).toString()).toBe("1");
    expect(quantity(16n * 1024n ** 6n, 0, BinarySI).toString()).toBe("16Ei");
  });

  it("prints exponents finer than nano without a DecimalSI suffix, as upstream does", () => {
    expect(quantity(1n, -12).toString()).toBe("1");
    expect(quantity(1n, -12, DecimalExponent).toString()).toBe("1e-12");
  });

  it("prints an unknown format as DecimalExponent, as upstream does", () => {
    const unknown = quantity(1000000n, -3, "invalidFormatDefaultsToExponent" as QuantityFormat);
    expect(unknown.format).toBe(DecimalExponent);
    expect(unknown.toString()).toBe("1e3");
  });

  it("serialises to the canonical string inside JSON", () => {
    const requests = {
      cpu: parseQuantity("0.5"),
      memory: parseQuantity("1.5Gi"),
      pods: quantityFromValue(0, DecimalSI),
    };
    expect(JSON.stringify(requests)).toBe('{"cpu":"500m","memory":"1536Mi","pods":"0"}');
    expect(formatQuantity(parseQuantity("1024Mi"))).toBe("1Gi");
  });
});

describe("Quantity.cmp", () => {
  // Upstream TestQuantityCmp and TestQuantityCmpInt64AndDec.
  it.each`
    name                                           | left                              | right                            | expected
    ${"zero equals zero"}                          | ${parseQuantity("0")}             | ${parseQuantity("0")}            | ${0}
    ${"100m is more than 50m"}                     | ${parseQuantity("100m")}          | ${parseQuantity("50m")}          | ${1}
    ${"50m is less than 100m"}                     | ${parseQuantity("50m")}           | ${parseQuantity("100m")}         | ${-1}
    ${"10000T is more than 100Gi"}                 | ${parseQuantity("10000T")}        | ${parseQuantity("100Gi")}        | ${1}
    ${"equal values at the same scale are equal"}  | ${quantity(901n, -2)}             | ${quantity(901n, -2)}            | ${0}
    ${"9.0 is less than 9.01"}                     | ${quantity(90n, -1)}              | ${quantity(901n, -2)}            | ${-1}
    ${"9.01 is more than 9.00"}                    | ${quantity(901n, -2)}             | ${quantity(900n, -2)}            | ${1}
    ${"zeros at different scales are equal"}       | ${quantity(0n, 1)}                | ${quantity(0n, -1)}              | ${0}
    ${"0.8 is less than 1"}                        | ${quantity(800n, -3)}             | ${quantity(1n, 0)}               | ${-1}
    ${"0.800 is more than 0.79"}                   | ${quantity(800n, -3)}             | ${quantity(79n, -2)}             | ${1}
    ${"max int64 is more than a tenth"}            | ${quantity(maxInt64, 0)}          | ${quantity(1n, -1)}              | ${1}
    ${"ten times max int64 is more than one"}      | ${quantity(maxInt64, 1)}          | ${quantity(1n, 0)}               | ${1}
    ${"ten times max int64 is more than ten"}      | ${quantity(maxInt64, 1)}          | ${quantity(1n, 1)}               | ${1}
    ${"ten times max int64 is more than zero"}     | ${quantity(maxInt64, 1)}          | ${quantity(0n, 1)}               | ${1}
    ${"max int64 at scale -16 is less than 1k"}    | ${quantity(maxInt64, -16)}        | ${quantity(1n, 3)}               | ${-1}
    ${"min int64 is less than zero"}               | ${quantity(minInt64, 0)}          | ${quantity(0n, 0)}               | ${-1}
    ${"min int64 at scale -18 is less than -1"}    | ${quantity(minInt64, -18)}        | ${quantity(-1n, 0)}              | ${-1}
    ${"min int64 at scale -19 is more than -1"}    | ${quantity(minInt64, -19)}        | ${quantity(-1n, 0)}              | ${1}
    ${"10^18 at scale -17 equals ten"}             | ${quantity(10n ** 18n, -17)}      | ${quantity(1n, 1)}               | ${0}
    ${"10^18 at scale -17 is more than minus ten"} | ${quantity(10n ** 18n, -17)}      | ${quantity(-10n, 0)}             | ${1}
    ${"-10^18 at scale -17 equals minus ten"}      | ${quantity(-(10n ** 18n), -17)}   | ${quantity(-10n, 0)}             | ${0}
    ${"10^18 at scale -17 is more than one"}       | ${quantity(10n ** 18n, -17)}      | ${quantity(1n, 0)}               | ${1}
    ${"10^18+1 at scale -17 is more than ten"}     | ${quantity(10n ** 18n + 1n, -17)} | ${quantity(1n, 1)}               | ${1}
    ${"10^18-1 at scale -17 is less than ten"}     | ${quantity(10n ** 18n - 1n, -17)} | ${quantity(1n, 1)}               | ${-1}
    ${"1e1000 is more than 999 digits of nines"}   | ${parseQuantity("1e1000")}        | ${quantity(10n ** 999n - 1n, 1)} | ${1}
    ${"-1e2000000000 is less than -1"}             | ${parseQuantity("-1e2000000000")} | ${quantity(-1n, 0)}              | ${-1}
    ${"1Ki equals 1024 whatever the formats"}      | ${parseQuantity("1Ki")}           | ${parseQuantity("1.024e3")}      | ${0}
  `("$name", ({ left, right, expected }) => {
    expect(left.cmp(right)).toBe(expected);
    expect(right.cmp(left)).toBe(expected === 0 ? 0 : -expected);
    expect(compareQuantities(left, right)).toBe(expected);
  });
});

describe("Quantity arithmetic", () => {
  // Upstream TestAdd and TestSub, plus the format rule of Add/Sub.
  it.each`
    name                                                  | left                          | right                        | sum                               | sumFormat
    ${"10 plus 1e1 is 20"}                                | ${quantity(10n, 0)}           | ${quantity(1n, 1)}           | ${quantity(20n, 0)}               | ${DecimalSI}
    ${"DecimalSI plus BinarySI keeps DecimalSI"}          | ${quantity(10n, 0)}           | ${quantity(1n, 0, BinarySI)} | ${quantity(11n, 0)}               | ${DecimalSI}
    ${"BinarySI plus DecimalSI keeps BinarySI"}           | ${quantity(10n, 0, BinarySI)} | ${quantity(1n, 0)}           | ${quantity(11n, 0)}               | ${BinarySI}
    ${"zero plus 50 is 50"}                               | ${quantity(0n, 0)}            | ${quantity(50n, 0)}          | ${quantity(50n, 0)}               | ${DecimalSI}
    ${"50 plus zero is 50"}                               | ${quantity(50n, 0)}           | ${quantity(0n, 0)}           | ${quantity(50n, 0)}               | ${DecimalSI}
    ${"zero plus zero is zero"}                           | ${quantity(0n, 0)}            | ${quantity(0n, 0)}           | ${quantity(0n, 0)}                | ${DecimalSI}
    ${"a zero receiver takes the other operand's format"} | ${parseQuantity("0")}         | ${parseQuantity("1Gi")}      | ${quantity(1n << 30n, 0)}         | ${BinarySI}
    ${"a non-zero receiver keeps its format"}             | ${parseQuantity("1Gi")}       | ${parseQuantity("0")}        | ${quantity(1n << 30n, 0)}         | ${BinarySI}
    ${"100m plus 1Gi is exact"}                           | ${parseQuantity("100m")}      | ${parseQuantity("1Gi")}      | ${quantity(10737418241n, -1)}     | ${DecimalSI}
    ${"1e1000 plus one keeps every digit"}                | ${parseQuantity("1e1000")}    | ${parseQuantity("1")}        | ${quantity(10n ** 1000n + 1n, 0)} | ${DecimalExponent}
    ${"max int64 plus one goes past int64"}               | ${quantity(maxInt64, 0)}      | ${quantity(1n, 0)}           | ${quantity(maxInt64 + 1n, 0)}     | ${DecimalSI}
  `("$name", ({ left, right, sum, sumFormat }) => {
    const result = left.add(right);
    expect(result.cmp(sum)).toBe(0);
    expect(result.format).toBe(sumFormat);
    expect(addQuantities(left, right).toString()).toBe(result.toString());
  });

  it.each`
    name                                               | left                          | right                        | difference                   | differenceFormat
    ${"10 minus 1e1 is zero"}                          | ${quantity(10n, 0)}           | ${quantity(1n, 1)}           | ${quantity(0n, 0)}           | ${DecimalSI}
    ${"DecimalSI minus BinarySI keeps DecimalSI"}      | ${quantity(10n, 0)}           | ${quantity(1n, 0, BinarySI)} | ${quantity(9n, 0)}           | ${DecimalSI}
    ${"BinarySI minus DecimalSI keeps BinarySI"}       | ${quantity(10n, 0, BinarySI)} | ${quantity(1n, 0)}           | ${quantity(9n, 0)}           | ${BinarySI}
    ${"zero minus 50 is -50"}                          | ${quantity(0n, 0)}            | ${quantity(50n, 0)}          | ${quantity(-50n, 0)}         | ${DecimalSI}
    ${"50 minus zero is 50"}                           | ${quantity(50n, 0)}           | ${quantity(0n, 0)}           | ${quantity(50n, 0)}          | ${DecimalSI}
    ${"zero minus zero is zero"}                       | ${quantity(0n, 0)}            | ${quantity(0n, 0)}           | ${quantity(0n, 0)}           | ${DecimalSI}
    ${"a zero receiver takes the subtrahend's format"} | ${parseQuantity("0")}         | ${parseQuantity("1Gi")}      | ${quantity(-(1n << 30n), 0)} | ${BinarySI}
    ${"1 minus 1n is exact"}                           | ${parseQuantity("1")}         | ${parseQuantity("1n")}       | ${quantity(999999999n, -9)}  | ${DecimalSI}
  `("$name", ({ left, right, difference, differenceFormat }) => {
    const result = left.sub(right);
    expect(result.cmp(difference)).toBe(0);
    expect(result.format).toBe(differenceFormat);
    expect(subtractQuantities(left, right).toString()).toBe(result.toString());
  });

  it.each`
    name                                            | value     | expected
    ${"zero minus 1Gi prints as the negated 1Gi"}   | ${"1Gi"}  | ${"-1Gi"}
    ${"zero minus 100m prints as the negated 100m"} | ${"100m"} | ${"-100m"}
  `("$name", ({ value, expected }) => {
    expect(parseQuantity("0").sub(parseQuantity(value)).toString()).toBe(expected);
    expect(parseQuantity(value).sub(parseQuantity("0")).toString()).toBe(value);
    expect(parseQuantity("0").add(parseQuantity(value)).toString()).toBe(value);
  });

  it("recomputes the canonical string after arithmetic instead of reusing parsed text", () => {
    const kept = parseQuantity("1.500k");
    expect(kept.toString()).toBe("1.500k");
    expect(kept.add(parseQuantity("0")).toString()).toBe("1500");
    expect(kept.neg().toString()).toBe("-1500");
  });

  it.each`
    name                                            | value                          | negated
    ${"zero stays zero"}                            | ${quantity(0n, 0)}             | ${"0"}
    ${"a BinarySI value keeps its format"}          | ${quantity(10n, 0, BinarySI)}  | ${"-10"}
    ${"a negative BinarySI value becomes positive"} | ${quantity(-10n, 0, BinarySI)} | ${"10"}
    ${"9.01 becomes -9010m"}                        | ${quantity(901n, -2)}          | ${"-9010m"}
  `("neg: $name", ({ value, negated }) => {
    const result = value.neg();
    expect(result.toString()).toBe(negated);
    expect(result.format).toBe(value.format);
    expect(result.neg().cmp(value)).toBe(0);
  });

  it.each`
    name                  | value      | isZero   | sign
    ${"zero"}             | ${"0"}     | ${true}  | ${0}
    ${"negative zero"}    | ${"-0Ki"}  | ${true}  | ${0}
    ${"a positive value"} | ${"1n"}    | ${false} | ${1}
    ${"a negative value"} | ${"-1e-9"} | ${false} | ${-1}
  `("isZero and sign of $name", ({ value, isZero, sign }) => {
    expect(parseQuantity(value).isZero()).toBe(isZero);
    expect(parseQuantity(value).sign()).toBe(sign);
  });

  it("refuses to spell out an exponent gap of more than 100000 digits", () => {
    const huge = parseQuantity("1e200000");
    expect(() => huge.add(parseQuantity("1"))).toThrow(KubesimError);
    expect(() => huge.value()).toThrow("more than 100000 digits");
    expect(huge.toString()).toBe("100e199998");
    expect(huge.add(parseQuantity("0")).toString()).toBe("100e199998");
  });
});

describe("Quantity.value and milliValue", () => {
  it.each`
    name                                           | value      | expectedValue  | expectedMilli
    ${"an integer is itself"}                      | ${"5"}     | ${5n}          | ${5000n}
    ${"1Mi is 1048576"}                            | ${"1Mi"}   | ${1048576n}    | ${1048576000n}
    ${"a fraction rounds up"}                      | ${"1.2"}   | ${2n}          | ${1200n}
    ${"a negative fraction rounds away from zero"} | ${"-1.2"}  | ${-2n}         | ${-1200n}
    ${"one nano rounds up to one milli"}           | ${"1n"}    | ${1n}          | ${1n}
    ${"minus one nano rounds away from zero"}      | ${"-1n"}   | ${-1n}         | ${-1n}
    ${"100m is one when rounded up"}               | ${"100m"}  | ${1n}          | ${100n}
    ${"1.5Gi is exact"}                            | ${"1.5Gi"} | ${1610612736n} | ${1610612736000n}
    ${"zero is zero"}                              | ${"0"}     | ${0n}          | ${0n}
    ${"1e3 is a thousand"}                         | ${"1e3"}   | ${1000n}       | ${1000000n}
    ${"values past int64 stay exact"}              | ${"10E"}   | ${10n ** 19n}  | ${10n ** 22n}
  `("$name", ({ value, expectedValue, expectedMilli }) => {
    expect(parseQuantity(value).value()).toBe(expectedValue);
    expect(parseQuantity(value).milliValue()).toBe(expectedMilli);
  });
});

describe("quantityFromMilli and quantityFromValue", () => {
  // Upstream TestMilliNewSet.
  it.each`
    milli          | format                               | expected
    ${1}           | ${DecimalSI}                         | ${"1m"}
    ${1000}        | ${DecimalSI}                         | ${"1"}
    ${1234000}     | ${DecimalSI}                         | ${"1234"}
    ${1024}        | ${BinarySI}                          | ${"1024m"}
    ${1000000}     | ${"invalidFormatDefaultsToExponent"} | ${"1e3"}
    ${1024 * 1024} | ${BinarySI}                          | ${"1048576m"}
    ${2500n}       | ${DecimalSI}                         | ${"2500m"}
  `("quantityFromMilli($milli, $format) prints $expected", ({ milli, format, expected }) => {
    const result = quantityFromMilli(milli, format);
    expect(result.toString()).toBe(expected);
    expect(result.milliValue()).toBe(BigInt(milli));
  });

  // Upstream TestNewSet.
  it.each`
    value          | format                               | expected
    ${1}           | ${DecimalSI}                         | ${"1"}
    ${1000}        | ${DecimalSI}                         | ${"1k"}
    ${1234000}     | ${DecimalSI}                         | ${"1234k"}
    ${1024}        | ${BinarySI}                          | ${"1Ki"}
    ${1000000}     | ${"invalidFormatDefaultsToExponent"} | ${"1e6"}
    ${1024 * 1024} | ${BinarySI}                          | ${"1Mi"}
    ${2n ** 70n}   | ${DecimalSI}                         | ${"1180591620717411303424"}
  `(
    "quantityFromValue($value, $format) prints $expected and re-parses to the value",
    ({ value, format, expected }) => {
      const result = quantityFromValue(value, format);
      expect(result.toString()).toBe(expected);
      expect(parseQuantity(expected).value()).toBe(BigInt(value));
    },
  );

  it.each`
    name                   | value
    ${"a fraction"}        | ${1.5}
    ${"an unsafe integer"} | ${2 ** 60}
    ${"NaN"}               | ${Number.NaN}
  `("rejects $name", ({ value }) => {
    expect(() => quantityFromMilli(value, DecimalSI)).toThrow(
      "a milli value must be a bigint or a safe integer",
    );
    expect(() => quantityFromValue(value, DecimalSI)).toThrow(
      "a quantity value must be a bigint or a safe integer",
    );
  });
});

describe("Quantity identity", () => {
  it("recognises quantities by a shared marker, not by class identity", () => {
    expect(isQuantity(parseQuantity("1"))).toBe(true);
    expect(isQuantity({ format: DecimalSI })).toBe(false);
    expect(isQuantity("1")).toBe(false);
    expect(isQuantity(null)).toBe(false);
  });

  it("deep-equals another quantity of the same value and format, whatever its spelling", () => {
    expect(parseQuantity("1.500k")).toEqual(parseQuantity("1500"));
    expect(parseQuantity("1Ki")).toEqual(quantityFromValue(1024, BinarySI));
    expect(parseQuantity("1Ki")).not.toEqual(parseQuantity("1024"));
    expect(parseQuantity("1")).not.toEqual(parseQuantity("2"));
  });

  it("rejects a constructor call without a bigint mantissa and safe exponent", () => {
    expect(() => new Quantity(1 as unknown as bigint, 0, DecimalSI)).toThrow(KubesimError);
    expect(() => new Quantity(1n, 0.5, DecimalSI)).toThrow(KubesimError);
  });
});
