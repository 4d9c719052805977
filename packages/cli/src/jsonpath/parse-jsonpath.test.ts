import { describe, expect, it } from "vitest";
import type { ArrayBound, JsonPathNode } from "./jsonpath-node.js";
import { parseJsonPath } from "./parse-jsonpath.js";

function thrownMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return "(nothing thrown)";
}

/** client-go's `Node.String()` renderings, so the expectations read as upstream's parser tests. */
function describeBound(bound: ArrayBound): string {
  return `{${bound.value} ${bound.known} ${bound.derived}}`;
}

function describeNode(node: JsonPathNode): string {
  switch (node.type) {
    case "list":
      return "NodeList";
    case "text":
      return `NodeText: ${node.text}`;
    case "field":
      return `NodeField: ${node.name}`;
    case "identifier":
      return `NodeIdentifier: ${node.name}`;
    case "array":
      return `NodeArray: [${node.bounds.map(describeBound).join(" ")}]`;
    case "filter":
      return `NodeFilter: NodeList ${node.operator} NodeList`;
    case "int":
      return `NodeInt: ${node.value}`;
    case "float":
      return `NodeFloat: ${node.value.toFixed(6)}`;
    case "bool":
      return `NodeBool: ${node.value}`;
    case "wildcard":
      return "NodeWildcard";
    case "recursive":
      return "NodeRecursive";
    case "union":
      return "NodeUnion";
  }
}

/** Every node in the order client-go's test walks them: lists, then filter sides, then union members. */
function collect(nodes: readonly JsonPathNode[], into: string[] = []): string[] {
  for (const node of nodes) {
    into.push(describeNode(node));
    if (node.type === "list") collect(node.nodes, into);
    if (node.type === "filter") collect([node.left, node.right], into);
    if (node.type === "union") collect(node.members, into);
  }
  return into;
}

