import { describe, expect, it } from "vitest";
import { parseJsonPath } from "./parse-jsonpath.js";
import { executeJsonPath } from "./print-jsonpath.js";

// Inputs and expected outputs from client-go's jsonpath_test.go. Go structs become JSON maps
// here, so where upstream relies on struct field order the expectations use sorted keys.

interface Case {
  readonly name: string;
  readonly template: string;
  readonly input: unknown;
  readonly expect: string;
}

function run(template: string, input: unknown, allowMissingKeys: boolean): string {
  return executeJsonPath(parseJsonPath(template), input, { allowMissingKeys });
}

function thrownMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return "(nothing thrown)";
}

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ["one", "two", "three", "four"],
  interfaces: [true, "one", 1, 1.1],
  maps: [
    { name: "one", value: 1 },
    { name: "two", value: 2.02 },
    { name: "three", value: 3.03 },
    { name: "four", value: 4.04 },
  ],
  structs: [
    { name: "one", value: 1, type: "integer" },
    { name: "two", value: 2.002, type: "float" },
    { name: "three", value: 3, type: "integer" },
    { name: "four", value: 4.004, type: "float" },
  ],
};

const store = {
  Name: "jsonpath",
  Book: [
    { Category: "reference", Author: "Nigel Rees", Title: "Sayings of the Centurey", Price: 8.95 },
    { Category: "fiction", Author: "Evelyn Waugh", Title: "Sword of Honour", Price: 12.99 },
    { Category: "fiction", Author: "Herman Melville", Title: "Moby Dick", Price: 8.99 },
  ],
  Bicycle: [
    { Color: "red", Price: 19.95, IsNew: true },
    { Color: "green", Price: 20.01, IsNew: false },
  ],
  Labels: { engieer: 10, "web/html": 15, "k8s-app": 20 },
  Employees: { jason: "manager", dan: "clerk" },
};

const points = [
  { id: "i1", x: 4, y: -5 },
  { id: "i2", x: -2, y: -5, z: 1 },
  { id: "i3", x: 8, y: 3 },
  { id: "i4", x: -6, y: -1 },
  { id: "i5", x: 0, y: 2, z: 1 },
  { id: "i6", x: 1, y: 4 },
  { id: "i7", x: null, y: 4 },
];

const nodes = {
  kind: "List",
  items: [
    {
      kind: "None",
      metadata: { name: "127.0.0.1", labels: { "kubernetes.io/hostname": "127.0.0.1" } },
      status: {
        capacity: { cpu: "4" },
        ready: true,
        addresses: [{ type: "LegacyHostIP", address: "127.0.0.1" }],
      },
    },
    {
      kind: "None",
      metadata: { name: "127.0.0.2", labels: { "kubernetes.io/hostname": "127.0.0.2" } },
      status: {
        capacity: { cpu: "8" },
        ready: false,
        addresses: [
          { type: "LegacyHostIP", address: "127.0.0.2" },
          { type: "another", address: "127.0.0.3" },
        ],
      },
    },
  ],
  users: [
    { name: "myself", user: {} },
    { name: "e2e", user: { username: "admin", password: "secret" } },
  ],
};

const podsWithContainers = {
  items: [
    {
      metadata: { name: "pod1" },
      spec: {
        containers: [
          { name: "foo", another: [{ name: "value1" }, { name: "value2" }] },
          { name: "bar", another: [{ name: "value1" }, { name: "value2" }] },
        ],
      },
    },
    {
      metadata: { name: "pod2" },
      spec: { containers: [{ name: "baz", another: [{ name: "value1" }, { name: "value2" }] }] },
    },
  ],
};

const annotatedPods = {
  kind: "List",
  items: [
    { kind: "Pod", metadata: { name: "pod1", annotations: { color: "blue" } } },
    { kind: "Pod", metadata: { name: "pod2" } },
    { kind: "Pod", metadata: { name: "pod3", annotations: { color: "green" } } },
    { kind: "Pod", metadata: { name: "pod4", annotations: { color: "blue" } } },
  ],
};

