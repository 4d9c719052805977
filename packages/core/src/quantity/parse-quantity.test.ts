import { describe, expect, it } from "vitest";
import { mustParseQuantity, parseQuantity } from "./parse-quantity.js";
import { Quantity } from "./quantity.js";
import { QuantityFormat as Formats, type QuantityFormat } from "./quantity-format.js";
import { QuantityParseError, quantityParseErrorMessages } from "./quantity-parse-error.js";

const { DecimalSI, BinarySI, DecimalExponent } = Formats;
const maxInt64 = 9_223_372_036_854_775_807n;

interface ParseCase {
  input: string;
  unscaled: bigint;
  exponent: number;
  format: QuantityFormat;
}

function row(input: string, unscaled: bigint, exponent: number, format: QuantityFormat): ParseCase {
  return { input, unscaled, exponent, format };
}

// Upstream quantity_test.go TestQuantityParse: input, expected value (unscaled, exponent), format.
const upstreamParseCases: ParseCase[] = [
  row("0", 0n, 0, DecimalSI),
  row("0n", 0n, 0, DecimalSI),
  row("0u", 0n, 0, DecimalSI),
  row("0m", 0n, 0, DecimalSI),
  row("0Ki", 0n, 0, BinarySI),
  row("0k", 0n, 0, DecimalSI),
  row("0Mi", 0n, 0, BinarySI),
  row("0M", 0n, 0, DecimalSI),
  row("0Gi", 0n, 0, BinarySI),
  row("0G", 0n, 0, DecimalSI),
  row("0Ti", 0n, 0, BinarySI),
  row("0T", 0n, 0, DecimalSI),
  row("1", 1n, 0, DecimalSI),
  row("1Ki", 1024n, 0, BinarySI),
  row("8Ki", 8n * 1024n, 0, BinarySI),
  row("7Mi", 7n * 1024n ** 2n, 0, BinarySI),
  row("6Gi", 6n * 1024n ** 3n, 0, BinarySI),
  row("5Ti", 5n * 1024n ** 4n, 0, BinarySI),
  row("4Pi", 4n * 1024n ** 5n, 0, BinarySI),
  row("3Ei", 3n * 1024n ** 6n, 0, BinarySI),
  row("10Ti", 10n * 1024n ** 4n, 0, BinarySI),
  row("100Ti", 100n * 1024n ** 4n, 0, BinarySI),
  row("5n", 5n, -9, DecimalSI),
  row("4u", 4n, -6, DecimalSI),
  row("3m", 3n, -3, DecimalSI),
  row("9", 9n, 0, DecimalSI),
  row("8k", 8n, 3, DecimalSI),
  row("50k", 5n, 4, DecimalSI),
  row("7M", 7n, 6, DecimalSI),
  row("6G", 6n, 9, DecimalSI),
  row("5T", 5n, 12, DecimalSI),
  row("40T", 4n, 13, DecimalSI),
  row("300T", 3n, 14, DecimalSI),
  row("2P", 2n, 15, DecimalSI),
  row("1E", 1n, 18, DecimalSI),
  row("1E-3", 1n, -3, DecimalExponent),
  row("1e3", 1n, 3, DecimalExponent),
  row("1E6", 1n, 6, DecimalExponent),
  row("1e9", 1n, 9, DecimalExponent),
  row("1E12", 1n, 12, DecimalExponent),
  row("1e15", 1n, 15, DecimalExponent),
  row("1E18", 1n, 18, DecimalExponent),
  row("1e14", 1n, 14, DecimalExponent),
  row("1e13", 1n, 13, DecimalExponent),
  row("100.035k", 100035n, 0, DecimalSI),
  row("0.001", 1n, -3, DecimalSI),
  row("0.0005k", 5n, -1, DecimalSI),
  row("0.005", 5n, -3, DecimalSI),
  row("0.05", 5n, -2, DecimalSI),
  row("0.5", 5n, -1, DecimalSI),
  row("0.00050k", 5n, -1, DecimalSI),
  row("0.00500", 5n, -3, DecimalSI),
  row("0.05000", 5n, -2, DecimalSI),
  row("0.50000", 5n, -1, DecimalSI),
  row("0.5e0", 5n, -1, DecimalExponent),
  row("0.5e-1", 5n, -2, DecimalExponent),
  row("0.5e-2", 5n, -3, DecimalExponent),
  row("10.035M", 10035n, 3, DecimalSI),
  row("1.2e3", 12n, 2, DecimalExponent),
  row("1.3E+6", 13n, 5, DecimalExponent),
  row("1.40e9", 14n, 8, DecimalExponent),
  row("1.53E12", 153n, 10, DecimalExponent),
  row("1.6e15", 16n, 14, DecimalExponent),
  row("1.7E18", 17n, 17, DecimalExponent),
  row("9.01", 901n, -2, DecimalSI),
  row("8.1k", 81n, 2, DecimalSI),
  row("7.123456M", 7123456n, 0, DecimalSI),
  row("6.987654321G", 6987654321n, 0, DecimalSI),
  row("5.444T", 5444n, 9, DecimalSI),
  row("40.1T", 401n, 11, DecimalSI),
  row("300.2T", 3002n, 11, DecimalSI),
  row("2.5P", 25n, 14, DecimalSI),
  row("1.01E", 101n, 16, DecimalSI),
  row("3.001n", 4n, -9, DecimalSI),
  row("1.1E-9", 2n, -9, DecimalExponent),
  row("0.0000000001", 1n, -9, DecimalSI),
  row("0.0000000005", 1n, -9, DecimalSI),
  row("0.00000000050", 1n, -9, DecimalSI),
  row("0.5e-9", 1n, -9, DecimalExponent),
  row("0.9n", 1n, -9, DecimalSI),
  row("0.00000012345", 124n, -9, DecimalSI),
  row("0.00000012354", 124n, -9, DecimalSI),
  row("9Ei", maxInt64, 0, BinarySI),
  row("9223372036854775807Ki", maxInt64, 0, BinarySI),
  row("12E", 12n, 18, DecimalSI),
  row("100.035Ki", 10243584n, -2, BinarySI),
  row("0.5Mi", 512n * 1024n, 0, BinarySI),
  row("0.05Gi", 536870912n, -1, BinarySI),
  row("0.025Ti", 274877906944n, -1, BinarySI),
  row("0.000000000001Ki", 2n, -9, DecimalSI),
  row(".001", 1n, -3, DecimalSI),
  row(".0001k", 100n, -3, DecimalSI),
  row("1.", 1n, 0, DecimalSI),
  row("1.G", 1n, 9, DecimalSI),
];

