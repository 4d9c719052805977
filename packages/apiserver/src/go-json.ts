const goEscapedCharacters = /[<>&\u2028\u2029]/g;
// Without the global flag: `test` keeps no lastIndex between calls.
const anyGoEscapedCharacter = /[<>&\u2028\u2029]/;

const goEscapes: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * Serialises `value` as kube-apiserver's JSON encoder writes it: `JSON.stringify`'s text
 * with `<`, `>`, `&`, U+2028 and U+2029 escaped as Go's `encoding/json` does by default.
 *
 * @remarks
 * Clients compare these bytes: `kubectl rollout undo` byte-compares a ControllerRevision's
 * data with its own Go encoding of the template, so `a && b` must arrive as `a \u0026\u0026 b`.
 * The characters can only occur inside JSON strings, so replacing them in the whole text is safe.
 */
export function goJsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return anyGoEscapedCharacter.test(text)
    ? text.replace(goEscapedCharacters, (character) => goEscapes[character] ?? character)
    : text;
}