function containerPod(count: number): unknown {
  return {
    apiVersion: "v1",
    kind: "Pod",
    spec: {
      containers: Array.from({ length: count }, (_, index) => ({
        image: "radial/busyboxplus:curl",
        name: `fake${index}`,
      })),
    },
  };
}

const fourContainers = containerPod(4);
const sixContainers = containerPod(6);

const runningPods = {
  kind: "List",
  items: [
    { kind: "Pod", metadata: { name: "pod1" }, status: { phase: "Running" } },
    { kind: "Pod", metadata: { name: "pod2" }, status: { phase: "Running" } },
    { kind: "Pod", metadata: { name: "pod3" }, status: { phase: "Running" } },
    { resourceVersion: "" },
  ],
};

describe("executeJsonPath with missing keys as errors", () => {
  it.each<Case>([
    {
      name: "a whole boolean slice prints as JSON",
      template: "{ .bools }",
      input: types,
      expect: "[true,false,true,false]",
    },
    { name: "a boolean by index", template: "{ .bools[0] }", input: types, expect: "true" },
    { name: "the last boolean by negative index", template: "{ .bools[-1] }", input: types, expect: "false" },
    { name: "a boolean sub-slice", template: "{ .bools[0:2] }", input: types, expect: "true false" },
    { name: "the first two booleans", template: "{ .bools[:2] }", input: types, expect: "true false" },
    { name: "every second boolean", template: "{ .bools[:4:2] }", input: types, expect: "true true" },
    { name: "a whole integer slice", template: "{ .integers }", input: types, expect: "[1,2,3,4]" },
    { name: "an integer by index", template: "{ .integers[0] }", input: types, expect: "1" },
    { name: "an integer by negative index", template: "{ .integers[-2] }", input: types, expect: "3" },
    { name: "an integer sub-slice", template: "{ .integers[0:2] }", input: types, expect: "1 2" },
    { name: "the first two integers", template: "{ .integers[:2] }", input: types, expect: "1 2" },
    { name: "every second integer", template: "{ .integers[:4:2] }", input: types, expect: "1 3" },
    { name: "a whole float slice", template: "{ .floats }", input: types, expect: "[1,2.2,3.3,4]" },
    { name: "a whole float by index", template: "{ .floats[0] }", input: types, expect: "1" },
    { name: "a float by negative index", template: "{ .floats[-2] }", input: types, expect: "3.3" },
    { name: "a float sub-slice", template: "{ .floats[0:2] }", input: types, expect: "1 2.2" },
    { name: "the first two floats", template: "{ .floats[:2] }", input: types, expect: "1 2.2" },
    { name: "every second float", template: "{ .floats[:4:2] }", input: types, expect: "1 3.3" },
    {
      name: "a whole string slice",
      template: "{ .strings }",
      input: types,
      expect: '["one","two","three","four"]',
    },
    { name: "a string by index", template: "{ .strings[0] }", input: types, expect: "one" },
    { name: "a string by negative index", template: "{ .strings[-2] }", input: types, expect: "three" },
    { name: "a string sub-slice", template: "{ .strings[0:2] }", input: types, expect: "one two" },
    { name: "the first two strings", template: "{ .strings[:2] }", input: types, expect: "one two" },
    { name: "every second string", template: "{ .strings[:4:2] }", input: types, expect: "one three" },
    { name: "a mixed slice", template: "{ .interfaces }", input: types, expect: '[true,"one",1,1.1]' },
    { name: "a mixed slice by index", template: "{ .interfaces[0] }", input: types, expect: "true" },
    { name: "a mixed slice by negative index", template: "{ .interfaces[-2] }", input: types, expect: "1" },
    { name: "a mixed sub-slice", template: "{ .interfaces[0:2] }", input: types, expect: "true one" },
    { name: "the first two mixed values", template: "{ .interfaces[:2] }", input: types, expect: "true one" },
    { name: "every second mixed value", template: "{ .interfaces[:4:2] }", input: types, expect: "true 1" },
    {
      name: "a slice of maps",
      template: "{ .maps }",
      input: types,
      expect:
        '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]',
    },
    { name: "a map by index", template: "{ .maps[0] }", input: types, expect: '{"name":"one","value":1}' },
    {
      name: "a map by negative index",
      template: "{ .maps[-2] }",
      input: types,
      expect: '{"name":"three","value":3.03}',
    },
    {
      name: "maps from a sub-slice",
      template: "{ .maps[0:2] }",
      input: types,
      expect: '{"name":"one","value":1} {"name":"two","value":2.02}',
    },
    {
      name: "every second map from the start",
      template: "{ .maps[::2] }",
      input: types,
      expect: '{"name":"one","value":1} {"name":"three","value":3.03}',
    },
    {
      name: "every second map from the second",
      template: "{ .maps[1::2] }",
      input: types,
      expect: '{"name":"two","value":2.02} {"name":"four","value":4.04}',
    },
    {
      name: "objects print with sorted keys",
      template: "{ .structs[0] }",
      input: types,
      expect: '{"name":"one","type":"integer","value":1}',
    },
    { name: "plain text", template: "hello jsonpath", input: null, expect: "hello jsonpath" },
    {
      name: "recursive descent over an array prints the array",
      template: "{..}",
      input: [1, 2, 3],
      expect: "[1,2,3]",
    },
    { name: "a numeric filter", template: "{[?(@<5)]}", input: [2, 6, 3, 7], expect: "2 3" },
    { name: "a quoted brace", template: '{"{"}', input: null, expect: "{" },
    { name: "a union of indexes", template: "{[1,3,4]}", input: [0, 1, 2, 3, 4], expect: "1 3 4" },
    {
      name: "a slice of strings",
      template: "{[0:2]}",
      input: ["Monday", "Tudesday"],
      expect: "Monday Tudesday",
    },
    { name: "a field after text", template: "hello {.Name}", input: store, expect: "hello jsonpath" },
    { name: "a key with a slash", template: "{$.Labels.web/html}", input: store, expect: "15" },
    { name: "a map key", template: "{$.Employees.jason}", input: store, expect: "manager" },
    { name: "another map key", template: "{$.Employees.dan}", input: store, expect: "clerk" },
    { name: "a key with a dash", template: "{.Labels.k8s-app}", input: store, expect: "20" },
    {
      name: "a field of every array item",
      template: "{.Bicycle[*].Color}",
      input: store,
      expect: "red green",
    },
    {
      name: "every author",
      template: "{.Book[*].Author}",
      input: store,
      expect: "Nigel Rees Evelyn Waugh Herman Melville",
    },
    {
      name: "a wildcard inside a range (values in key order)",
      template: '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}',
      input: store,
      expect: "{red true 19.95} {green false 20.01} ",
    },
    {
      name: "recursive descent to a field (maps in key order)",
      template: "{..Price}",
      input: store,
      expect: "19.95 20.01 8.95 12.99 8.99",
    },
    {
      name: "three dots work as two",
      template: "{...Price}",
      input: store,
      expect: "19.95 20.01 8.95 12.99 8.99",
    },
    {
      name: "a whole array of objects",
      template: "{.Bicycle}",
      input: store,
      expect: '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]',
    },
    {
      name: "the current item in a range",
      template: '{range .Bicycle[*]}{ @ }{ " " }{end}',
      input: store,
      expect: '{"Color":"red","IsNew":true,"Price":19.95} {"Color":"green","IsNew":false,"Price":20.01} ',
    },
    {
      name: "an open slice from the last item",
      template: "{.Book[-1:]}",
      input: store,
      expect: '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}',
    },
    {
      name: "an index after recursive descent",
      template: "{..Book[2]}",
      input: store,
      expect: '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}',
    },
    {
      name: "a boolean filter",
      template: "{.Bicycle[?(@.IsNew==true)]}",
      input: store,
      expect: '{"Color":"red","IsNew":true,"Price":19.95}',
    },
    { name: "an exists filter", template: "{[?(@.z)].id}", input: points, expect: "i2 i5" },
    { name: "a bracketed key", template: "{[0]['id']}", input: points, expect: "i1" },
    { name: "a null value prints null", template: "{[-1]['x']}", input: points, expect: "null" },
    {
      name: "a range then a field of the root",
      template: "{range .items[*]}{.metadata.name}, {end}{.kind}",
      input: nodes,
      expect: "127.0.0.1, 127.0.0.2, List",
    },
    {
      name: "a range with a quoted tab",
      template: '{range .items[*]}{.metadata.name}{"\\t"}{end}',
      input: nodes,
      expect: "127.0.0.1\t127.0.0.2\t",
    },
    {
      name: "nested array wildcards",
      template: "{.items[*].status.addresses[*].address}",
      input: nodes,
      expect: "127.0.0.1 127.0.0.2 127.0.0.3",
    },
    {
      name: "a double range",
      template: "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}",
      input: nodes,
      expect: "127.0.0.1, 127.0.0.2, 127.0.0.3, ",
    },
    {
      name: "every item name",
      template: "{.items[*].metadata.name}",
      input: nodes,
      expect: "127.0.0.1 127.0.0.2",
    },
    {
      name: "a union of dotted keys",
      template: "{.items[*]['metadata.name', 'status.capacity']}",
      input: nodes,
      expect: '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}',
    },
    {
      name: "text and maps inside a range",
      template: "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
      input: nodes,
      expect: '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
    },
    {
      name: "a string filter",
      template: '{.users[?(@.name=="e2e")].user.password}',
      input: nodes,
      expect: "secret",
    },
    {
      name: "an escaped dot in a label key",
      template: "{.items[0].metadata.labels.kubernetes\\.io/hostname}",
      input: nodes,
      expect: "127.0.0.1",
    },
    {
      name: "a filter on an escaped label key",
      template: '{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}',
      input: nodes,
      expect: "None",
    },
    {
      name: "a filter through recursive descent",
      template: "{.items[?(@..ready==true)].metadata.name}",
      input: nodes,
      expect: "127.0.0.1",
    },
    {
      name: "recursive descent to every name",
      template: "{..name}",
      input: nodes,
      expect: "127.0.0.1 127.0.0.2 myself e2e",
    },
    {
      name: "a nested range with trailing text",
      template:
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
      input: podsWithContainers,
      expect: "pod1:foo,bar,+pod2:baz,+",
    },
    {
      name: "three nested ranges",
      template:
        '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
      input: podsWithContainers,
      expect: "pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#",
    },
    {
      name: "two nested ranges at the same level",
      template:
        '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
      input: podsWithContainers,
      expect: "pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n",
    },
    { name: "index 0", template: "{.spec.containers[0].name}", input: fourContainers, expect: "fake0" },
    {
      name: "an empty slice [0:0]",
      template: "{.spec.containers[0:0].name}",
      input: fourContainers,
      expect: "",
    },
    {
      name: "a negative end [0:-1]",
      template: "{.spec.containers[0:-1].name}",
      input: fourContainers,
      expect: "fake0 fake1 fake2",
    },
    { name: "index -1", template: "{.spec.containers[-1].name}", input: fourContainers, expect: "fake3" },
    { name: "slice [-1:]", template: "{.spec.containers[-1:].name}", input: fourContainers, expect: "fake3" },
    { name: "index -2", template: "{.spec.containers[-2].name}", input: fourContainers, expect: "fake2" },
    {
      name: "slice [-2:]",
      template: "{.spec.containers[-2:].name}",
      input: fourContainers,
      expect: "fake2 fake3",
    },
    { name: "index -3", template: "{.spec.containers[-3].name}", input: fourContainers, expect: "fake1" },
    { name: "index -4", template: "{.spec.containers[-4].name}", input: fourContainers, expect: "fake0" },
    {
      name: "slice [-4:]",
      template: "{.spec.containers[-4:].name}",
      input: fourContainers,
      expect: "fake0 fake1 fake2 fake3",
    },
    {
      name: "an empty slice past the end [5:5]",
      template: "{.spec.containers[5:5].name}",
      input: fourContainers,
      expect: "",
    },
    {
      name: "an empty slice before the start [-5:-5]",
      template: "{.spec.containers[-5:-5].name}",
      input: fourContainers,
      expect: "",
    },
    {
      name: "an open slice [0:]",
      template: "{.spec.containers[0:].name}",
      input: sixContainers,
      expect: "fake0 fake1 fake2 fake3 fake4 fake5",
    },
    {
      name: "an empty step [0:6:]",
      template: "{.spec.containers[0:6:].name}",
      input: sixContainers,
      expect: "fake0 fake1 fake2 fake3 fake4 fake5",
    },
    {
      name: "step 1",
      template: "{.spec.containers[0:6:1].name}",
      input: sixContainers,
      expect: "fake0 fake1 fake2 fake3 fake4 fake5",
    },
    {
      name: "step 2 from 1",
      template: "{.spec.containers[1:4:2].name}",
      input: sixContainers,
      expect: "fake1 fake3",
    },
    {
      name: "step 3 from 1",
      template: "{.spec.containers[1:4:3].name}",
      input: sixContainers,
      expect: "fake1",
    },
    {
      name: "step 4 from 1",
      template: "{.spec.containers[1:4:4].name}",
      input: sixContainers,
      expect: "fake1",
    },
    {
      name: "step 2",
      template: "{.spec.containers[0:6:2].name}",
      input: sixContainers,
      expect: "fake0 fake2 fake4",
    },
    {
      name: "step 3",
      template: "{.spec.containers[0:6:3].name}",
      input: sixContainers,
      expect: "fake0 fake3",
    },
    {
      name: "step 5",
      template: "{.spec.containers[0:6:5].name}",
      input: sixContainers,
      expect: "fake0 fake5",
    },
    { name: "step 6", template: "{.spec.containers[0:6:6].name}", input: sixContainers, expect: "fake0" },
  ])("$name", ({ template, input, expect: expected }) => {
    expect(run(template, input, false)).toBe(expected);
  });

  it.each<Case>([
    {
      name: "an identifier that is not range or end",
      template: "{hello}",
      input: store,
      expect: "unrecognized identifier hello",
    },
    { name: "a missing field", template: "{.hello}", input: store, expect: "hello is not found" },
    {
      name: "an index into a map",
      template: "{.Labels[0]}",
      input: store,
      expect: "map[string]interface {} is not array or slice",
    },
    {
      name: "an unknown filter operator",
      template: "{.Book[?(@.Price<>10)]}",
      input: store,
      expect: "unrecognized filter operator <>",
    },
    {
      name: "an end without a range",
      template: "{range .Labels.*}{@}{end}{end}",
      input: store,
      expect: "not in range, nothing to end",
    },
    {
      name: "a start after the end [-1:0]",
      template: "{.spec.containers[-1:0].name}",
      input: fourContainers,
      expect: "starting index 3 is greater than ending index 0",
    },
    {
      name: "an index before the start [-5]",
      template: "{.spec.containers[-5].name}",
      input: fourContainers,
      expect: "array index out of bounds: index -1, length 4",
    },
    {
      name: "a start after the end [3:1]",
      template: "{.spec.containers[3:1].name}",
      input: fourContainers,
      expect: "starting index 3 is greater than ending index 1",
    },
    {
      name: "a start after the end [-1:-2]",
      template: "{.spec.containers[-1:-2].name}",
      input: fourContainers,
      expect: "starting index 3 is greater than ending index 2",
    },
    {
      name: "step 0",
      template: "{.spec.containers[0:6:0].name}",
      input: sixContainers,
      expect: "step must be > 0",
    },
    {
      name: "a negative step",
      template: "{.spec.containers[0:6:-1].name}",
      input: sixContainers,
      expect: "step must be > 0",
    },
    {
      name: "a filter over items that miss the key",
      template: '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}',
      input: annotatedPods,
      expect: "annotations is not found",
    },
    {
      name: "an index past the end",
      template: "{.items[0]}",
      input: { items: [] },
      expect: "array index out of bounds: index 0, length 0",
    },
    {
      name: "comparing a string with a number",
      template: '{[?(@.x=="4")].id}',
      input: points,
      expect: "incompatible types for comparison",
    },
    {
      name: "comparing null",
      template: "{[?(@.x>0)].id}",
      input: points.slice(6),
      expect: "invalid type for comparison",
    },
    {
      name: "ordering booleans",
      template: "{[?(@<true)]}",
      input: [true],
      expect: "invalid type for comparison",
    },
    {
      name: "comparing an int64 with a float literal",
      template: "{[?(@>1.0)]}",
      input: [2],
      expect: "incompatible types for comparison",
    },
    {
      name: "filtering a map",
      template: "{.Labels[?(@.a)]}",
      input: store,
      expect: "map[engieer:10 k8s-app:20 web/html:15] is not array or slice and cannot be filtered",
    },
    {
      name: "comparing several values at once",
      template: "{[?(@.*==1)]}",
      input: [{ a: 1, b: 1 }],
      expect: "can only compare one element at a time",
    },
  ])("fails on $name", ({ template, input, expect: expected }) => {
    expect(thrownMessage(() => run(template, input, false))).toBe(expected);
  });
});