function expectSameValue(actual: Quantity, expected: Quantity): void {
  expect(actual.cmp(expected), `${actual} compared with ${expected}`).toBe(0);
}

describe("parseQuantity", () => {
  it.each(upstreamParseCases)("parses $input to the upstream value and format", (testCase) => {
    const parsed = parseQuantity(testCase.input);
    expectSameValue(parsed, new Quantity(testCase.unscaled, testCase.exponent, testCase.format));
    expect(parsed.format).toBe(testCase.format);
  });

  it.each(upstreamParseCases)("parses -$input to the negated value in the same format", (testCase) => {
    const parsed = parseQuantity(`-${testCase.input}`);
    expectSameValue(parsed, new Quantity(-testCase.unscaled, testCase.exponent, testCase.format));
    expect(parsed.format).toBe(testCase.format);
  });

  it.each(upstreamParseCases)("parses +$input to the same value and format", (testCase) => {
    const parsed = parseQuantity(`+${testCase.input}`);
    expectSameValue(parsed, new Quantity(testCase.unscaled, testCase.exponent, testCase.format));
    expect(parsed.format).toBe(testCase.format);
  });

  it.each`
    input                          | expected                       | format
    ${"."}                         | ${"0"}                         | ${DecimalSI}
    ${"-."}                        | ${"0"}                         | ${DecimalSI}
    ${"-"}                         | ${"0"}                         | ${DecimalSI}
    ${"+"}                         | ${"0"}                         | ${DecimalSI}
    ${"k"}                         | ${"0"}                         | ${DecimalSI}
    ${"Ki"}                        | ${"0"}                         | ${BinarySI}
    ${"e5"}                        | ${"0"}                         | ${DecimalExponent}
    ${"0Pi"}                       | ${"0"}                         | ${BinarySI}
    ${"000"}                       | ${"0"}                         | ${DecimalSI}
    ${"-0"}                        | ${"0"}                         | ${DecimalSI}
    ${"007"}                       | ${"007"}                       | ${DecimalSI}
    ${"+1"}                        | ${"+1"}                        | ${DecimalSI}
    ${"1E3"}                       | ${"1E3"}                       | ${DecimalExponent}
    ${"1.500k"}                    | ${"1.500k"}                    | ${DecimalSI}
    ${"1.001"}                     | ${"1.001"}                     | ${DecimalSI}
    ${"1.5k"}                      | ${"1500"}                      | ${DecimalSI}
    ${"1.44"}                      | ${"1440m"}                     | ${DecimalSI}
    ${"1024Ki"}                    | ${"1Mi"}                       | ${BinarySI}
    ${"9Ki"}                       | ${"9Ki"}                       | ${BinarySI}
    ${"1.5Gi"}                     | ${"1536Mi"}                    | ${BinarySI}
    ${"1.1Gi"}                     | ${"1181116006400m"}            | ${BinarySI}
    ${"0.5Ki"}                     | ${"512"}                       | ${BinarySI}
    ${"1e-7"}                      | ${"100e-9"}                    | ${DecimalExponent}
    ${"12345678901234567890"}      | ${"12345678901234567890"}      | ${DecimalSI}
    ${"-12345678901234567890123m"} | ${"-12345678901234567890123m"} | ${DecimalSI}
  `("parses $input and prints it as $expected", ({ input, expected, format }) => {
    const parsed = parseQuantity(input);
    expect(parsed.format).toBe(format);
    expect(parsed.toString()).toBe(expected);
  });

  // Upstream parses the exponent as int64, truncates it to int32 and does int32 scale arithmetic.
  it.each`
    name                                                                        | input                | expected            | value
    ${"an exponent of 2^32 truncates to 0 and keeps the input as its form"}     | ${"1e4294967296"}    | ${"1e4294967296"}   | ${new Quantity(1n, 0, DecimalExponent)}
    ${"the largest int32 exponent is kept exactly"}                             | ${"2e2147483647"}    | ${"20e2147483646"}  | ${new Quantity(2n, 2147483647, DecimalExponent)}
    ${"one fraction digit below the smallest int32 scale wraps to the largest"} | ${"0.1e-2147483648"} | ${"10e2147483646"}  | ${new Quantity(1n, 2147483647, DecimalExponent)}
    ${"negating the smallest int32 exponent wraps back to itself"}              | ${"1e-2147483648"}   | ${"100e2147483646"} | ${new Quantity(1n, 2147483648, DecimalExponent)}
  `("$name", ({ input, expected, value }) => {
    const parsed = parseQuantity(input);
    expect(parsed.toString()).toBe(expected);
    expectSameValue(parsed, value);
  });
});

