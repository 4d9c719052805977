import { type FieldError, StatusError } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { parseSelector, parseSelectorRequirements } from "./parser.js";
import { labelValueRegexMessage, namePartRegexMessage } from "./test-messages.js";

function thrownBy(action: () => unknown): StatusError {
  try {
    action();
  } catch (error) {
    if (StatusError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a StatusError");
}

function summary(errors: readonly FieldError[]) {
  return errors.map(({ type, field, badValue, detail }) => ({ type, field, badValue, detail }));
}

describe("parseSelector accepts upstream's good strings (TestSelectorParse)", () => {
  const good = ["x=a,y=b,z=c", "", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x= ,z= ", "!x", "x>1", "x>1,z<5"];
  it.each(good)("%j prints back without its spaces", (text) => {
    expect(parseSelector(text).toString()).toBe(text.replaceAll(" ", ""));
  });

  it("parses in a deterministic order whatever the input order (TestDeterministicParse)", () => {
    expect(parseSelector("x=a,a=x").toString()).toBe("a=x,x=a");
    expect(parseSelector("a=x,x=a").toString()).toBe("a=x,x=a");
  });
});

describe("parseSelector builds upstream's requirements (TestSetSelectorParser)", () => {
  const cases: Array<{
    name: string;
    text: string;
    requirements: Array<[string, string, string[]]>;
    printed: string;
  }> = [
    { name: "the empty selector has no requirements", text: "", requirements: [], printed: "" },
    {
      name: "a leading carriage return is whitespace",
      text: "\rx",
      requirements: [["x", "exists", []]],
      printed: "x",
    },
    {
      name: "a prefixed key with dashes exists",
      text: "this-is-a-dns.domain.com/key-with-dash",
      requirements: [["this-is-a-dns.domain.com/key-with-dash", "exists", []]],
      printed: "this-is-a-dns.domain.com/key-with-dash",
    },
    {
      name: "a prefixed key takes an in set",
      text: "this-is-another-dns.domain.com/key-with-dash in (so,what)",
      requirements: [["this-is-another-dns.domain.com/key-with-dash", "in", ["so", "what"]]],
      printed: "this-is-another-dns.domain.com/key-with-dash in (so,what)",
    },
    {
      name: "numeric prefixes and dotted values are allowed",
      text: "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)",
      requirements: [["0.1.2.domain/99", "notin", ["10.10.100.1", "tick.tack.clock"]]],
      printed: "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)",
    },
    {
      name: "spaces and tabs around in are skipped",
      text: "foo  in\t (abc)",
      requirements: [["foo", "in", ["abc"]]],
      printed: "foo in (abc)",
    },
    {
      name: "a newline after notin is skipped",
      text: "x notin\n (abc)",
      requirements: [["x", "notin", ["abc"]]],
      printed: "x notin (abc)",
    },
    {
      name: "mixed tabs before the set are skipped",
      text: "x  notin\t\t\t(abc,def)",
      requirements: [["x", "notin", ["abc", "def"]]],
      printed: "x notin (abc,def)",
    },
    {
      name: "an in set keeps both values",
      text: "x in (abc,def)",
      requirements: [["x", "in", ["abc", "def"]]],
      printed: "x in (abc,def)",
    },
    {
      name: "a trailing comma adds the empty value",
      text: "x in (abc,)",
      requirements: [["x", "in", ["", "abc"]]],
      printed: "x in (,abc)",
    },
    {
      name: "empty parentheses hold the empty value",
      text: "x in ()",
      requirements: [["x", "in", [""]]],
      printed: "x in ()",
    },
    {
      name: "requirements are sorted by key and doubled commas add the empty value",
      text: "x notin (abc,,def),bar,z in (),w",
      requirements: [
        ["bar", "exists", []],
        ["w", "exists", []],
        ["x", "notin", ["", "abc", "def"]],
        ["z", "in", [""]],
      ],
      printed: "bar,w,x notin (,abc,def),z in ()",
    },
    {
      name: "an exists requirement sorts before a later key",
      text: "x,y in (a)",
      requirements: [
        ["x", "exists", []],
        ["y", "in", ["a"]],
      ],
      printed: "x,y in (a)",
    },
    { name: "equals takes one value", text: "x=a", requirements: [["x", "=", ["a"]]], printed: "x=a" },
    {
      name: "greater than takes an integer",
      text: "x>1",
      requirements: [["x", "gt", ["1"]]],
      printed: "x>1",
    },
    { name: "less than takes an integer", text: "x<7", requirements: [["x", "lt", ["7"]]], printed: "x<7" },
    {
      name: "equals and not-equals combine",
      text: "x=a,y!=b",
      requirements: [
        ["x", "=", ["a"]],
        ["y", "!=", ["b"]],
      ],
      printed: "x=a,y!=b",
    },
    {
      name: "three kinds of requirement combine",
      text: "x=a,y!=b,z in (h,i,j)",
      requirements: [
        ["x", "=", ["a"]],
        ["y", "!=", ["b"]],
        ["z", "in", ["h", "i", "j"]],
      ],
      printed: "x=a,y!=b,z in (h,i,j)",
    },
    {
      name: "a space inside empty parentheses is ignored",
      text: "x notin ( )",
      requirements: [["x", "notin", [""]]],
      printed: "x notin ()",
    },
    {
      name: "a leading comma adds the empty value",
      text: "x notin (, a)",
      requirements: [["x", "notin", ["", "a"]]],
      printed: "x notin (,a)",
    },
    {
      name: "a trailing space after a key is ignored",
      text: "a ",
      requirements: [["a", "exists", []]],
      printed: "a",
    },
    {
      name: "in and notin are plain values inside a set",
      text: "a in (x,y,notin, z,in)",
      requirements: [["a", "in", ["in", "notin", "x", "y", "z"]]],
      printed: "a in (in,notin,x,y,z)",
    },
    {
      name: "notin and in are plain words around =",
      text: "notin=in",
      requirements: [["notin", "=", ["in"]]],
      printed: "notin=in",
    },
    {
      name: "a key may be spelled in",
      text: "in in (in)",
      requirements: [["in", "in", ["in"]]],
      printed: "in in (in)",
    },
    {
      name: "duplicate values collapse",
      text: "x in (b,a,b)",
      requirements: [["x", "in", ["a", "b"]]],
      printed: "x in (a,b)",
    },
    { name: "double equals is kept", text: "x==a", requirements: [["x", "==", ["a"]]], printed: "x==a" },
    {
      name: "a does-not-exist requirement",
      text: "!x, y",
      requirements: [
        ["x", "!", []],
        ["y", "exists", []],
      ],
      printed: "!x,y",
    },
    {
      name: "equals before a comma means the empty value",
      text: "x=,y",
      requirements: [
        ["x", "=", [""]],
        ["y", "exists", []],
      ],
      printed: "x=,y",
    },
    {
      name: "requirements with the same key keep their input order",
      text: "z,x!=b,x=a",
      requirements: [
        ["x", "!=", ["b"]],
        ["x", "=", ["a"]],
        ["z", "exists", []],
      ],
      printed: "x!=b,x=a,z",
    },
  ];
  it.each(cases)("$name", ({ text, requirements, printed }) => {
    const selector = parseSelector(text);
    expect(
      selector
        .requirements()
        .map((requirement) => [requirement.key, requirement.operator, requirement.values]),
    ).toEqual(requirements);
    expect(selector.toString()).toBe(printed);
    expect(parseSelectorRequirements(text).map(String)).toEqual(selector.requirements().map(String));
  });
});

describe("parseSelector rejects bad strings with upstream's messages", () => {
  const syntax: Array<{ name: string; text: string; message: string; detail?: string }> = [
    {
      name: "a value may not contain another operator",
      text: "x==a==b",
      message: "found '==', expected: ',' or 'end of string'",
    },
    {
      name: "a negated key may not take a value",
      text: "!x=a",
      message: "found '=', expected: ',' or 'end of string'",
    },
    { name: "two commas in a row", text: "x,,y", message: "found ',', expected: identifier after ','" },
    {
      name: "a leading comma",
      text: ",x,y",
      message: "found ',', expected: !, identifier, or 'end of string'",
    },
    {
      name: "a misspelled operator",
      text: "x nott in (y)",
      message: "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt",
    },
    { name: "a trailing comma", text: "a in (xyz),", message: "found '', expected: identifier after ','" },
    {
      name: "a missing comma after a set",
      text: "a in (xyz)b notin ()",
      message: "found 'b', expected: ',' or 'end of string'",
    },
    {
      name: "a missing comma inside a set",
      text: "a in (xyz abc)",
      message: "unable to parse requirement: found 'abc', expected: ',' or ')'",
    },
    {
      name: "an unclosed set",
      text: "a notin(",
      message: "unable to parse requirement: found '', expected: ',', ')' or identifier",
    },
    {
      name: "a parenthesis instead of an operator",
      text: "a (",
      message: "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt",
    },
    {
      name: "a parenthesis instead of a key",
      text: "(",
      message: "found '(', expected: !, identifier, or 'end of string'",
    },
    {
      name: "in without a set",
      text: "x in",
      message: "unable to parse requirement: found '' expected: '('",
    },
    {
      name: "in followed by a word",
      text: "x in a",
      message: "unable to parse requirement: found 'a' expected: '('",
    },
    {
      name: "a set ending after a comma",
      text: "x in (,",
      message: "unable to parse requirement: found '', expected: ',', or identifier",
    },
    {
      name: "a set holding an operator",
      text: "x in (=)",
      message: "unable to parse requirement: found '=', expected: ',', ')' or identifier",
    },
    {
      name: "a set holding an operator after a comma",
      text: "x in (a,=)",
      message: "unable to parse requirement: found '=', expected: ',', or identifier",
    },
    {
      name: "a lone bang",
      text: "!",
      message: "unable to parse requirement: found '', expected: identifier",
    },
    {
      name: "a bang before a comma",
      text: "!,x",
      message: "unable to parse requirement: found ',', expected: identifier",
    },
    {
      name: "a trailing bang",
      text: "x=a,!",
      message: "unable to parse requirement: found '', expected: identifier",
    },
    {
      name: "greater-or-equal is not an operator",
      text: "x>=1",
      message: "unable to parse requirement: found '=', expected: identifier",
    },
    {
      name: "an exact value may not be a parenthesis",
      text: "x=(",
      message: "unable to parse requirement: found '(', expected: identifier",
    },
    {
      name: "two words in a row",
      text: "bad key=1",
      message: "unable to parse requirement: found 'key', expected: in, notin, =, ==, !=, gt, lt",
    },
    {
      name: "a value followed by a word",
      text: "x=a b",
      message: "found 'b', expected: ',' or 'end of string'",
    },
    {
      name: "words after a NUL character are still read",
      text: "x\u0000y=1",
      message: "unable to parse requirement: found 'y', expected: in, notin, =, ==, !=, gt, lt",
    },
  ];
  it.each(syntax)("$name", ({ text, message }) => {
    const error = thrownBy(() => parseSelector(text));
    expect(error.message).toBe(message);
    expect(error.reason).toBe("BadRequest");
    expect(error.code).toBe(400);
    expect(summary(error.errors)).toEqual([
      {
        type: "FieldValueInvalid",
        field: "",
        badValue: text,
        detail: message.replace("unable to parse requirement: ", ""),
      },
    ]);
  });

  const validation: Array<{
    name: string;
    text: string;
    message: string;
    errors: Array<{ type: string; field: string; badValue: unknown; detail: string }>;
  }> = [
    {
      name: "pipes make an invalid value (upstream's x=a||y=b)",
      text: "x=a||y=b",
      message: `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${labelValueRegexMessage}`,
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values[0][x]",
          badValue: "a||y",
          detail: labelValueRegexMessage,
        },
      ],
    },
    {
      name: "less than a word is not an integer",
      text: "x<a",
      message:
        "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values[0]",
          badValue: "a",
          detail: "for 'Gt', 'Lt' operators, the value must be an integer",
        },
      ],
    },
    {
      name: "greater than nothing compares with the empty value",
      text: "x>",
      message:
        "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer",
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values[0]",
          badValue: "",
          detail: "for 'Gt', 'Lt' operators, the value must be an integer",
        },
      ],
    },
    {
      name: "an invalid key is reported at upstream's nil path",
      text: "-x",
      message: `unable to parse requirement: <nil>: Invalid value: "-x": ${namePartRegexMessage}`,
      errors: [{ type: "FieldValueInvalid", field: "<nil>", badValue: "-x", detail: namePartRegexMessage }],
    },
    {
      name: "an invalid value in a set is indexed in sorted order",
      text: "k in (a,B@)",
      message: `unable to parse requirement: values[0][k]: Invalid value: "B@": ${labelValueRegexMessage}`,
      errors: [
        { type: "FieldValueInvalid", field: "values[0][k]", badValue: "B@", detail: labelValueRegexMessage },
      ],
    },
    {
      name: "a value over 63 characters is too long",
      text: `x=${"a".repeat(64)}`,
      message: `unable to parse requirement: values[0][x]: Invalid value: "${"a".repeat(64)}": must be no more than 63 characters`,
      errors: [
        {
          type: "FieldValueInvalid",
          field: "values[0][x]",
          badValue: "a".repeat(64),
          detail: "must be no more than 63 characters",
        },
      ],
    },
  ];
  it.each(validation)("$name", ({ text, message, errors }) => {
    const error = thrownBy(() => parseSelector(text));
    expect(error.message).toBe(message);
    expect(summary(error.errors)).toEqual(errors);
  });

  it("prefixes requirement errors with the given path, the key error taking the path itself", () => {
    const keyError = thrownBy(() => parseSelector("-x", { path: "spec.selector" }));
    expect(keyError.message).toBe(
      `unable to parse requirement: spec.selector: Invalid value: "-x": ${namePartRegexMessage}`,
    );
    const valueError = thrownBy(() => parseSelector("x<a", { path: "spec.selector" }));
    expect(valueError.errors.map((error) => error.field)).toEqual(["spec.selector.values[0]"]);
  });
});
