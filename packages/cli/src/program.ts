import { formatKubectlError, goQuote } from "@kubesim/core";
import { Command, CommanderError } from "commander";
import type { RunInCluster } from "./command-runner.js";
import type { CommandIo } from "./io.js";
import type { ExitCode } from "./kubectl/kubectl-context.js";
import { createRunInCluster, createRunWithoutCluster, type RunWithoutCluster } from "./run-in-cluster.js";
import { createCommandEnvironment } from "./state/index.js";

/**
 * Declares one verb on the `kubesim` program. kubectl verbs use `run` (the current cluster,
 * loaded and saved around the action); the cluster-file verbs use `runWithoutCluster`.
 */
export type RegisterCommand = (
  program: Command,
  run: RunInCluster,
  runWithoutCluster: RunWithoutCluster,
) => void;

/** Options of {@link createProgram}. */
export interface CreateProgramOptions {
  readonly io: CommandIo;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The verbs, declared in order. */
  readonly register: readonly RegisterCommand[];
  /** Receives each command's exit code (default: sets `process.exitCode`). */
  readonly onExitCode?: (code: ExitCode) => void;
}

/** cobra's suggestion distance: commands within two edits (or starting with the input) are suggested. */
const suggestionsMinimumDistance = 2;

function allCommands(root: Command): Command[] {
  const commands = [root];
  for (let index = 0; index < commands.length; index++) commands.push(...(commands[index]?.commands ?? []));
  return commands;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current !== null; current = current.parent)
    names.unshift(current.name());
  return names.join(" ");
}

/** Levenshtein distance, case-insensitive, as cobra's `ld(s, t, true)`. */
function editDistance(source: string, target: string): number {
  const a = source.toLowerCase();
  const b = target.toLowerCase();
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** cobra's `Did you mean this?` block for an unknown subcommand of `parent`. */
function suggestionsFor(parent: Command, typed: string): string {
  const names = parent
    .createHelp()
    .visibleCommands(parent)
    .map((command) => command.name())
    .filter(
      (name) =>
        editDistance(typed, name) <= suggestionsMinimumDistance ||
        name.toLowerCase().startsWith(typed.toLowerCase()),
    );
  return names.length === 0 ? "" : `\n\nDid you mean this?\n${names.map((name) => `\t${name}\n`).join("")}`;
}

/**
 * The deepest command the arguments name (`kubesim node add x` → `node add`), found as cobra
 * finds it: words that are not flags descend into the subcommand of that name. Usage errors
 * name it even when the root command's parser raised them (a global flag without its value).
 */
function commandNamedBy(program: Command, userArguments: readonly string[]): Command {
  let command = program;
  for (const word of userArguments) {
    if (word === "--") break;
    if (word.startsWith("-")) continue;
    const subcommand = command.commands.find(
      (candidate) => candidate.name() === word || candidate.aliases().includes(word),
    );
    if (subcommand !== undefined) command = subcommand;
  }
  return command;
}

function quotedArgument(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? "";
}

/**
 * Rewrites commander's usage errors as kubectl (cobra + pflag) prints them:
 * `error: unknown command "foo" for "kubesim"` (with cobra's suggestions),
 * `error: unknown flag: --foo` / `error: unknown shorthand flag: 'x' in -x` and
 * `error: flag needs an argument: --namespace`, each followed by kubectl's
 * `See 'kubesim get --help' for usage.`
 */
function formatUsageError(error: CommanderError, command: Command, argv: readonly string[]): string {
  const see = `See '${commandPath(command)} --help' for usage.`;
  switch (error.code) {
    case "commander.unknownCommand": {
      const typed = quotedArgument(error.message);
      const message = `error: unknown command ${goQuote(typed)} for ${goQuote(commandPath(command))}${suggestionsFor(command, typed)}`;
      return message.endsWith("\n") ? message : `${message}\n`;
    }
    case "commander.unknownOption": {
      const flag = quotedArgument(error.message);
      if (flag.startsWith("--")) return `error: unknown flag: ${flag.split("=")[0]}\n${see}\n`;
      return `error: unknown shorthand flag: '${flag.slice(1, 2)}' in ${flag}\n${see}\n`;
    }
    case "commander.optionMissingArgument": {
      const flags = quotedArgument(error.message).split(/[ ,|]+/);
      const last = argv[argv.length - 1] ?? "";
      const short = flags.find((flag) => /^-[^-]$/.test(flag));
      const long = flags.find((flag) => flag.startsWith("--"));
      const shown =
        short !== undefined && last === short ? `'${short.slice(1)}' in ${short}` : (long ?? last);
      return `error: flag needs an argument: ${shown}\n${see}\n`;
    }
    default:
      return `${error.message.startsWith("error: ") ? error.message : `error: ${error.message}`}\n${see}\n`;
  }
}

/**
 * Builds the `kubesim` commander program: global `-n, --namespace <namespace>` and
 * `--cluster <name>`, every verb of `register`, output routed to `io`, and `exitOverride`
 * so usage errors come back to {@link runCli} (which prints them as kubectl does).
 */
export function createProgram(options: CreateProgramOptions): Command {
  const { io } = options;
  const environment = createCommandEnvironment(options);
  const onExitCode =
    options.onExitCode ??
    ((code: ExitCode) => {
      process.exitCode = code;
    });
  const program = new Command("kubesim")
    .description("kubectl's verbs over simulated Kubernetes clusters, plus simulator verbs")
    .option("-n, --namespace <namespace>", "the namespace scope for this request (default: default)")
    .option("--cluster <name>", "the cluster to run against (default: the current cluster)");
  const run = createRunInCluster(environment, onExitCode);
  const runWithoutCluster = createRunWithoutCluster(environment, onExitCode);
  for (const register of options.register) register(program, run, runWithoutCluster);
  // Applied to every command after registration, so verbs built with `new Command()` and
  // `addCommand` behave like those built with `.command()`.
  for (const command of allCommands(program)) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: () => {},
    });
  }
  return program;
}

/**
 * Runs `kubesim` with `argv` (`process.argv`: node, script, then the arguments) and returns
 * the exit code: 0 on success, 1 after an error (printed on `io.stderr` as kubectl prints
 * it). With no arguments it prints the help on stdout, as kubectl does.
 */
export async function runCli(
  argv: readonly string[],
  io: CommandIo,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  register: readonly RegisterCommand[],
): Promise<number> {
  let exitCode: ExitCode = 0;
  const program = createProgram({
    io,
    env,
    cwd,
    register,
    onExitCode: (code) => {
      exitCode = code;
    },
  });
  const userArguments = argv.slice(2);
  if (userArguments.length === 0) {
    io.stdout(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: "node" });
  } catch (error) {
    if (!(error instanceof CommanderError)) {
      io.stderr(formatKubectlError(error));
      return 1;
    }
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    if (error.code === "commander.help") return error.exitCode;
    io.stderr(formatUsageError(error, commandNamedBy(program, userArguments), userArguments));
    return 1;
  }
  return exitCode;
}
