import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { KubesimError, loadManifests, type Pod } from "@kubesim/core";

/**
 * Reads a kubelet static-pod directory (`--pod-manifest-path`, kubeadm's
 * `/etc/kubernetes/manifests`) as the kubelet's file source does: the directory is read
 * non-recursively in sorted order, names starting with `.` are ignored, sub-directories
 * are skipped, and each regular file holds one Pod (YAML or JSON). Pass the result to
 * `cluster.addNode(name, { staticPods })`.
 *
 * @throws KubesimError when the directory cannot be read, or a file does not hold exactly
 *   one Pod (the message names the file).
 * @example
 * const staticPods = readStaticPodManifests("./manifests");
 * await cluster.addNode("node-4", { staticPods }); // mirror pods <name>-node-4 appear
 */
export function readStaticPodManifests(directory: string): Pod[] {
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch (error) {
    throw new KubesimError(
      `unable to read static pod manifest directory "${directory}": ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const pods: Pod[] = [];
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const path = join(directory, name);
    if (!statSync(path).isFile()) continue;
    const objects = loadManifests(readFileSync(path, "utf8"), { filename: path });
    const [object] = objects;
    if (objects.length !== 1 || object?.kind !== "Pod") {
      throw new KubesimError(`static pod manifest "${path}" must hold exactly one Pod`);
    }
    pods.push(object as Pod);
  }
  return pods;
}
