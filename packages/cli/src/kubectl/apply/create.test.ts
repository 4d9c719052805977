import { describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { createTestCluster, nginxDaemonSetYaml, writeManifests } from "../resource-builder/test-manifests.js";
import { testContext } from "../test-context.js";
import { runCreate } from "./create.js";

const invalidDaemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: bad
spec:
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

const invalidDaemonSetTwoCauses = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: bad2
spec:
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: other
    spec:
      containers: []
`;

const fooKind = `apiVersion: example.com/v1
kind: Foo
metadata:
  name: x
`;

const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: web
    image: nginx:1.25
`;

interface CreateCase {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly filenames: string[];
  readonly recursive?: boolean;
  readonly namespace?: string;
  readonly stdin?: string;
  readonly saveConfig?: boolean;
  readonly output?: string;
  readonly args?: string[];
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const cases: CreateCase[] = [
  {
    name: "a DaemonSet manifest is created and named as kubectl names it",
    files: { "nginx.yaml": nginxDaemonSetYaml() },
    filenames: ["nginx.yaml"],
    stdout: "daemonset.apps/nginx created\n",
    stderr: "",
    exitCode: 0,
  },
  {
    name: "an object the server rejects as invalid prints the Invalid block without the file name",
    files: { "ds-invalid.yaml": invalidDaemonSet },
    filenames: ["ds-invalid.yaml"],
    stdout: "",
    stderr:
      'The DaemonSet "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n',
    exitCode: 1,
  },
  {
    name: "an object with two invalid fields prints one starred line per cause",
    files: { "ds-invalid2.yaml": invalidDaemonSetTwoCauses },
    filenames: ["ds-invalid2.yaml"],
    stdout: "",
    stderr:
      'The DaemonSet "bad2" is invalid: \n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n* spec.template.spec.containers: Required value\n',
    exitCode: 1,
  },
  {
    name: "a missing file stops the command before anything is created",
    files: { "nginx.yaml": nginxDaemonSetYaml() },
    filenames: ["missing.yaml", "nginx.yaml"],
    stdout: "",
    stderr: 'error: the path "missing.yaml" does not exist\n',
    exitCode: 1,
  },
  {
    name: "two missing files are listed on their own lines without the error prefix",
    files: {},
    filenames: ["a.yaml", "b.yaml"],
    stdout: "",
    stderr: 'the path "a.yaml" does not exist\nthe path "b.yaml" does not exist\n',
    exitCode: 1,
  },
  {
    name: "a kind the server does not serve is reported with kubectl's resource mapping error",
    files: { "foo.yaml": fooKind },
    filenames: ["foo.yaml"],
    stdout: "",
    stderr:
      'error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n',
    exitCode: 1,
  },
  {
    name: "a YAML syntax error in the second document keeps the first and reports the line within its document",
    files: {
      "two.yaml": `${nginxDaemonSetYaml()}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [a, b\n`,
    },
    filenames: ["two.yaml"],
    stdout: "daemonset.apps/nginx created\n",
    stderr:
      "error: error parsing two.yaml: error converting YAML to JSON: yaml: line 5, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]\n",
    exitCode: 1,
  },
  {
    name: "an object that already exists is reported with its file while the next document is still created",
    files: { "all.yaml": `${pod("web-1")}---\n${pod("web-1")}---\n${pod("web-2")}` },
    filenames: ["all.yaml"],
    stdout: "pod/web-1 created\npod/web-2 created\n",
    stderr:
      'Error from server (AlreadyExists): error when creating "all.yaml": pods "web-1" already exists\n',
    exitCode: 1,
  },
  {
    name: "several failures print one line each, Status errors as Error from server and others bare",
    files: { "all.yaml": `${pod("web-1")}---\n${pod("web-1")}---\n${pod("web-1")}---\n${fooKind}` },
    filenames: ["all.yaml"],
    stdout: "pod/web-1 created\n",
    stderr:
      'Error from server (AlreadyExists): error when creating "all.yaml": pods "web-1" already exists\nError from server (AlreadyExists): error when creating "all.yaml": pods "web-1" already exists\nresource mapping not found for name: "x" namespace: "" from "all.yaml": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n',
    exitCode: 1,
  },
  {
    name: "a directory contributes its manifests in name order and skips other files and subdirectories",
    files: {
      "manifests/b.yaml": pod("web-b"),
      "manifests/a.json": JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "web-a" },
        spec: { containers: [{ name: "web", image: "nginx" }] },
      }),
      "manifests/notes.txt": "not a manifest",
      "manifests/nested/c.yml": pod("web-c"),
    },
    filenames: ["manifests"],
    stdout: "pod/web-a created\npod/web-b created\n",
    stderr: "",
    exitCode: 0,
  },
  {
    name: "a recursive directory walk also reads subdirectories",
    files: { "manifests/b.yaml": pod("web-b"), "manifests/nested/c.yml": pod("web-c") },
    filenames: ["manifests/"],
    recursive: true,
    stdout: "pod/web-b created\npod/web-c created\n",
    stderr: "",
    exitCode: 0,
  },
  {
    name: "a directory without manifests is an error naming the recognized extensions",
    files: { "empty/readme.md": "nothing" },
    filenames: ["empty"],
    stdout: "",
    stderr: "error: error reading [empty]: recognized file extensions are [.json .yaml .yml]\n",
    exitCode: 1,
  },
  {
    name: "standard input is read for a dash and named STDIN in errors",
    files: {},
    filenames: ["-"],
    stdin: `${pod("web-1")}---\n${pod("web-1")}`,
    stdout: "pod/web-1 created\n",
    stderr: 'Error from server (AlreadyExists): error when creating "STDIN": pods "web-1" already exists\n',
    exitCode: 1,
  },
  {
    name: "a JSON stream of two objects creates both",
    files: {
      "pods.json": `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j1"},"spec":{"containers":[{"name":"c","image":"x"}]}}\n{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j2"},"spec":{"containers":[{"name":"c","image":"x"}]}}`,
    },
    filenames: ["pods.json"],
    stdout: "pod/j1 created\npod/j2 created\n",
    stderr: "",
    exitCode: 0,
  },
  {
    name: "a JSON syntax error is reported with Go's offset and message after the objects before it",
    files: {
      "pods.json": `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j1"},"spec":{"containers":[{"name":"c","image":"x"}]}}\n{"apiVersion" "v1"}`,
    },
    filenames: ["pods.json"],
    stdout: "pod/j1 created\n",
    stderr: "error: error parsing pods.json: json: offset 16: invalid character '\"' after object key\n",
    exitCode: 1,
  },
  {
    name: "a namespace that does not exist is reported by the server with the file name",
    files: { "ds-nons.yaml": nginxDaemonSetYaml() },
    filenames: ["ds-nons.yaml"],
    namespace: "nosuchns",
    stdout: "",
    stderr:
      'Error from server (NotFound): error when creating "ds-nons.yaml": namespaces "nosuchns" not found\n',
    exitCode: 1,
  },
  {
    name: "an object in another namespace than an explicit -n is refused",
    files: {
      "pod.yaml": pod("web-1").replace("  name: web-1\n", "  name: web-1\n  namespace: kube-system\n"),
    },
    filenames: ["pod.yaml"],
    namespace: "default",
    stdout: "",
    stderr:
      'error: the namespace from the provided object "kube-system" does not match the namespace "default". You must pass \'--namespace=kube-system\' to perform this operation.\n',
    exitCode: 1,
  },
  {
    name: "a file without objects is an error",
    files: { "empty.yaml": "# nothing\n---\n" },
    filenames: ["empty.yaml"],
    stdout: "",
    stderr: "error: no objects passed to create\n",
    exitCode: 1,
  },
  {
    name: "positional arguments are a usage error",
    files: {},
    filenames: ["x.yaml"],
    args: ["ds", "nginx"],
    stdout: "",
    stderr: "error: Unexpected args: [ds nginx]\nSee 'kubesim create -h' for help and examples\n",
    exitCode: 1,
  },
  {
    name: "no file at all asks for -f",
    files: {},
    filenames: [],
    stdout: "",
    stderr: "error: must specify one of -f and -k\n",
    exitCode: 1,
  },
  {
    name: "-o name prints only the object names",
    files: { "nginx.yaml": nginxDaemonSetYaml() },
    filenames: ["nginx.yaml"],
    output: "name",
    stdout: "daemonset.apps/nginx\n",
    stderr: "",
    exitCode: 0,
  },
  {
    name: "an unknown output format is refused before anything is created",
    files: { "nginx.yaml": nginxDaemonSetYaml() },
    filenames: ["nginx.yaml"],
    output: "wide",
    stdout: "",
    stderr:
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    exitCode: 1,
  },
];

