/**
 * Upstream's validation texts, spelled out once for the label selector tests (the double
 * spaces are upstream's).
 */

/** `IsQualifiedName`'s name-part regex message. */
export const namePartRegexMessage =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** `IsValidLabelValue`'s regex message. */
export const labelValueRegexMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** The `supported values` detail of an unsupported operator. */
export const supportedOperatorsDetail =
  'supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"';
