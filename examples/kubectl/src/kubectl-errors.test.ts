import { describe, it } from "vitest";
import { expectKubectlCase, type KubectlCase, useServedCluster } from "./served-cluster.js";

const invalidSelector =
  'spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`';

/** Transcripts 70–76d, on a cluster holding the nginx DaemonSet. */
const cases: KubectlCase[] = [
  {
    name: "get of a DaemonSet that does not exist prints the server's NotFound Status (70)",
    args: ["get", "ds", "nope"],
    exitCode: 1,
    stdout: "",
    stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
  },
  {
    name: "delete of a DaemonSet that does not exist prints the same NotFound (70b)",
    args: ["delete", "ds", "nope"],
    exitCode: 1,
    stdout: "",
    stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
  },
  {
    name: "describe of a DaemonSet that does not exist prints the same NotFound (70c)",
    args: ["describe", "ds", "nope"],
    exitCode: 1,
    stdout: "",
    stderr: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
  },
  {
    name: "create of a DaemonSet that exists prints AlreadyExists with the file name (71)",
    args: ["create", "-f", "ds.yaml"],
    exitCode: 1,
    stdout: "",
    stderr:
      'Error from server (AlreadyExists): error when creating "ds.yaml": daemonsets.apps "nginx" already exists\n',
  },
  {
    name: "create of a DaemonSet whose selector does not match its labels prints the one cause on one line (72)",
    args: ["create", "-f", "ds-invalid.yaml"],
    exitCode: 1,
    stdout: "",
    stderr: `The DaemonSet "bad" is invalid: ${invalidSelector}\n`,
  },
  {
    name: "create of a DaemonSet with two mistakes prints one line per cause (72b)",
    args: ["create", "-f", "ds-invalid2.yaml"],
    exitCode: 1,
    stdout: "",
    stderr: `The DaemonSet "bad2" is invalid: \n* ${invalidSelector}\n* spec.template.spec.containers: Required value\n`,
  },
  {
    name: "apply of an invalid DaemonSet prints the same Invalid message as create (72c)",
    args: ["apply", "-f", "ds-invalid.yaml"],
    exitCode: 1,
    stdout: "",
    stderr: `The DaemonSet "bad" is invalid: ${invalidSelector}\n`,
  },
  {
    name: "create with a field DaemonSets do not have is refused by strict field validation (73)",
    args: ["create", "-f", "ds-unknown-field.yaml"],
    exitCode: 1,
    stdout: "",
    stderr:
      'Error from server (BadRequest): error when creating "ds-unknown-field.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.replicas"\n',
  },
  {
    name: "get of a resource type the server does not have fails before any request (76)",
    args: ["get", "foos"],
    exitCode: 1,
    stdout: "",
    stderr: 'error: the server doesn\'t have a resource type "foos"\n',
  },
  {
    name: "create of a kind the server does not know fails validation (76b)",
    args: ["create", "-f", "foo.yaml"],
    exitCode: 1,
    stdout: "",
    stderr:
      'error: error validating "foo.yaml": error validating data: the server could not find the requested resource; if you choose to ignore these errors, turn validation off with --validate=false\n',
  },
  {
    name: "create of a kind the server does not know with --validate=false has no mapping for it (76c)",
    args: ["create", "-f", "foo.yaml", "--validate=false"],
    exitCode: 1,
    stdout: "",
    stderr:
      'error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n',
  },
  {
    name: "create into a namespace that does not exist prints the namespace's NotFound (76d)",
    args: ["-n", "nosuchns", "create", "-f", "ds-nons.yaml"],
    exitCode: 1,
    stdout: "",
    stderr:
      'Error from server (NotFound): error when creating "ds-nons.yaml": namespaces "nosuchns" not found\n',
  },
];

describe("kubectl error messages against kubesim serve", () => {
  const cluster = useServedCluster((served) => served.kubectlOk(["create", "-f", "ds.yaml"]));

  it.each(cases)("$name", async (kubectlCase) => {
    await expectKubectlCase(cluster(), kubectlCase);
  });

  it("replace with a stale file is refused with a resourceVersion Conflict (75)", async () => {
    cluster().workspace.writeFile(
      "stale.yaml",
      await cluster().kubectlOk(["get", "ds", "nginx", "-o", "yaml"]),
    );
    await cluster().kubectlOk(["label", "ds", "nginx", "stale=yes"]);
    await expectKubectlCase(cluster(), {
      name: "replace",
      args: ["replace", "-f", "stale.yaml"],
      exitCode: 1,
      stdout: "",
      stderr:
        'Error from server (Conflict): error when replacing "stale.yaml": Operation cannot be fulfilled on daemonsets.apps "nginx": the object has been modified; please apply your changes to the latest version and try again\n',
    });
  });

  it("label with a resourceVersion that is not the node's is refused with a Conflict and no file prefix (74)", async () => {
    await expectKubectlCase(cluster(), {
      name: "label",
      args: ["label", "node", "node-1", "--resource-version=1", "team=a"],
      exitCode: 1,
      stdout: "",
      stderr:
        'Error from server (Conflict): Operation cannot be fulfilled on nodes "node-1": the object has been modified; please apply your changes to the latest version and try again\n',
    });
  });
});