describe("executeJsonPath with missing keys allowed (kubectl's default)", () => {
  it.each<Case>([
    { name: "a missing field prints nothing", template: "{.hello}", input: store, expect: "" },
    {
      name: "text around a missing field",
      template: "before-{.hello}after",
      input: store,
      expect: "before-after",
    },
    {
      name: "a range over an empty list",
      template: "{range .items[*]}{.metadata.name}{end}",
      input: { items: [] },
      expect: "",
    },
    {
      name: "a nested range over an empty list",
      template:
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
      input: { items: [] },
      expect: "",
    },
    {
      name: "a filter where some items miss the key",
      template: '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}',
      input: annotatedPods,
      expect: "pod1 pod4",
    },
    {
      name: "a ranged filter skips items without the field",
      template: '{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}',
      input: runningPods,
      expect: "pod1 is Running\npod2 is Running\npod3 is Running\n",
    },
    { name: "a lone dot looks up an empty key", template: "{.}", input: store, expect: "" },
    {
      name: "the dollar sign is the root",
      template: "{$}",
      input: { b: 1, a: "x" },
      expect: '{"a":"x","b":1}',
    },
    { name: "the at sign is the current value", template: "{@}", input: [1, 2], expect: "[1,2]" },
    {
      name: "the root object",
      template: "{$.Employees}",
      input: store,
      expect: '{"dan":"clerk","jason":"manager"}',
    },
    { name: "an int literal per input", template: "{1}{2.5}{true}", input: store, expect: "12.5true" },
    {
      name: "HTML characters are escaped in JSON",
      template: "{.a}",
      input: { a: { b: "<&>" } },
      expect: '{"b":"\\u003c\\u0026\\u003e"}',
    },
    {
      name: "floats use Go's %v",
      template: "{.a}-{.b}-{.c}",
      input: { a: 1234567.5, b: 0.00001, c: 123456.5 },
      expect: "1.2345675e+06-1e-05-123456.5",
    },
    {
      name: "a wildcard over a string yields its bytes",
      template: "{.a.*}",
      input: { a: "hé" },
      expect: "104 195 169",
    },
    {
      name: "an exists filter keeps items whose lookup failed on an index",
      template: "{[?(@.a[5])].n}",
      input: [{ a: [1], n: "x" }, { n: "y" }],
      expect: "x",
    },
    {
      name: "a null item in a range has no value",
      template: "{range .items[*]}{@};{end}",
      input: { items: [null, 1] },
      expect: "<no value>;1;",
    },
    {
      name: "a range without an end runs its body again on the root",
      template: "{range .items[*]}{@}",
      input: { items: [1, 2] },
      expect: '12{"items":[1,2]}',
    },
  ])("$name", ({ template, input, expect: expected }) => {
    expect(run(template, input, true)).toBe(expected);
  });

  it("prints each group as an indented JSON array for jsonpath-as-json", () => {
    const output = executeJsonPath(parseJsonPath("{.items[*].metadata.name}{.kind}"), nodes, {
      allowMissingKeys: true,
      outputJson: true,
    });
    expect(output).toBe('[\n    "127.0.0.1",\n    "127.0.0.2"\n]\n[\n    "List"\n]\n');
  });
});
