import { describe, expect, it } from "vitest";
import {
  isDns1035Label,
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  nameIsDnsSubdomain,
} from "./name-predicates.js";

const labelRegex =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const subdomainRegex =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const nameRegex =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValueRegex =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe("isDns1123Label", () => {
  it.each([
    { name: "A lower-case name with a dash is a label", value: "my-name", want: [] },
    { name: "A name of 63 characters is a label", value: "a".repeat(63), want: [] },
    {
      name: "A name of 64 characters is too long",
      value: "a".repeat(64),
      want: ["must be no more than 63 characters"],
    },
    {
      name: "A name with a dot is a subdomain, not a label",
      value: "my.name",
      want: ["must not contain dots"],
    },
    { name: "An upper-case name fails the label regex", value: "MyName", want: [labelRegex] },
    { name: "An empty name fails the label regex", value: "", want: [labelRegex] },
    {
      name: "A long name with dots is reported too long and with dots",
      value: `${"a".repeat(40)}.${"b".repeat(40)}`,
      want: ["must be no more than 63 characters", "must not contain dots"],
    },
    {
      name: "Length counts UTF-8 bytes as Go does",
      value: "é".repeat(32),
      want: ["must be no more than 63 characters", labelRegex],
    },
  ])("$name", ({ value, want }) => {
    expect(isDns1123Label(value)).toEqual(want);
  });
});

describe("isDns1123Subdomain", () => {
  it.each([
    { name: "A dotted lower-case name is a subdomain", value: "example.com", want: [] },
    { name: "A name ending in a dot is not a subdomain", value: "example.", want: [subdomainRegex] },
    {
      name: "A name of 254 characters is too long",
      value: "a".repeat(254),
      want: ["must be no more than 253 characters"],
    },
  ])("$name", ({ value, want }) => {
    expect(isDns1123Subdomain(value)).toEqual(want);
  });
});

describe("isDns1035Label", () => {
  it("A label starting with a digit is not a DNS-1035 label", () => {
    expect(isDns1035Label("1abc")).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
});

describe("isQualifiedName", () => {
  it.each([
    { name: "A plain name is qualified", value: "MyName", want: [] },
    { name: "A prefixed name is qualified", value: "example.com/my-name", want: [] },
    {
      name: "An empty name is reported empty and against the regex",
      value: "",
      want: ["name part must be non-empty", `name part ${nameRegex}`],
    },
    { name: "An empty prefix is reported", value: "/name", want: ["prefix part must be non-empty"] },
    {
      name: "An invalid prefix is reported as a subdomain",
      value: "Example/name",
      want: [`prefix part ${subdomainRegex}`],
    },
    {
      name: "Two slashes are not a qualified name",
      value: "a/b/c",
      want: [
        `a qualified name ${nameRegex} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    },
    {
      name: "A name part of 64 characters is too long",
      value: `x/${"n".repeat(64)}`,
      want: ["name part must be no more than 63 characters"],
    },
  ])("$name", ({ value, want }) => {
    expect(isQualifiedName(value)).toEqual(want);
  });
});

describe("isValidLabelValue", () => {
  it.each([
    { name: "An empty value is valid", value: "", want: [] },
    { name: "A value with dots, dashes and underscores is valid", value: "my_value-1.0", want: [] },
    { name: "A value ending in a dash is invalid", value: "web-", want: [labelValueRegex] },
    {
      name: "A value of 64 characters is too long",
      value: "v".repeat(64),
      want: ["must be no more than 63 characters"],
    },
  ])("$name", ({ value, want }) => {
    expect(isValidLabelValue(value)).toEqual(want);
  });
});

describe("ports and percents", () => {
  it.each([
    { name: "Port 1 is valid", port: 1, want: [] },
    { name: "Port 65535 is valid", port: 65535, want: [] },
    { name: "Port 0 is out of range", port: 0, want: ["must be between 1 and 65535, inclusive"] },
    { name: "Port 65536 is out of range", port: 65536, want: ["must be between 1 and 65535, inclusive"] },
  ])("$name", ({ port, want }) => {
    expect(isValidPortNum(port)).toEqual(want);
  });

  it.each([
    { name: "A short lower-case name is a valid port name", value: "http", want: [] },
    {
      name: "A port name of 16 characters is too long",
      value: "abcdefghijklmnop",
      want: ["must be no more than 15 characters"],
    },
    {
      name: "A port name with upper case and no letter rules is reported for each rule",
      value: "-HTTP--",
      want: [
        "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
        "must contain at least one letter (a-z)",
        "must not contain consecutive hyphens",
        "must not begin or end with a hyphen",
      ],
    },
    {
      name: "A numeric port name needs a letter",
      value: "8080",
      want: ["must contain at least one letter (a-z)"],
    },
  ])("$name", ({ value, want }) => {
    expect(isValidPortName(value)).toEqual(want);
  });

  it.each`
    value     | valid
    ${"0%"}   | ${true}
    ${"100%"} | ${true}
    ${"5"}    | ${false}
    ${"-5%"}  | ${false}
    ${"5.5%"} | ${false}
  `("The percent string $value is valid: $valid", ({ value, valid }) => {
    expect(isValidPercent(value).length === 0).toBe(valid);
  });
});

describe("environment variable names and generated names", () => {
  it.each([
    { name: "A printable ASCII name is valid under the relaxed rule", value: "1.MY-VAR", want: [] },
    {
      name: "A name with = is invalid",
      value: "A=B",
      want: [
        "a valid environment variable name must consist only of printable ASCII characters other than '='",
      ],
    },
  ])("$name", ({ value, want }) => {
    expect(isRelaxedEnvVarName(value)).toEqual(want);
  });

  it("A generateName prefix may end in a dash", () => {
    expect(nameIsDnsSubdomain("web-", true)).toEqual([]);
    expect(nameIsDnsSubdomain("web-", false)).toEqual([subdomainRegex]);
  });
});