describe("parseQuantity errors", () => {
  it.each`
    name                                                                        | input                      | reason
    ${"an empty string is malformed"}                                           | ${""}                      | ${"FormatWrong"}
    ${"a second decimal point is malformed"}                                    | ${"1.1.M"}                 | ${"FormatWrong"}
    ${"a sign inside the number is malformed"}                                  | ${"1+1.0M"}                | ${"FormatWrong"}
    ${"a letter outside the suffix alphabet is malformed"}                      | ${"0.1am"}                 | ${"FormatWrong"}
    ${"a word is malformed"}                                                    | ${"aoeu"}                  | ${"FormatWrong"}
    ${"leading whitespace is malformed"}                                        | ${" 1"}                    | ${"FormatWrong"}
    ${"trailing whitespace is malformed"}                                       | ${"1 "}                    | ${"FormatWrong"}
    ${"a second exponent is malformed"}                                         | ${"5e5e5"}                 | ${"FormatWrong"}
    ${"a unit name is malformed"}                                               | ${"1GB"}                   | ${"FormatWrong"}
    ${"a lowercase binary suffix is an unknown suffix"}                         | ${"0.1mi"}                 | ${"Suffix"}
    ${"a bare i after a fraction is an unknown suffix"}                         | ${".5i"}                   | ${"Suffix"}
    ${"a bare i is an unknown suffix"}                                          | ${"1i"}                    | ${"Suffix"}
    ${"a bare i after a negative number is an unknown suffix"}                  | ${"-3.01i"}                | ${"Suffix"}
    ${"an exponent with a sign but no digits is an unknown suffix"}             | ${"-3.01e-"}               | ${"Suffix"}
    ${"a lone lowercase e is an unknown suffix"}                                | ${"1e"}                    | ${"Suffix"}
    ${"two exponent letters are an unknown suffix"}                             | ${"1Ee5"}                  | ${"Suffix"}
    ${"digits after a binary suffix are an unknown suffix"}                     | ${"1Ki5"}                  | ${"Suffix"}
    ${"an exponent beyond int64 is an unknown suffix"}                          | ${"1e9223372036854775808"} | ${"Suffix"}
    ${"a lowercase k with i is an unknown suffix"}                              | ${"1ki"}                   | ${"Suffix"}
    ${"a fine exponent with no digits at all is not numeric"}                   | ${"e-20"}                  | ${"Numeric"}
    ${"a lone point with a fine exponent is not numeric"}                       | ${".e-10"}                 | ${"Numeric"}
    ${"a sign and point with a fine exponent is not numeric"}                   | ${"-.e-10"}                | ${"Numeric"}
    ${"a bare Pi suffix takes the arbitrary precision path and is not numeric"} | ${"Pi"}                    | ${"Numeric"}
    ${"a bare Ei suffix after a point is not numeric"}                          | ${".Ei"}                   | ${"Numeric"}
  `("$name: $input", ({ input, reason }) => {
    let caught: unknown;
    try {
      parseQuantity(input);
    } catch (error) {
      caught = error;
    }
    expect(QuantityParseError.isInstance(caught)).toBe(true);
    const error = caught as QuantityParseError;
    expect(error.reason).toBe(reason);
    expect(error.input).toBe(input);
    expect(error.name).toBe("QuantityParseError");
    expect(error.message).toBe(quantityParseErrorMessages[reason as QuantityParseError["reason"]]);
  });

  it.each`
    reason           | message
    ${"FormatWrong"} | ${"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"}
    ${"Numeric"}     | ${"unable to parse numeric part of quantity"}
    ${"Suffix"}      | ${"unable to parse quantity's suffix"}
  `("uses upstream's exact message for $reason", ({ reason, message }) => {
    expect(new QuantityParseError(reason, "x").message).toBe(message);
  });

  it("mustParseQuantity throws the same error as parseQuantity", () => {
    expect(() => mustParseQuantity("Non-Numeric")).toThrow(
      new QuantityParseError("FormatWrong", "Non-Numeric"),
    );
    expect(mustParseQuantity("1Gi").toString()).toBe("1Gi");
  });

  it.each`
    name                        | input
    ${"a boolean is malformed"} | ${true}
    ${"an object is malformed"} | ${{ toString: 1 }}
    ${"undefined is malformed"} | ${undefined}
  `("$name at run time, without calling into the value", ({ input }) => {
    expect(() => parseQuantity(input as string)).toThrow(quantityParseErrorMessages.FormatWrong);
  });
});