describe("parseJsonPath", () => {
  it.each([
    { name: "plain text is one text node", text: "hello jsonpath", nodes: ["NodeText: hello jsonpath"] },
    {
      name: "a field after text",
      text: "hello {.jsonpath}",
      nodes: ["NodeText: hello ", "NodeList", "NodeField: jsonpath"],
    },
    {
      name: "a quoted key in brackets is a field",
      text: "hello {['jsonpath']}",
      nodes: ["NodeText: hello ", "NodeList", "NodeField: jsonpath"],
    },
    { name: "a quoted brace is text", text: '{"{"}', nodes: ["NodeList", "NodeText: {"] },
    {
      name: "a slice has a start and an end",
      text: "{[1:3]}",
      nodes: ["NodeList", "NodeArray: [{1 true false} {3 true false} {0 false false}]"],
    },
    {
      name: "a star selects the whole array",
      text: "{.book[*].author}",
      nodes: [
        "NodeList",
        "NodeField: book",
        "NodeArray: [{0 false false} {0 false false} {0 false false}]",
        "NodeField: author",
      ],
    },
    {
      name: "a wildcard field",
      text: "{.bicycle.*}",
      nodes: ["NodeList", "NodeField: bicycle", "NodeWildcard"],
    },
    {
      name: "a filter has a left and a right side",
      text: "{[?(@.price<3)]}",
      nodes: [
        "NodeList",
        "NodeFilter: NodeList < NodeList",
        "NodeList",
        "NodeField: price",
        "NodeList",
        "NodeInt: 3",
      ],
    },
    { name: "bare recursive descent", text: "{..}", nodes: ["NodeList", "NodeRecursive"] },
    {
      name: "recursive descent to a field",
      text: "{..price}",
      nodes: ["NodeList", "NodeRecursive", "NodeField: price"],
    },
    {
      name: "a quoted dotted key splits into fields",
      text: "{['book.price']}",
      nodes: ["NodeList", "NodeField: book", "NodeField: price"],
    },
    {
      name: "a union parses each member as its own list",
      text: "{['bicycle.price', 3, 'book.price']}",
      nodes: [
        "NodeList",
        "NodeUnion",
        "NodeList",
        "NodeField: bicycle",
        "NodeField: price",
        "NodeList",
        "NodeArray: [{3 true false} {4 true true} {0 false false}]",
        "NodeList",
        "NodeField: book",
        "NodeField: price",
      ],
    },
    {
      name: "range and end are identifiers",
      text: "{range .items}{.name},{end}",
      nodes: [
        "NodeList",
        "NodeIdentifier: range",
        "NodeField: items",
        "NodeList",
        "NodeField: name",
        "NodeText: ,",
        "NodeList",
        "NodeIdentifier: end",
      ],
    },
    {
      name: "parentheses inside quotes do not end a filter",
      text: '{[?(@.status.nodeInfo.osImage == "()")]}',
      nodes: [
        "NodeList",
        "NodeFilter: NodeList == NodeList",
        "NodeList",
        "NodeField: status",
        "NodeField: nodeInfo",
        "NodeField: osImage",
        "NodeList",
        "NodeText: ()",
      ],
    },
    {
      name: "escaped double quotes inside a double-quoted filter value",
      text: '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}',
      nodes: [
        "NodeList",
        "NodeFilter: NodeList == NodeList",
        "NodeList",
        "NodeField: status",
        "NodeField: nodeInfo",
        "NodeField: osImage",
        "NodeList",
        'NodeText: ("")',
      ],
    },
    {
      name: "unbalanced parentheses inside quotes",
      text: '{[?(@.test == "())(")]}',
      nodes: [
        "NodeList",
        "NodeFilter: NodeList == NodeList",
        "NodeList",
        "NodeField: test",
        "NodeList",
        "NodeText: ())(",
      ],
    },
    {
      name: "single-quoted filter values",
      text: "{[?(@.status.nodeInfo.osImage == 'Linux')]}",
      nodes: [
        "NodeList",
        "NodeFilter: NodeList == NodeList",
        "NodeList",
        "NodeField: status",
        "NodeField: nodeInfo",
        "NodeField: osImage",
        "NodeList",
        "NodeText: Linux",
      ],
    },
    {
      name: "braces and brackets inside a quoted filter value",
      text: '{[?(@.status.nodeInfo.osImage == "{[()]}")]}',
      nodes: [
        "NodeList",
        "NodeFilter: NodeList == NodeList",
        "NodeList",
        "NodeField: status",
        "NodeField: nodeInfo",
        "NodeField: osImage",
        "NodeList",
        "NodeText: {[()]}",
      ],
    },
    {
      name: "single quotes inside double quotes",
      text: `{[?(@.status.nodeInfo.osImage == "''")]}`,
      nodes: [
        "NodeList",
        "NodeFilter: NodeList == NodeList",
        "NodeList",
        "NodeField: status",
        "NodeField: nodeInfo",
        "NodeField: osImage",
        "NodeList",
        "NodeText: ''",
      ],
    },
    {
      name: "double quotes inside single quotes",
      text: `{[?(@.status.nodeInfo.osImage == '""')]}`,
      nodes: [
        "NodeList",
        "NodeFilter: NodeList == NodeList",
        "NodeList",
        "NodeField: status",
        "NodeField: nodeInfo",
        "NodeField: osImage",
        "NodeList",
        'NodeText: ""',
      ],
    },
    {
      name: "an escaped backslash and an escaped single quote",
      text: "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}",
      nodes: [
        "NodeList",
        "NodeFilter: NodeList == NodeList",
        "NodeList",
        "NodeField: status",
        "NodeField: nodeInfo",
        "NodeField: osImage",
        "NodeList",
        "NodeText: \\'",
      ],
    },
    {
      name: "a negative start with an open end",
      text: "{[-5:]}",
      nodes: ["NodeList", "NodeArray: [{-5 true false} {0 false false} {0 false false}]"],
    },
    {
      name: "a negative index derives its end",
      text: "{[-1]}",
      nodes: ["NodeList", "NodeArray: [{-1 true false} {0 true true} {0 false false}]"],
    },
    {
      name: "a negative end",
      text: "{[1:-1]}",
      nodes: ["NodeList", "NodeArray: [{1 true false} {-1 true false} {0 false false}]"],
    },
    {
      name: "an escaped dot stays in the field name",
      text: "{.metadata.labels.kubernetes\\.io/hostname}",
      nodes: ["NodeList", "NodeField: metadata", "NodeField: labels", "NodeField: kubernetes.io/hostname"],
    },
    {
      name: "a float and booleans",
      text: "{3.5}{true}{false}",
      nodes: ["NodeList", "NodeFloat: 3.500000", "NodeList", "NodeBool: true", "NodeList", "NodeBool: false"],
    },
    { name: "a lone dot is a field with an empty name", text: "{.}", nodes: ["NodeList", "NodeField: "] },
    {
      name: "text after the last action is kept",
      text: "{.a}\n",
      nodes: ["NodeList", "NodeField: a", "NodeText: \n"],
    },
  ])("$name", ({ text, nodes }) => {
    expect(collect(parseJsonPath(text).nodes)).toEqual(nodes);
  });

  it.each([
    { name: "an action without its closing brace", text: "{.hello", error: "unclosed action" },
    { name: "a star outside brackets", text: "{*}", error: "unrecognized character in action: U+002A '*'" },
    { name: "a number with two dots", text: "{+12.3.0}", error: "cannot parse number +12.3.0" },
    { name: "an array without its closing bracket", text: "{[1}", error: "unterminated array" },
    { name: "a filter without its closing parenthesis", text: "{[?(.price]}", error: "unterminated filter" },
    {
      name: "recursive descent twice in a row",
      text: "{........}",
      error: "invalid multiple recursive descent",
    },
    {
      name: "a backslash in an action",
      text: "{\\\\\\}",
      error: "unrecognized character in action: U+005C '\\'",
    },
    { name: "a tab in an action", text: "{\t.a}", error: "unrecognized character in action: U+0009" },
    { name: "a newline in an action", text: "{.a\n}", error: "unclosed action" },
    { name: "an unterminated quoted string", text: '{"abc}', error: "unterminated quoted string" },
    {
      name: "an unknown escape in a quoted string",
      text: '{"\\q"}',
      error: 'unquote string "\\q" error invalid syntax',
    },
    { name: "a double-quoted key in brackets", text: '{["a"]}', error: 'invalid array index "a"' },
    { name: "an index that is only a sign", text: "{[-]}", error: "array index - is not a number" },
    { name: "a filter not followed by a bracket", text: "{[?(@.a)x}", error: "unclosed array expect ]" },
  ])("rejects $name", ({ text, error }) => {
    expect(thrownMessage(() => parseJsonPath(text))).toBe(error);
  });
});
