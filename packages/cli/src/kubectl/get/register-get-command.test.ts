import type { Cluster } from "@kubesim/cluster";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunInCluster } from "../../command-runner.js";
import { testContext } from "../test-context.js";
import { createFixtureCluster } from "./fixture-cluster.js";
import { registerGetCommand } from "./register-get-command.js";

describe("registerGetCommand", () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await createFixtureCluster();
  });

  afterAll(() => {
    cluster.close();
  });

  /** Parses `argv` as `kubesim get ...` and returns what the verb printed and its exit code. */
  async function get(argv: readonly string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    const context = testContext(cluster);
    let exitCode = -1;
    const run: RunInCluster = async (_command, action) => {
      exitCode = await action(context);
    };
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    registerGetCommand(program, run);
    await program.parseAsync(["get", ...argv], { from: "user" });
    return { ...context.io.output, exitCode };
  }

  it.each([
    {
      name: "passes -A, --show-labels and -L through (kubectl's 13b transcript)",
      argv: ["ds", "-A", "--show-labels", "-L", "app", "-l", "app"],
      stdout:
        "NAMESPACE      NAME              DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE     APP       LABELS\n" +
        "default        nginx             2         2         2       2            2           <none>          2m20s   nginx     app=nginx\n" +
        "kube-flannel   kube-flannel-ds   3         3         3       3            3           <none>          4m40s   flannel   app=flannel,k8s-app=flannel\n",
    },
    {
      name: "collects repeated -L flags",
      argv: ["ds", "-L", "app", "-L", "k8s-app", "--no-headers", "--all-namespaces", "--selector", "k8s-app"],
      stdout:
        "kube-flannel   kube-flannel-ds   3     3     3     3     3     <none>                   4m40s   flannel   flannel\n" +
        "kube-system    kube-proxy        3     3     3     3     3     kubernetes.io/os=linux   4m40s             kube-proxy\n",
    },
    {
      name: "reads -o and -l written with an equals sign, as pflag does",
      argv: ["ds", "-l=app=nginx", "-o=jsonpath={.items[0].metadata.name}{'\\n'}"],
      stdout: "nginx\n",
    },
    {
      name: "reads --field-selector and --sort-by",
      argv: [
        "pods",
        "-A",
        "--field-selector",
        "spec.nodeName=node-2",
        "--sort-by",
        "{.metadata.name}",
        "-o",
        "name",
      ],
      stdout: "pod/kube-flannel-ds-9fh6x\npod/kube-proxy-7vqb6\npod/nginx-rnzbx\n",
    },
  ])("$name", async ({ argv, stdout }) => {
    const output = await get(argv);
    expect(output).toEqual({ stdout, stderr: "", exitCode: 0 });
  });

  it("turns --allow-missing-template-keys=false into template errors", async () => {
    const output = await get([
      "no",
      "node-1",
      "-o",
      "jsonpath={.nothing}",
      "--allow-missing-template-keys=false",
    ]);
    expect(output.stderr.split("\n")[0]).toBe(
      'error: error executing jsonpath "{.nothing}": Error executing template: nothing is not found. Printing more information for debugging the template:',
    );
    expect(output.exitCode).toBe(1);
  });

  it("refuses -w with kubesim's explanation", async () => {
    expect(await get(["pods", "-w"])).toEqual({
      stdout: "",
      stderr:
        "error: --watch is not supported by kubesim: every command settles the simulated cluster before it prints, so there are no further changes to watch\n",
      exitCode: 1,
    });
  });

  it("rejects a boolean flag value Go would not parse", async () => {
    await expect(get(["ds", "--allow-missing-template-keys=maybe"])).rejects.toThrowError(
      /strconv\.ParseBool: parsing "maybe": invalid syntax/,
    );
  });
});
