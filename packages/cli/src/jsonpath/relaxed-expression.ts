/**
 * kubectl's `RelaxedJSONPathExpression` (pkg/cmd/get): `--sort-by` and custom columns accept
 * `a.b`, `.a.b`, `{a.b}` and `{.a.b}` alike and turn each into the template `{.a.b}`.
 */
import { JsonPathError } from "./jsonpath-error.js";

const relaxedPath = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * Normalizes a field path to a JSONPath template; `""` stays `""`.
 *
 * @example
 * relaxedJsonPathExpression(".spec.nodeName") // => "{.spec.nodeName}"
 * @throws JsonPathError `unexpected path string, expected a 'name1.name2' or '.name1.name2' or
 *   '{name1.name2}' or '{.name1.name2}'` for anything else.
 */
export function relaxedJsonPathExpression(expression: string): string {
  if (expression === "") return expression;
  const match = relaxedPath.exec(expression);
  if (match === null) {
    throw new JsonPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${match[1] || match[2] || ""}}`;
}
