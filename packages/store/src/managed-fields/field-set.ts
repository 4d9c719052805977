import {
  comparePathElements,
  FieldsV1Error,
  keyElement,
  parsePathElement,
  valueElement,
} from "./path-element.js";

/**
 * A set of field paths (structured-merge-diff's `fieldpath.Set`): a trie whose nodes hold
 * the path elements that end a path here (`members`) and those that lead deeper
 * (`children`). An element can be both: `"."` in `fieldsV1` marks that. Operations are
 * exact-path (a member does not imply its descendants) and return new sets.
 */
export class FieldSet {
  readonly members = new Set<string>();
  readonly children = new Map<string, FieldSet>();

  /** Adds a path (a list of path element texts). An empty path adds nothing. */
  insert(path: readonly string[]): void {
    let node: FieldSet = this;
    for (let index = 0; index < path.length - 1; index++) {
      const element = path[index] as string;
      let child = node.children.get(element);
      if (child === undefined) {
        child = new FieldSet();
        node.children.set(element, child);
      }
      node = child;
    }
    const last = path[path.length - 1];
    if (last !== undefined) node.members.add(last);
  }

  /** Whether the path is a member. */
  has(path: readonly string[]): boolean {
    let node: FieldSet | undefined = this;
    for (let index = 0; index < path.length - 1; index++) {
      node = node.children.get(path[index] as string);
      if (node === undefined) return false;
    }
    const last = path[path.length - 1];
    return last !== undefined && node.members.has(last);
  }

  /** The paths below `element` (structured-merge-diff's `WithPrefix`), or undefined. */
  child(element: string): FieldSet | undefined {
    return this.children.get(element);
  }

  /** True when the set holds no path. */
  isEmpty(): boolean {
    return this.members.size === 0 && this.children.size === 0;
  }

  /** The paths in either set. */
  union(other: FieldSet): FieldSet {
    const result = this.copy();
    result.#addAll(other);
    return result;
  }

  /** The paths of this set that are not in `other` (exact paths). */
  difference(other: FieldSet): FieldSet {
    const result = new FieldSet();
    for (const member of this.members) if (!other.members.has(member)) result.members.add(member);
    for (const [element, child] of this.children) {
      const otherChild = other.children.get(element);
      const remaining = otherChild === undefined ? child.copy() : child.difference(otherChild);
      if (!remaining.isEmpty()) result.children.set(element, remaining);
    }
    return result;
  }

  /** The paths in both sets. */
  intersection(other: FieldSet): FieldSet {
    const result = new FieldSet();
    for (const member of this.members) if (other.members.has(member)) result.members.add(member);
    for (const [element, child] of this.children) {
      const otherChild = other.children.get(element);
      if (otherChild === undefined) continue;
      const common = child.intersection(otherChild);
      if (!common.isEmpty()) result.children.set(element, common);
    }
    return result;
  }

  /** A deep copy. */
  copy(): FieldSet {
    const result = new FieldSet();
    result.#addAll(this);
    return result;
  }

  /** Whether both sets hold the same paths. */
  equals(other: FieldSet): boolean {
    if (this.members.size !== other.members.size || this.children.size !== other.children.size) return false;
    for (const member of this.members) if (!other.members.has(member)) return false;
    for (const [element, child] of this.children) {
      const otherChild = other.children.get(element);
      if (otherChild === undefined || !child.equals(otherChild)) return false;
    }
    return true;
  }

  /** Every path, in structured-merge-diff's order (members before children, each sorted). */
  paths(prefix: readonly string[] = []): string[][] {
    const result: string[][] = [];
    for (const member of [...this.members].sort(comparePathElements)) result.push([...prefix, member]);
    for (const element of [...this.children.keys()].sort(comparePathElements)) {
      result.push(...(this.children.get(element) as FieldSet).paths([...prefix, element]));
    }
    return result;
  }

  /** The set as `fieldsV1` JSON: elements sorted, `"."` first where an element is also a member. */
  toFieldsV1(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const elements = new Set([...this.members, ...this.children.keys()]);
    for (const element of [...elements].sort(comparePathElements)) {
      const child = this.children.get(element);
      if (child === undefined) {
        result[element] = {};
        continue;
      }
      const inner = child.toFieldsV1();
      result[element] = this.members.has(element) ? { ".": {}, ...inner } : inner;
    }
    return result;
  }

  /**
   * Parses `fieldsV1` JSON (untrusted). Element texts are made canonical (`k:` keys sorted).
   * @throws FieldsV1Error when it is not a field set.
   */
  static fromFieldsV1(json: unknown): FieldSet {
    const set = new FieldSet();
    if (json === null || json === undefined) return set;
    readInto(set, json);
    return set;
  }

  #addAll(other: FieldSet): void {
    for (const member of other.members) this.members.add(member);
    for (const [element, child] of other.children) {
      const own = this.children.get(element);
      if (own === undefined) this.children.set(element, child.copy());
      else own.#addAll(child);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function canonicalElement(text: string): string {
  const element = parsePathElement(text);
  switch (element.kind) {
    case "field":
      return text;
    case "key":
      return keyElement(element.fields);
    case "value":
      return valueElement(element.value);
    default:
      return `i:${element.index}`;
  }
}

function readInto(set: FieldSet, json: unknown): void {
  if (!isRecord(json)) throw new FieldsV1Error("expected an object");
  for (const text of Object.keys(json)) {
    if (text === ".") continue;
    const element = canonicalElement(text);
    const value = json[text];
    if (!isRecord(value)) throw new FieldsV1Error(`expected an object at ${text}`);
    const keys = Object.keys(value);
    if (keys.length === 0 || Object.hasOwn(value, ".")) set.members.add(element);
    if (keys.length === 0 || (keys.length === 1 && keys[0] === ".")) continue;
    let child = set.children.get(element);
    if (child === undefined) {
      child = new FieldSet();
      set.children.set(element, child);
    }
    readInto(child, value);
  }
}
