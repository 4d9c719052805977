import type { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bufferedIo } from "./io.js";
import { createProgram, runCli } from "./program.js";
import { createTestKubesim, simulatorCommands, type TestKubesim } from "./simulator/test-kubesim.js";

describe("the kubesim program", () => {
  let kubesim: TestKubesim;
  beforeEach(() => {
    kubesim = createTestKubesim("2026-03-01T00:00:00Z");
  });
  afterEach(() => {
    kubesim.cleanup();
  });

  it.each([
    {
      name: "An unknown command is reported as cobra reports it",
      args: ["frobnicate"],
      stderr: 'error: unknown command "frobnicate" for "kubesim"\n',
    },
    {
      name: "A near miss gets cobra's suggestions",
      args: ["clustr", "list"],
      stderr: 'error: unknown command "clustr" for "kubesim"\n\nDid you mean this?\n\tcluster\n',
    },
    {
      name: "A prefix of a command is suggested too",
      args: ["adv"],
      stderr: 'error: unknown command "adv" for "kubesim"\n\nDid you mean this?\n\tadvance\n',
    },
    {
      name: "An unknown subcommand names its parent",
      args: ["node", "ad", "node-3"],
      stderr: 'error: unknown command "ad" for "kubesim node"\n\nDid you mean this?\n\tadd\n',
    },
    {
      name: "An unknown long flag is reported as pflag reports it",
      args: ["node", "add", "n", "--colour=red"],
      stderr: "error: unknown flag: --colour\nSee 'kubesim node add --help' for usage.\n",
    },
    {
      name: "An unknown short flag is reported as pflag reports it",
      args: ["cluster", "list", "-qx"],
      stderr: "error: unknown shorthand flag: 'q' in -qx\nSee 'kubesim cluster list --help' for usage.\n",
    },
    {
      name: "A flag without its value, long form",
      args: ["advance", "1s", "--namespace"],
      stderr: "error: flag needs an argument: --namespace\nSee 'kubesim advance --help' for usage.\n",
    },
    {
      name: "A flag without its value, short form",
      args: ["advance", "1s", "-n"],
      stderr: "error: flag needs an argument: 'n' in -n\nSee 'kubesim advance --help' for usage.\n",
    },
    {
      name: "Too many arguments are refused",
      args: ["cluster", "use", "a", "b"],
      stderr:
        "error: too many arguments for 'use'. Expected 1 argument but got 2.\nSee 'kubesim cluster use --help' for usage.\n",
    },
    {
      name: "A malformed KUBESIM_NOW is reported when a command needs the time",
      args: ["cluster", "create"],
      now: "tomorrow",
      stderr:
        'error: invalid KUBESIM_NOW "tomorrow": expected an RFC 3339 time such as "2026-01-01T00:00:00Z" or epoch milliseconds\n',
    },
    {
      name: "A malformed --cluster is refused",
      args: ["--cluster", "My_Cluster", "advance", "1s"],
      stderr:
        "error: invalid cluster name \"My_Cluster\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n",
    },
  ])("$name", async ({ args, stderr, now }) => {
    expect(await kubesim.run(args, now === undefined ? {} : { now })).toEqual({
      code: 1,
      stdout: "",
      stderr,
    });
  });

  it("Prints the help on stdout with exit code 0 when run without arguments", async () => {
    const result = await kubesim.run([]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Usage: kubesim \[options\] \[command\]\n/);
    expect(result.stdout).toContain("  -n, --namespace <namespace>");
    expect(result.stdout).toContain("  cluster");
  });

  it("Prints a verb's help on stdout with exit code 0 for --help", async () => {
    const result = await kubesim.run(["node", "add", "--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Usage: kubesim node add \[options\] <name>\n/);
  });

  it("Passes -n and --cluster to the verb, wherever they appear on the line", async () => {
    await kubesim.run(["cluster", "create", "small", "--nodes", "0"]);
    await kubesim.run(["cluster", "create", "other"]);
    let seen: { namespace: string; explicit: boolean; nodes: number } | undefined;
    const probe = (program: Command, run: Parameters<(typeof simulatorCommands)[number]>[1]) => {
      program.command("probe").action((_flags: unknown, command: Command) =>
        run(command, async (context) => {
          const nodes = (await context.client.list("Node")).items.length;
          seen = { namespace: context.namespace, explicit: context.namespaceExplicit, nodes };
          return 0;
        }),
      );
    };
    const io = bufferedIo();
    const env = { KUBESIM_HOME: kubesim.home, KUBESIM_NOW: "2026-03-01T00:00:00Z" };
    expect(
      await runCli(["node", "kubesim", "probe", "-n", "kube-system"], io, env, "/", [
        ...simulatorCommands,
        probe,
      ]),
    ).toBe(0);
    expect(seen).toEqual({ namespace: "kube-system", explicit: true, nodes: 3 });
    expect(await runCli(["node", "kubesim", "probe"], io, env, "/", [probe])).toBe(0);
    expect(seen).toEqual({ namespace: "default", explicit: false, nodes: 3 });
    expect(await runCli(["node", "kubesim", "probe", "--cluster", "small"], io, env, "/", [probe])).toBe(0);
    expect(seen).toEqual({ namespace: "default", explicit: false, nodes: 1 });
    expect(io.output.stderr).toBe("");
  });

  it("Prints what a failing action wrote, then its error, and keeps what it changed", async () => {
    await kubesim.run(["cluster", "create"]);
    const failing = (program: Command, run: Parameters<(typeof simulatorCommands)[number]>[1]) => {
      program.command("half").action((_flags: unknown, command: Command) =>
        run(command, async (context) => {
          await context.cluster.addNode("node-3");
          context.io.stdout("node/node-3 added\n");
          throw new Error("something broke");
        }),
      );
    };
    const io = bufferedIo();
    const env = { KUBESIM_HOME: kubesim.home, KUBESIM_NOW: "2026-03-01T00:00:00Z" };
    expect(await runCli(["node", "kubesim", "half"], io, env, "/", [failing])).toBe(1);
    expect(io.output).toEqual({ stdout: "node/node-3 added\n", stderr: "error: something broke\n" });
    expect(await kubesim.run(["node", "add", "node-3"])).toEqual({
      code: 1,
      stdout: "",
      stderr: 'Error from server (AlreadyExists): nodes "node-3" already exists\n',
    });
  });

  it("Sets process.exitCode by default", async () => {
    const previous = process.exitCode;
    const program = createProgram({
      io: bufferedIo(),
      env: { KUBESIM_HOME: kubesim.home },
      cwd: "/",
      register: simulatorCommands,
    });
    program.exitOverride();
    await program.parseAsync(["node", "kubesim", "cluster", "use", "nope"]);
    expect(process.exitCode).toBe(1);
    process.exitCode = previous;
  });
});
