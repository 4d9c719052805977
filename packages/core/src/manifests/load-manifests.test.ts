import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StatusError } from "../errors/index.js";
import { loadManifests } from "./load-manifests.js";
import { ManifestError } from "./manifest-error.js";

const nginxDaemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

describe("loadManifests", () => {
  it.each([
    {
      name: "a single YAML document becomes one object with its fields intact",
      text: nginxDaemonSet,
      want: [{ kind: "DaemonSet", name: "nginx" }],
    },
    {
      name: "documents separated by --- become objects in file order and empty documents are skipped",
      text: `---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: Node\nmetadata:\n  name: b\n`,
      want: [
        { kind: "Namespace", name: "a" },
        { kind: "Node", name: "b" },
      ],
    },
    {
      name: "a JSON document is read like YAML",
      text: `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}`,
      want: [{ kind: "Pod", name: "p" }],
    },
    {
      name: "a v1 List is expanded into its items",
      text: `apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Node, metadata: {name: n1}}\n- {apiVersion: apps/v1, kind: DaemonSet, metadata: {name: d1}}\n`,
      want: [
        { kind: "Node", name: "n1" },
        { kind: "DaemonSet", name: "d1" },
      ],
    },
    {
      name: "a typed list such as NodeList is expanded into its items",
      text: `apiVersion: v1\nkind: NodeList\nitems:\n- {apiVersion: v1, kind: Node, metadata: {name: n1}}\n`,
      want: [{ kind: "Node", name: "n1" }],
    },
    { name: "an empty file holds no objects", text: "", want: [] },
    { name: "a file of comments holds no objects", text: "# nothing here\n---\n# still nothing\n", want: [] },
  ])("$name", ({ text, want }) => {
    const objects = loadManifests(text, { filename: "ds.yaml" });
    expect(objects.map((object) => ({ kind: object.kind, name: object.metadata?.name }))).toEqual(want);
  });

  it.each([
    { name: "yes is a boolean as in YAML 1.1", text: "value: yes", want: true },
    { name: "off is a boolean as in YAML 1.1", text: "value: off", want: false },
    { name: "a leading zero makes an octal integer as in YAML 1.1", text: "value: 0755", want: 493 },
    { name: "underscores are dropped from integers", text: "value: 1_000", want: 1000 },
    { name: "a quoted number stays a string", text: 'value: "80"', want: "80" },
    { name: "a date stays a string as go-yaml leaves it", text: "value: 2026-11-29", want: "2026-11-29" },
    { name: "colon-separated numbers stay a string", text: "value: 22:22", want: "22:22" },
    { name: "a tilde is null", text: "value: ~", want: null },
  ])("scalar typing: $name", ({ text, want }) => {
    const [object] = loadManifests(`apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n${text}\n`);
    expect((object as Record<string, unknown>).value).toEqual(want);
  });

  it.each([
    {
      name: "a kind that is not served gets kubectl's no-matches message",
      text: "apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\n",
      reason: "NoKindMatch",
      message:
        'resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first',
    },
    {
      name: "a served kind in a retired apiVersion gets the no-matches message too",
      text: "apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata:\n  name: old\n  namespace: kube-system\n",
      reason: "NoKindMatch",
      message:
        'resource mapping not found for name: "old" namespace: "kube-system" from "foo.yaml": no matches for kind "DaemonSet" in version "extensions/v1beta1"\nensure CRDs are installed first',
    },
    {
      name: "a document without kind is rejected with the decoder's message",
      text: "apiVersion: v1\nmetadata: {name: x}\n",
      reason: "MissingKind",
      message: `unable to decode "foo.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'`,
    },
    {
      name: "a document that is a list rather than an object is rejected",
      text: "- a\n- b\n",
      reason: "NotAnObject",
      message:
        "error parsing foo.yaml: error unmarshaling JSON: json: cannot unmarshal array into Go value of type map[string]interface {}",
    },
    {
      name: "a duplicated key is a syntax error with its line and column",
      text: "apiVersion: v1\nkind: Pod\nkind: Node\n",
      reason: "SyntaxError",
      message:
        "error parsing foo.yaml: error converting YAML to JSON: yaml: line 3, column 1: Map keys must be unique",
    },
  ])("$name", ({ text, reason, message }) => {
    let thrown: unknown;
    try {
      loadManifests(text, { filename: "foo.yaml" });
    } catch (error) {
      thrown = error;
    }
    expect(ManifestError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({ reason, message, filename: "foo.yaml" });
  });

  it("a syntax error records the file, line and column", () => {
    let thrown: unknown;
    try {
      loadManifests("apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a, b\n", { filename: "pod.yaml" });
    } catch (error) {
      thrown = error;
    }
    expect(ManifestError.isInstance(thrown)).toBe(true);
    const manifestError = thrown as ManifestError;
    expect(manifestError.filename).toBe("pod.yaml");
    expect(manifestError.line).toBeGreaterThanOrEqual(4);
    expect(manifestError.column).toBeGreaterThanOrEqual(1);
    expect(manifestError.message).toMatch(
      /^error parsing pod\.yaml: error converting YAML to JSON: yaml: line \d+, column \d+: /,
    );
  });

  it("allowUnknownKinds keeps kinds kubesim does not serve", () => {
    const objects = loadManifests("apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: x}\n", {
      allowUnknownKinds: true,
    });
    expect(objects).toEqual([{ apiVersion: "example.com/v1", kind: "Foo", metadata: { name: "x" } }]);
  });

  it.each([
    { name: "a __proto__ key in YAML", text: "apiVersion: v1\nkind: Pod\n__proto__:\n  polluted: yes\n" },
    {
      name: "a __proto__ key in JSON",
      text: '{"apiVersion":"v1","kind":"Pod","__proto__":{"polluted":true}}',
    },
    {
      name: "a nested __proto__ key inside labels",
      text: "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    __proto__:\n      polluted: yes\n",
    },
    {
      name: "constructor and prototype keys",
      text: "apiVersion: v1\nkind: Pod\nconstructor:\n  prototype:\n    polluted: yes\n",
    },
  ])("$name stays plain data and never reaches a prototype", ({ text }) => {
    const objects = loadManifests(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(objects[0])).toBe(Object.prototype);
    expect(JSON.stringify(objects[0])).toContain("polluted");
  });

  it("a constructor label is kept as an ordinary label", () => {
    const [pod] = loadManifests(
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    constructor: x\n",
    );
    expect(pod?.metadata?.labels).toEqual({ constructor: "x" });
  });

  it("loading arbitrary JSON never throws anything but a ManifestError and never changes a prototype", () => {
    const hostileKey = fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "kind",
      "apiVersion",
      "items",
      "metadata",
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.oneof(hostileKey, fc.string()), tie("value"), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, fc.boolean(), (value, asObjectWithKind) => {
        const document =
          asObjectWithKind && value !== null && typeof value === "object" && !Array.isArray(value)
            ? { apiVersion: "v1", kind: "Pod", ...value }
            : value;
        try {
          loadManifests(JSON.stringify(document));
        } catch (error) {
          if (!ManifestError.isInstance(error) && !StatusError.isInstance(error)) throw error;
        }
        return Object.getPrototypeOf({}) === Object.prototype && !Object.hasOwn(Object.prototype, "polluted");
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
});
