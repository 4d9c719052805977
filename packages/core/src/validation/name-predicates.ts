/**
 * The string predicates of apimachinery's `util/validation`: each returns the list of
 * problems with the value, worded exactly as upstream words them, or `[]` when valid.
 * Lengths are counted in UTF-8 bytes, as Go's `len()` does. Valid values are recognised by
 * the allocation-free scanners of `name-scanners.ts`; only invalid ones reach the regular
 * expressions that word the messages.
 */
import { utf8Length } from "./field-reader.js";
import {
  scansAsDns1035Label,
  scansAsDns1123Label,
  scansAsDns1123Subdomain,
  scansAsLabelValue,
  scansAsQualifiedName,
} from "./name-scanners.js";

function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  // Upstream joins "'a', " and "'b', " with " or ", hence the double space: "'a',  or 'b', ".
  const listed = examples.map((example) => `'${example}', `).join(" or ");
  return `${message} (e.g. ${listed}regex used for validation is '${format}')`;
}

/** `must be no more than <n> characters`. */
export function maxLengthError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** `must be between <low> and <high>, inclusive`. */
export function inclusiveRangeError(low: number, high: number): string {
  return `must be between ${low} and ${high}, inclusive`;
}

const emptyError = "must be non-empty";

const qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const qualifiedNameRegexp = new RegExp(`^${qualifiedNameFormat}$`);
const qualifiedNameMaxLength = 63;
const qualifiedNameRegexError = regexError(
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  qualifiedNameFormat,
  "MyName",
  "my.name",
  "123-abc",
);
const qualifiedNameTooManySlashes = `a qualified name ${qualifiedNameRegexError} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`;

const labelValueFormat = `(${qualifiedNameFormat})?`;
const labelValueRegexp = new RegExp(`^${labelValueFormat}$`);
const labelValueMaxLength = 63;
const labelValueRegexError = regexError(
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  labelValueFormat,
  "MyValue",
  "my_value",
  "12345",
);

const dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dns1123LabelRegexp = new RegExp(`^${dns1123LabelFormat}$`);
const dns1123LabelMaxLength = 63;
const dns1123LabelRegexError = regexError(
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  dns1123LabelFormat,
  "my-name",
  "123-abc",
);

const dns1123SubdomainFormat = `${dns1123LabelFormat}(\\.${dns1123LabelFormat})*`;
const dns1123SubdomainRegexp = new RegExp(`^${dns1123SubdomainFormat}$`);
const dns1123SubdomainMaxLength = 253;
const dns1123SubdomainRegexError = regexError(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  dns1123SubdomainFormat,
  "example.com",
);

const dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";
const dns1035LabelRegexp = new RegExp(`^${dns1035LabelFormat}$`);
const dns1035LabelRegexError = regexError(
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  dns1035LabelFormat,
  "my-name",
  "abc-123",
);

/**
 * Checks a Kubernetes "qualified name" (label keys, annotation keys, finalizers): an
 * optional DNS-subdomain prefix and `/`, then a name of at most 63 characters.
 *
 * @example
 * isQualifiedName("example.com/MyName") // => []
 * isQualifiedName("-bad")[0] // => "name part must consist of alphanumeric characters, ..."
 */
export function isQualifiedName(value: string): string[] {
  if (scansAsQualifiedName(value)) return [];
  const errors: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) {
    name = parts[0] ?? "";
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? "";
    name = parts[1] ?? "";
    if (prefix.length === 0) errors.push(`prefix part ${emptyError}`);
    else for (const message of isDns1123Subdomain(prefix)) errors.push(`prefix part ${message}`);
  } else {
    return [qualifiedNameTooManySlashes];
  }
  if (name.length === 0) errors.push(`name part ${emptyError}`);
  else if (utf8Length(name) > qualifiedNameMaxLength) {
    errors.push(`name part ${maxLengthError(qualifiedNameMaxLength)}`);
  }
  if (!qualifiedNameRegexp.test(name)) errors.push(`name part ${qualifiedNameRegexError}`);
  return errors;
}

/**
 * Checks a label value: empty, or at most 63 alphanumeric/`-_.` characters that start and
 * end with an alphanumeric character.
 */
export function isValidLabelValue(value: string): string[] {
  if (scansAsLabelValue(value)) return [];
  const errors: string[] = [];
  if (utf8Length(value) > labelValueMaxLength) errors.push(maxLengthError(labelValueMaxLength));
  if (!labelValueRegexp.test(value)) errors.push(labelValueRegexError);
  return errors;
}