describe("parseQuantity with JSON numbers", () => {
  it.each`
    name                                                                  | input        | expected
    ${"an integer is parsed from its decimal spelling"}                   | ${1}         | ${"1"}
    ${"a negative integer keeps its sign"}                                | ${-1}        | ${"-1"}
    ${"a fraction becomes milli units"}                                   | ${1.5}       | ${"1500m"}
    ${"a tenth becomes 100m"}                                             | ${0.1}       | ${"100m"}
    ${"negative zero is zero"}                                            | ${-0}        | ${"0"}
    ${"a float sum keeps its binary error, rounded up to a nano"}         | ${0.1 + 0.2} | ${"300000001n"}
    ${"a large number uses the JSON exponent spelling, kept as written"}  | ${1e21}      | ${"1e+21"}
    ${"a tiny number uses the JSON exponent spelling"}                    | ${1e-7}      | ${"100e-9"}
    ${"an integer beyond 2^53 is parsed from its shortest JSON spelling"} | ${2 ** 60}   | ${"1152921504606847k"}
  `("$name", ({ input, expected }) => {
    expect(parseQuantity(input).toString()).toBe(expected);
  });

  it.each`
    name                        | input
    ${"NaN is malformed"}       | ${Number.NaN}
    ${"Infinity is malformed"}  | ${Number.POSITIVE_INFINITY}
    ${"-Infinity is malformed"} | ${Number.NEGATIVE_INFINITY}
  `("$name", ({ input }) => {
    expect(() => parseQuantity(input)).toThrow(new QuantityParseError("FormatWrong", String(input)));
  });
});

describe("parseQuantity of a recently parsed text", () => {
  it.each`
    name                                                                 | first       | again
    ${"A text parsed twice gives the same value and printed form"}       | ${"1.500k"} | ${"1.500k"}
    ${"A JSON number gives the quantity of its spelling, parsed or not"} | ${"0.5"}    | ${0.5}
    ${"A text parsed after its number spelling gives the same quantity"} | ${1024}     | ${"1024"}
  `("$name", ({ first, again }: { first: string | number; again: string | number }) => {
    const earlier = parseQuantity(first);
    const later = parseQuantity(again);
    expect(later.cmp(earlier)).toBe(0);
    expect(later.format).toBe(earlier.format);
    expect(later.toString()).toBe(earlier.toString());
  });

  it("throws again for a malformed text it failed on before", () => {
    expect(() => parseQuantity("12 Mi")).toThrow(QuantityParseError);
    expect(() => parseQuantity("12 Mi")).toThrow(quantityParseErrorMessages.FormatWrong);
  });

  it("parses every text right while more texts pass through than it remembers", () => {
    for (let index = 0; index < 3000; index++) {
      expect(parseQuantity(`${index}m`).milliValue()).toBe(BigInt(index));
    }
    expect(parseQuantity("0m").toString()).toBe("0");
    expect(parseQuantity("2999m").toString()).toBe("2999m");
  });
});
