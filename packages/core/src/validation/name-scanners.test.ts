import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Length } from "./field-reader.js";
import {
  scansAsDns1035Label,
  scansAsDns1123Label,
  scansAsDns1123Subdomain,
  scansAsLabelValue,
  scansAsQualifiedName,
} from "./name-scanners.js";

// Upstream's formats and limits, checked the slow way.
const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1035Label = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

function referenceSubdomain(value: string): boolean {
  return utf8Length(value) <= 253 && dns1123Subdomain.test(value);
}

function referenceQualifiedName(value: string): boolean {
  const parts = value.split("/");
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1] ?? "";
  if (parts.length === 2 && !referenceSubdomain(parts[0] ?? "")) return false;
  return utf8Length(name) <= 63 && qualifiedNamePart.test(name);
}

const references: Array<{
  name: string;
  scan: (value: string) => boolean;
  reference: (value: string) => boolean;
}> = [
  { name: "qualified names", scan: scansAsQualifiedName, reference: referenceQualifiedName },
  {
    name: "label values",
    scan: scansAsLabelValue,
    reference: (value) => value === "" || (utf8Length(value) <= 63 && qualifiedNamePart.test(value)),
  },
  {
    name: "DNS-1123 labels",
    scan: scansAsDns1123Label,
    reference: (value) => utf8Length(value) <= 63 && dns1123Label.test(value),
  },
  { name: "DNS-1123 subdomains", scan: scansAsDns1123Subdomain, reference: referenceSubdomain },
  {
    name: "DNS-1035 labels",
    scan: scansAsDns1035Label,
    reference: (value) => utf8Length(value) <= 63 && dns1035Label.test(value),
  },
];

/** Strings over the characters that matter to the formats, of lengths around the limits. */
const nameLike = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "Z", "0", "-", "_", ".", "/", "é", "\n"), maxLength: 12 }),
  fc
    .tuple(fc.integer({ min: 60, max: 66 }), fc.integer({ min: 0, max: 260 }), fc.boolean())
    .map(([nameLength, prefixLength, slash]) =>
      slash ? `${"a".repeat(prefixLength)}/${"b".repeat(nameLength)}` : "c".repeat(prefixLength),
    ),
);

describe.each(references)("The scanner of $name", ({ scan, reference }) => {
  it("agrees with the upstream regular expression and length limit", () => {
    fc.assert(
      fc.property(nameLike, (value) => {
        expect(scan(value)).toBe(reference(value));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("name scanners on typical values", () => {
  it.each([
    {
      name: "A prefixed label key is a qualified name",
      scan: scansAsQualifiedName,
      value: "kubernetes.io/hostname",
      want: true,
    },
    {
      name: "An empty prefix is not a qualified name",
      scan: scansAsQualifiedName,
      value: "/name",
      want: false,
    },
    { name: "Two slashes are not a qualified name", scan: scansAsQualifiedName, value: "a/b/c", want: false },
    {
      name: "A prefix with a dot next to a dash is not a qualified name",
      scan: scansAsQualifiedName,
      value: "a-.b/c",
      want: false,
    },
    { name: "An empty label value is valid", scan: scansAsLabelValue, value: "", want: true },
    { name: "A label value may not end with a dot", scan: scansAsLabelValue, value: "v1.", want: false },
    {
      name: "A node name with dots is a subdomain",
      scan: scansAsDns1123Subdomain,
      value: "node-1.example.com",
      want: true,
    },
    {
      name: "Two dots in a row are not a subdomain",
      scan: scansAsDns1123Subdomain,
      value: "a..b",
      want: false,
    },
    { name: "A label may not hold a dot", scan: scansAsDns1123Label, value: "a.b", want: false },
    {
      name: "A DNS-1035 label may not start with a digit",
      scan: scansAsDns1035Label,
      value: "1abc",
      want: false,
    },
    { name: "A non-ASCII letter fails every scanner", scan: scansAsLabelValue, value: "café", want: false },
  ])("$name", ({ scan, value, want }) => {
    expect(scan(value)).toBe(want);
  });
});