describe("runCreate", () => {
  it.each(cases)("$name", async (testCase) => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests(testCase.files);
    const io = bufferedIo(testCase.stdin ?? "");
    const context = testContext(cluster, {
      io,
      cwd,
      ...(testCase.namespace === undefined ? {} : { namespace: testCase.namespace }),
    });
    const exitCode = await runCreate(context, {
      filenames: testCase.filenames,
      recursive: testCase.recursive === true,
      saveConfig: testCase.saveConfig === true,
      ...(testCase.output === undefined ? {} : { output: testCase.output }),
      ...(testCase.args === undefined ? {} : { args: testCase.args }),
    });
    expect(io.output).toEqual({ stdout: testCase.stdout, stderr: testCase.stderr });
    expect(exitCode).toBe(testCase.exitCode);
    cluster.close();
  });

  it("creating the same manifest twice reports AlreadyExists exactly as kubectl", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests({ "nginx.yaml": nginxDaemonSetYaml() });
    const first = testContext(cluster, { cwd });
    expect(await runCreate(first, { filenames: ["nginx.yaml"], recursive: false })).toBe(0);
    const second = testContext(cluster, { cwd });
    expect(await runCreate(second, { filenames: ["nginx.yaml"], recursive: false })).toBe(1);
    expect(second.io.output).toEqual({
      stdout: "",
      stderr:
        'Error from server (AlreadyExists): error when creating "nginx.yaml": daemonsets.apps "nginx" already exists\n',
    });
    cluster.close();
  });

  it("--save-config records the configuration in the last-applied annotation", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests({ "nginx.yaml": nginxDaemonSetYaml() });
    await runCreate(testContext(cluster, { cwd }), {
      filenames: ["nginx.yaml"],
      recursive: false,
      saveConfig: true,
    });
    const daemonSet = await cluster.client.get("DaemonSet", "nginx", { namespace: "default" });
    expect(daemonSet.metadata?.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toBe(
      '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n',
    );
    cluster.close();
  });
});