/** Checks an RFC 1123 label (container names, namespace names): at most 63 characters. */
export function isDns1123Label(value: string): string[] {
  if (scansAsDns1123Label(value)) return [];
  const errors: string[] = [];
  if (utf8Length(value) > dns1123LabelMaxLength) errors.push(maxLengthError(dns1123LabelMaxLength));
  if (!dns1123LabelRegexp.test(value)) {
    // A valid subdomain that is not a valid label can only be wrong because of its dots.
    errors.push(dns1123SubdomainRegexp.test(value) ? "must not contain dots" : dns1123LabelRegexError);
  }
  return errors;
}

/** Checks an RFC 1123 subdomain (most object names): at most 253 characters. */
export function isDns1123Subdomain(value: string): string[] {
  if (scansAsDns1123Subdomain(value)) return [];
  const errors: string[] = [];
  if (utf8Length(value) > dns1123SubdomainMaxLength) errors.push(maxLengthError(dns1123SubdomainMaxLength));
  if (!dns1123SubdomainRegexp.test(value)) errors.push(dns1123SubdomainRegexError);
  return errors;
}

/** Checks an RFC 1035 label (Service names): at most 63 characters, starting with a letter. */
export function isDns1035Label(value: string): string[] {
  if (scansAsDns1035Label(value)) return [];
  const errors: string[] = [];
  if (utf8Length(value) > dns1123LabelMaxLength) errors.push(maxLengthError(dns1123LabelMaxLength));
  if (!dns1035LabelRegexp.test(value)) errors.push(dns1035LabelRegexError);
  return errors;
}

/** Checks a port number: 1 to 65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

const portNameCharset = /^[-a-z0-9]+$/;
const portNameLetter = /[a-z]/;

/**
 * Checks an IANA_SVC_NAME port name: at most 15 characters of `[-a-z0-9]`, at least one
 * letter, no leading, trailing or doubled hyphen.
 */
export function isValidPortName(port: string): string[] {
  const errors: string[] = [];
  if (utf8Length(port) > 15) errors.push(maxLengthError(15));
  if (!portNameCharset.test(port)) {
    errors.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  }
  if (!portNameLetter.test(port)) errors.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errors.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port.startsWith("-") || port.endsWith("-"))) {
    errors.push("must not begin or end with a hyphen");
  }
  return errors;
}

const percentFormat = "[0-9]+%";
const percentRegexp = new RegExp(`^${percentFormat}$`);
const percentRegexError = regexError(
  "a valid percent string must be a numeric string followed by an ending '%'",
  percentFormat,
  "1%",
  "93%",
);

/** Checks a percent string such as `25%`. */
export function isValidPercent(value: string): string[] {
  return percentRegexp.test(value) ? [] : [percentRegexError];
}

/**
 * Checks an environment variable name under the relaxed rule that is on by default in
 * v1.32 (`RelaxedEnvironmentVariableValidation`): printable ASCII except `=`.
 */
export function isRelaxedEnvVarName(value: string): string[] {
  const errors: string[] = [];
  if (value.length === 0) errors.push(`environment variable name ${emptyError}`);
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code > 0x7e || code === 0x3d) {
      errors.push(
        "a valid environment variable name must consist only of printable ASCII characters other than '='",
      );
      break;
    }
  }
  return errors;
}

/** Checks a Unix user or group id: 0 to 2147483647. */
export function isValidUserOrGroupId(id: number): string[] {
  return id >= 0 && id <= 2147483647 ? [] : [inclusiveRangeError(0, 2147483647)];
}

/**
 * Replaces a trailing `-` of a generateName prefix so the name check accepts it. Like
 * upstream, it drops the character before the dash too (`ab-` → `aa`).
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name;
}

/** Checks an object name against a name rule; `prefix` is true for generateName. */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** Names that must be DNS subdomains (Pods, DaemonSets, Nodes, ...). */
export const nameIsDnsSubdomain: NameValidator = (name, prefix) =>
  isDns1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** Names that must be DNS labels (Namespaces). */
export const nameIsDnsLabel: NameValidator = (name, prefix) =>
  isDns1123Label(prefix ? maskTrailingDash(name) : name);

/** Names that must be DNS-1035 labels (Services). */
export const nameIsDns1035Label: NameValidator = (name, prefix) =>
  isDns1035Label(prefix ? maskTrailingDash(name) : name);
