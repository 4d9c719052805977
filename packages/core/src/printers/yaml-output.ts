/**
 * `kubectl get -o yaml`: the object marshalled to JSON, read back by go-yaml v2 and written
 * as YAML (sigs.k8s.io/yaml), so keys come out in go-yaml's order and strings that would
 * read as another type are double-quoted (`"1"`, `"true"`, `"2026-11-29T19:21:30Z"`).
 */
import { type ObjectOutputOptions, toOutputDocument } from "./output-document.js";
import { emitYamlDocument } from "./yaml-emitter.js";

/**
 * Renders an object, or a list of objects wrapped in a `List`, exactly as
 * `kubectl get -o yaml` prints it.
 *
 * @remarks
 * The `yaml` package cannot be configured to match: it folds long lines before they
 * reach the width limit, while libyaml folds at the first space past column 80, and its
 * quoting and key order differ. This follows go-yaml v2's emitter instead.
 *
 * @throws KubesimError when the input cannot be represented as JSON.
 */
export function renderYaml(input: object | readonly object[], options: ObjectOutputOptions = {}): string {
  return emitYamlDocument(toOutputDocument(input, options).value);
}
