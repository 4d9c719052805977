export type { RunInCluster } from "./command-runner.js";
export { kubesimCommands } from "./commands.js";
export { type BufferedIo, bufferedIo, type CommandIo, processIo } from "./io.js";
export type { ExitCode, KubectlContext } from "./kubectl/kubectl-context.js";
export { type CreateProgramOptions, createProgram, type RegisterCommand, runCli } from "./program.js";
