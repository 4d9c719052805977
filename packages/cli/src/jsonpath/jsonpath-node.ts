/**
 * The parse tree of a JSONPath template, shaped like client-go's (`k8s.io/client-go/util/jsonpath`):
 * the root is a list of text nodes and one list node per `{...}` action.
 */

/** One bound of an array selection `[start:end:step]`. */
export interface ArrayBound {
  /** The number written, or what the parser derived (`end` of `[n]` is `n + 1`). */
  readonly value: number;
  /** False when the bound was left out (`[:2]`, `[*]`). */
  readonly known: boolean;
  /** True for the `end` the parser made up for a plain index `[n]`. */
  readonly derived: boolean;
}

/** A sequence of nodes applied one after the other (an action, a union member, a filter side). */
export interface JsonPathListNode {
  readonly type: "list";
  readonly nodes: JsonPathNode[];
}

/** Every node a template can hold. */
export type JsonPathNode =
  | JsonPathListNode
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "field"; readonly name: string }
  | { readonly type: "identifier"; readonly name: string }
  | { readonly type: "array"; readonly bounds: readonly [ArrayBound, ArrayBound, ArrayBound] }
  | {
      readonly type: "filter";
      readonly left: JsonPathListNode;
      readonly right: JsonPathListNode;
      /** `==`, `!=`, `<`, `>`, `<=`, `>=`, `exists`, or whatever else was written (an error when run). */
      readonly operator: string;
    }
  | { readonly type: "int"; readonly value: number }
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "wildcard" }
  | { readonly type: "recursive" }
  | { readonly type: "union"; readonly members: readonly JsonPathListNode[] };

/** A parsed template: the source text and the root nodes. */
export interface JsonPathTemplate {
  /** The template as written. */
  readonly source: string;
  /** Text nodes and one list node per action, in order. */
  readonly nodes: readonly JsonPathNode[];
}
