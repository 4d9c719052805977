/**
 * Runs a parsed JSONPath template over JSON data with client-go's semantics: each root node
 * yields one group of results; `{range ...}` repeats the nodes up to its `{end}` for each
 * value; missing keys are an error (`name is not found`) unless allowed, as kubectl allows
 * them by default (`--allow-missing-template-keys=true`).
 */
import { compareValues } from "./compare-values.js";
import { goValueText } from "./go-value-text.js";
import { JsonPathError } from "./jsonpath-error.js";
import type { ArrayBound, JsonPathListNode, JsonPathNode, JsonPathTemplate } from "./jsonpath-node.js";
import { JsonPathFloat, type JsonPathMap, kindOf, mapEntry, sortedKeys } from "./jsonpath-value.js";

/** Options of {@link findJsonPathResults}. */
export interface JsonPathRunOptions {
  /** Missing fields and map keys yield nothing instead of an error (client-go default: false). */
  readonly allowMissingKeys?: boolean | undefined;
}

/**
 * A failed step and the values client-go's step returns beside its error; an `exists`
 * filter (`[?(@.x)]`) ignores the error and looks at those values.
 */
class StepFailure extends JsonPathError {
  constructor(
    message: string,
    readonly partial: readonly unknown[],
  ) {
    super(message);
  }
}

function fail(message: string, partial: readonly unknown[]): never {
  throw new StepFailure(message, partial);
}

const utf8 = new TextEncoder();

/** What Go's wildcard and recursive descent enumerate: map values, slice items, string bytes. */
function childrenOf(value: unknown): unknown[] {
  switch (kindOf(value)) {
    case "map": {
      const map = value as JsonPathMap;
      return sortedKeys(map).map((key) => map[key]);
    }
    case "slice":
      return [...(value as readonly unknown[])];
    case "string":
      return [...utf8.encode(value as string)];
    default:
      return [];
  }
}

function goTypeName(value: unknown): string {
  switch (kindOf(value)) {
    case "map":
      return "map[string]interface {}";
    case "slice":
      return "[]interface {}";
    case "int":
      return "int64";
    case "float":
      return "float64";
    case "invalid":
      return "<nil>";
    default:
      return typeof value === "boolean" ? "bool" : "string";
  }
}

/** The state of one execution (client-go keeps range bookkeeping on the JSONPath object). */
class TemplateRun {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEnd = -1;

  constructor(
    private readonly nodes: readonly JsonPathNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  findResults(data: unknown, start: number): unknown[][] {
    const current = [data];
    const groups: unknown[][] = [];
    for (let index = start; index < this.nodes.length; index++) {
      const values = this.walk(current, this.nodes[index] as JsonPathNode);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEnd = index;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (values.length > 0) {
          for (const value of values) {
            // The range body sees each value as a fresh root: a null item is no value at all.
            for (const group of this.findResults(value === null ? undefined : value, index + 1)) {
              groups.push(group);
            }
          }
        } else {
          // Walk the body anyway so the matching {end} is found.
          this.findResults(undefined, index + 1);
        }
        this.inRange--;
        if (this.lastEnd > index) index = this.lastEnd;
        continue;
      }
      groups.push(values);
    }
    return groups;
  }

  private walk(input: readonly unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case "list":
        return this.evalList(input, node);
      case "text":
        return [node.text];
      case "field":
        return this.evalField(input, node.name);
      case "array":
        return this.evalArray(input, node.bounds);
      case "filter":
        return this.evalFilter(input, node.left, node.right, node.operator);
      case "int":
      case "bool":
        return input.map(() => node.value);
      case "float":
        return input.map(() => new JsonPathFloat(node.value));
      case "wildcard":
        return input.flatMap((value) => childrenOf(value));
      case "recursive":
        return this.evalRecursive(input);
      case "union":
        return this.evalUnion(input, node.members);
      case "identifier":
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: readonly unknown[], list: JsonPathListNode): unknown[] {
    let current = [...input];
    for (const node of list.nodes) current = this.walk(current, node);
    return current;
  }

  private evalField(input: readonly unknown[], name: string): unknown[] {
    if (input.length === 0) return [];
    const results: unknown[] = [];
    for (const value of input) {
      if (kindOf(value) !== "map") continue;
      const entry = mapEntry(value as JsonPathMap, name);
      if (entry !== undefined) results.push(entry.value);
    }
    if (results.length === 0 && !this.allowMissingKeys) fail(`${name} is not found`, results);
    return results;
  }

