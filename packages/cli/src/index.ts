export type { RunInCluster } from "./command-runner.js";
export { type BufferedIo, bufferedIo, type CommandIo, processIo } from "./io.js";
export type { ExitCode, KubectlContext } from "./kubectl/kubectl-context.js";
