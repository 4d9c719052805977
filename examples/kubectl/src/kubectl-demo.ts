import { readFileSync } from "node:fs";
import { KubectlWorkspace } from "./kubectl-workspace.js";
import type { KubesimServer } from "./kubesim-server.js";
import { waitForDaemonSetRollout } from "./wait-for-daemonset.js";

/** The example's manifest, read from the example folder (from src/ or dist/). */
const manifestUrl = new URL("../nginx-daemonset.yaml", import.meta.url);

/** How fast pods go Running in the demo (the CLI's default is 2 s of real time per pod). */
export const demoPodStartupLatency = "100ms";

/**
 * The seed demo with the real kubectl: a kubeadm-style cluster made with `kubesim cluster
 * create`, served over HTTP by `kubesim serve`, then `kubectl create -f nginx-daemonset.yaml`,
 * `get ds`, `get ds --all-namespaces`, `get pods -o wide` and `rollout status ds/nginx`, and
 * the server stopped (it saves the cluster). Returns the transcript: `# caption` lines, each
 * command as `$ …` and what it printed; `onText` receives it piece by piece.
 *
 * Everything runs in a temporary folder (`KUBESIM_HOME`, `KUBECONFIG`, `HOME`, a fresh
 * kubectl `--cache-dir` per command), removed at the end.
 *
 * @throws Error when kubectl is missing, the binary is not built, or a step fails.
 */
export async function runKubectlDemo(onText?: (text: string) => void): Promise<string> {
  let transcript = "";
  const write = (text: string) => {
    transcript += text;
    onText?.(text);
  };
  const caption = (text: string) =>
    write(
      `${transcript === "" ? "" : "\n"}${text
        .split("\n")
        .map((line) => `# ${line}`.trimEnd())
        .join("\n")}\n`,
    );
  const workspace = KubectlWorkspace.create();
  let server: KubesimServer | undefined;
  try {
    workspace.writeFile("nginx-daemonset.yaml", readFileSync(manifestUrl, "utf8"));
    const step = async (tool: "kubesim" | "kubectl", args: readonly string[]) => {
      write(`$ ${tool} ${args.join(" ")}\n`);
      const result = tool === "kubesim" ? await workspace.kubesim(args) : await workspace.kubectl(args);
      write(result.stdout + result.stderr);
      if (result.exitCode !== 0) throw new Error(`${tool} ${args.join(" ")} exited with ${result.exitCode}`);
    };

    caption("A kubeadm-style cluster: a tainted control-plane node, two workers, kube-system DaemonSets.");
    await step("kubesim", ["cluster", "create", "demo"]);

    caption(
      "Serve it over HTTP. kubesim writes a kubesim-demo context into $KUBECONFIG (here a temporary\n" +
        "file), so the real kubectl talks to it with no flags.",
    );
    write(`$ kubesim serve demo --port 0 --pod-startup-latency ${demoPodStartupLatency} &\n`);
    server = await workspace.serve("demo", { podStartupLatency: demoPodStartupLatency });
    const banner = server.output;
    // The kubeconfig is a temporary file: show it by the variable that names it.
    const shown = (text: string) => text.replaceAll(workspace.kubeconfig, "$KUBECONFIG");
    write(shown(banner));

    caption("The tutorial's DaemonSet, created with kubectl.");
    await step("kubectl", ["create", "-f", "nginx-daemonset.yaml"]);
    await waitForDaemonSetRollout(server.url, "default", "nginx");
    caption(
      "A moment later: DESIRED 2, one pod per worker (nginx does not tolerate the control plane's taint).",
    );
    await step("kubectl", ["get", "ds"]);
    caption("The cluster's own DaemonSets live in other namespaces.");
    await step("kubectl", ["get", "ds", "--all-namespaces"]);
    caption("One nginx pod on each worker.");
    await step("kubectl", ["get", "pods", "-o", "wide"]);
    caption("kubectl follows the rollout through a watch until every pod is up to date and available.");
    await step("kubectl", ["rollout", "status", "ds/nginx"]);

    caption("Stop the server (SIGTERM, as Ctrl-C): it saves the cluster, and kubesim sees what kubectl did.");
    write("$ kill %1\n");
    const exit = await server.stop();
    server = undefined;
    write(shown(exit.output.slice(banner.length)));
    if (exit.exitCode !== 0) throw new Error(`kubesim serve exited with ${exit.exitCode ?? exit.signal}`);
    await step("kubesim", ["get", "ds", "nginx"]);
    return transcript;
  } finally {
    await server?.stop();
    await workspace.close();
  }
}
