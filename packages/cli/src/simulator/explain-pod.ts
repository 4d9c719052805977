import type { Pod } from "@kubesim/core";
import { KubesimError, TabWriter } from "@kubesim/core";
import type { ExplainedStatus, Explanation } from "@kubesim/scheduler";
import type { Command } from "commander";
import type { RunInCluster } from "../command-runner.js";
import type { ExitCode, KubectlContext } from "../kubectl/kubectl-context.js";

const podResourceNames: ReadonlySet<string> = new Set(["pod", "pods", "po"]);
const none = "<none>";

/** Reads `pod NAME` or `pod/NAME` (also `pods`, `po`) into the pod's name. */
export function parseExplainTarget(resource: string, name: string | undefined): string {
  const slash = resource.indexOf("/");
  const type = slash < 0 ? resource : resource.slice(0, slash);
  const inlineName = slash < 0 ? undefined : resource.slice(slash + 1);
  if (!podResourceNames.has(type.toLowerCase())) {
    throw new KubesimError(
      `explain only explains pods, not ${JSON.stringify(type)}: use "kubesim explain pod NAME"`,
    );
  }
  if (inlineName !== undefined && name !== undefined) {
    throw new KubesimError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form",
    );
  }
  const podName = inlineName ?? name;
  if (podName === undefined || podName === "")
    throw new KubesimError('explain needs a pod name: "kubesim explain pod NAME"');
  return podName;
}

function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // One writer per table: kubectl's writer remembers column widths across flushes.
  const writer = new TabWriter();
  for (const cells of [header, ...rows])
    writer.write(`${cells.map((cell) => cell.replace(/[\t\n]/g, " ")).join("\t")}\n`);
  return writer.flush();
}

function filterRow(name: string, status: ExplainedStatus): string[] {
  const reason = status.reasons.length === 0 ? none : status.reasons.join(", ");
  return [name, status.code, status.plugin ?? none, reason];
}

/**
 * Renders an {@link Explanation} as text: the pod, the node it is bound to, the node the
 * scheduler would pick now; a FILTERS table (per node: the result code, the first plugin
 * that rejected it, and why); and for feasible nodes a SCORES table (each score plugin's
 * weighted score — normalized score times the plugin's weight — and the TOTAL).
 */
export function renderExplanation(pod: Pod, explanation: Explanation): string {
  const namespace = pod.metadata?.namespace ?? "default";
  const lines = [
    `Pod:       ${namespace}/${pod.metadata?.name ?? ""}`,
    `Node:      ${pod.spec?.nodeName ?? none}`,
    `Selected:  ${explanation.selected ?? none}`,
  ];
  if (explanation.preFilter !== undefined) {
    lines.push(`PreFilter: ${explanation.preFilter.code}: ${explanation.preFilter.reasons.join(", ")}`);
  }
  if (explanation.error !== undefined) lines.push(`Error:     ${explanation.error}`);
  let text = `${lines.join("\n")}\n`;
  if (explanation.nodes.length === 0) return text;
  text += `\nFilters:\n${renderTable(
    ["NODE", "RESULT", "PLUGIN", "REASON"],
    explanation.nodes.map((node) => filterRow(node.name, node.filter)),
  )}`;
  const feasible = explanation.nodes.filter((node) => node.scores !== undefined);
  const plugins = Object.keys(feasible[0]?.scores ?? {});
  if (feasible.length > 0) {
    text += `\nScores (weighted):\n${renderTable(
      ["NODE", ...plugins, "TOTAL"],
      feasible.map((node) => [
        node.name,
        ...plugins.map((plugin) => String(node.scores?.[plugin]?.weighted ?? none)),
        String(node.totalScore ?? none),
      ]),
    )}`;
  }
  return text;
}

/**
 * `kubesim explain pod NAME [-n NS]`: asks the scheduler where the pod would go now and why,
 * evaluating every node (no sampling, nothing bound), and prints {@link renderExplanation}.
 *
 * @throws StatusError NotFound (`pods "NAME" not found`).
 */
export async function runExplainPod(context: KubectlContext, name: string): Promise<ExitCode> {
  const pod = await context.client.get("Pod", name, { namespace: context.namespace });
  const explanation = await context.cluster.explain({ namespace: context.namespace, name });
  context.io.stdout(renderExplanation(pod, explanation));
  return 0;
}

/** Declares `kubesim explain pod NAME` (also `pod/NAME`). */
export function registerExplainCommand(program: Command, run: RunInCluster): void {
  program
    .command("explain")
    .description("Show where the scheduler would place a pod and why: per-node filter results and scores")
    .argument("<resource>", "pod (or pod/NAME)")
    .argument("[name]", "pod name")
    .action((resource: string, name: string | undefined, _flags: unknown, command: Command) =>
      run(command, (context) => runExplainPod(context, parseExplainTarget(resource, name))),
    );
}