  private evalArray(
    input: readonly unknown[],
    [startBound, endBound, stepBound]: readonly [ArrayBound, ArrayBound, ArrayBound],
  ): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      const kind = kindOf(value);
      if (kind === "nil") continue;
      if (kind !== "slice") fail(`${goTypeName(value)} is not array or slice`, input);
      const items = value as readonly unknown[];
      const length = items.length;
      let start = startBound.known ? startBound.value : 0;
      if (start < 0) start += length;
      let end = endBound.known ? endBound.value : length;
      if (end < 0 || (end === 0 && endBound.derived)) end += length;
      // Asking for zero elements stops the whole selection, with what it found so far.
      if (end === start) return results;
      if (start >= length || start < 0) {
        fail(`array index out of bounds: index ${start}, length ${length}`, input);
      }
      if (end > length || end < 0)
        fail(`array index out of bounds: index ${end - 1}, length ${length}`, input);
      if (start > end) fail(`starting index ${start} is greater than ending index ${end}`, input);
      let step = 1;
      if (stepBound.known) {
        if (stepBound.value <= 0) fail("step must be > 0", input);
        step = stepBound.value;
      }
      for (let index = start; index < end; index += step) results.push(items[index]);
    }
    return results;
  }

  private evalFilter(
    input: readonly unknown[],
    left: JsonPathListNode,
    right: JsonPathListNode,
    operator: string,
  ): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (kindOf(value) !== "slice") {
        fail(`${goValueText(value)} is not array or slice and cannot be filtered`, input);
      }
      for (const element of value as readonly unknown[]) {
        const item = [element];
        let lefts: readonly unknown[];
        let leftFailure: StepFailure | undefined;
        try {
          lefts = this.evalList(item, left);
        } catch (error) {
          if (!(error instanceof StepFailure)) throw error;
          lefts = error.partial;
          leftFailure = error;
        }
        if (operator === "exists") {
          if (lefts.length > 0) results.push(element);
          continue;
        }
        if (leftFailure !== undefined) fail(leftFailure.message, input);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) fail("can only compare one element at a time", input);
        let rights: readonly unknown[];
        try {
          rights = this.evalList(item, right);
        } catch (error) {
          if (!(error instanceof StepFailure)) throw error;
          fail(error.message, input);
        }
        if (rights.length === 0) continue;
        if (rights.length > 1) fail("can only compare one element at a time", input);
        let pass: boolean;
        try {
          pass = compareValues(operator, lefts[0], rights[0]);
        } catch (error) {
          if (!(error instanceof JsonPathError)) throw error;
          fail(error.message, results);
        }
        if (pass) results.push(element);
      }
    }
    return results;
  }

  private evalRecursive(input: readonly unknown[]): unknown[] {
    const results: unknown[] = [];
    const stack: { readonly values: readonly unknown[]; index: number }[] = [{ values: input, index: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { readonly values: readonly unknown[]; index: number };
      if (frame.index >= frame.values.length) {
        stack.pop();
        continue;
      }
      const value = frame.values[frame.index++];
      const children = childrenOf(value);
      if (children.length > 0) {
        results.push(value);
        stack.push({ values: children, index: 0 });
      }
    }
    return results;
  }

  private evalUnion(input: readonly unknown[], members: readonly JsonPathListNode[]): unknown[] {
    const results: unknown[] = [];
    for (const member of members) {
      try {
        for (const value of this.evalList(input, member)) results.push(value);
      } catch (error) {
        if (!(error instanceof StepFailure)) throw error;
        fail(error.message, input);
      }
    }
    return results;
  }

  private evalIdentifier(input: readonly unknown[], name: string): unknown[] {
    if (name === "range") {
      this.beginRange++;
      return [...input];
    }
    if (name === "end") {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      fail("not in range, nothing to end", []);
    }
    fail(`unrecognized identifier ${name}`, input);
  }
}

/**
 * Runs `template` over `data` and returns one group of values per root node (a range
 * contributes one group per node per iteration), as client-go's `FindResults` does.
 * `undefined` stands for a missing value, `null` for JSON null.
 *
 * @throws JsonPathError with client-go's message, e.g. `array index out of bounds: index 0, length 0`.
 */
export function findJsonPathResults(
  template: JsonPathTemplate,
  data: unknown,
  options: JsonPathRunOptions = {},
): unknown[][] {
  try {
    return new TemplateRun(template.nodes, options.allowMissingKeys === true).findResults(data, 0);
  } catch (error) {
    if (error instanceof StepFailure) throw new JsonPathError(error.message);
    if (error instanceof RangeError) throw new JsonPathError("the template nests ranges too deeply");
    throw error;
  }
}
