import { describe, expect, it } from "vitest";
import {
  createRolledOutNginx,
  expectKubectlCase,
  type KubectlCase,
  type ServedCluster,
  useServedCluster,
} from "./served-cluster.js";

const rolledOut = 'daemon set "nginx" successfully rolled out';

/** The lines kubectl's DaemonSet status viewer prints while a rollout is under way. */
const waitingLine =
  /^Waiting for daemon set (?:spec update to be observed|"nginx" rollout to finish: (?:\d out of 2 new pods have been updated|\d of 2 updated pods are available))\.\.\.$/;

/**
 * Follows a rollout with `kubectl rollout status` started right after a change: it must
 * print at least one waiting line (62), then `successfully rolled out`. How many waiting
 * lines depends on how the watch events fall, so only their wording and order are checked.
 */
async function expectRolloutProgress(cluster: ServedCluster): Promise<void> {
  const result = await cluster.kubectl(["rollout", "status", "ds/nginx"]);
  const lines = result.stdout.split("\n");
  expect({ exitCode: result.exitCode, stderr: result.stderr, end: lines.slice(-2) }).toEqual({
    exitCode: 0,
    stderr: "",
    end: [rolledOut, ""],
  });
  const waiting = lines.slice(0, -2);
  expect(waiting.length).toBeGreaterThan(0);
  for (const line of waiting) expect(line).toMatch(waitingLine);
  const updated = waiting.flatMap((line) => /(\d) out of 2 new/.exec(line)?.[1] ?? []).map(Number);
  expect(updated).toEqual([...updated].sort());
}

const history = (revisions: readonly number[]) =>
  `daemonset.apps/nginx \nREVISION  CHANGE-CAUSE\n${revisions.map((revision) => `${revision}         <none>\n`).join("")}\n`;

/** Transcripts 60–64c in order; `progress` steps run `rollout status` on a rollout under way (62). */
const steps: (KubectlCase | { name: string; progress: true })[] = [
  {
    name: "rollout status of a rolled-out DaemonSet says so at once (60)",
    args: ["rollout", "status", "ds/nginx"],
    exitCode: 0,
    stdout: `${rolledOut}\n`,
    stderr: "",
  },
  {
    name: "set image patches the container's image (61)",
    args: ["set", "image", "ds/nginx", "nginx=nginx:1.26"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx image updated\n",
    stderr: "",
  },
  { name: "rollout status follows the new pods replacing the old ones one at a time (62)", progress: true },
  {
    name: "set image again starts a third revision (61b)",
    args: ["set", "image", "ds/nginx", "nginx=nginx:1.27"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx image updated\n",
    stderr: "",
  },
  { name: "rollout status follows the second rollout to its end", progress: true },
  {
    name: "rollout history lists the three ControllerRevisions the DaemonSet owns (63)",
    args: ["rollout", "history", "ds/nginx"],
    exitCode: 0,
    stdout: history([1, 2, 3]),
    stderr: "",
  },
  {
    name: "rollout history --revision=2 prints that revision's pod template (63b)",
    args: ["rollout", "history", "ds/nginx", "--revision=2"],
    exitCode: 0,
    stdout: `daemonset.apps/nginx with revision #2
Pod Template:
  Labels:\tapp=nginx
  Containers:
   nginx:
    Image:\tnginx:1.26
    Port:\t80/TCP
    Host Port:\t0/TCP
    Environment:\t<none>
    Mounts:\t<none>
  Volumes:\t<none>
  Node-Selectors:\t<none>
  Tolerations:\t<none>

`,
    stderr: "",
  },
  {
    name: "rollout undo patches the template back to the previous revision (64)",
    args: ["rollout", "undo", "ds/nginx"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx rolled back\n",
    stderr: "",
  },
  { name: "rollout status follows the rollback", progress: true },
  {
    name: "rollout history after undo shows revision 2 renumbered as 4 (64b)",
    args: ["rollout", "history", "ds/nginx"],
    exitCode: 0,
    stdout: history([1, 3, 4]),
    stderr: "",
  },
  {
    // kubectl compares its own serialisation of the current template (Go's, with
    // "creationTimestamp":null in the template's metadata) with the revision's data byte for
    // byte. The DaemonSet controller writes the revision the same way, so kube-apiserver gets
    // "skipped rollback"; the stub of transcript 64c did not, and got "rolled back".
    name: "rollout undo --to-revision=4 of the revision already running is skipped (64c)",
    args: ["rollout", "undo", "ds/nginx", "--to-revision=4"],
    exitCode: 0,
    stdout: "daemonset.apps/nginx skipped rollback (current template already matches revision 4)\n",
    stderr: "",
  },
  {
    name: "the DaemonSet runs the image of revision 4 on both workers",
    args: [
      "get",
      "ds",
      "nginx",
      "-o",
      "jsonpath={.spec.template.spec.containers[0].image} {.status.updatedNumberScheduled}",
    ],
    exitCode: 0,
    stdout: "nginx:1.26 2",
    stderr: "",
  },
];

describe("kubectl rollout and set image against kubesim serve", () => {
  const cluster = useServedCluster(createRolledOutNginx);

  it.each(steps)(
    "$name",
    async (step) => {
      if ("progress" in step) await expectRolloutProgress(cluster());
      else await expectKubectlCase(cluster(), step);
    },
    30_000,
  );
});
