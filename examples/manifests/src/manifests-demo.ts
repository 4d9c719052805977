import {
  applyDefaults,
  assertValidObject,
  formatKubectlError,
  type KubeObject,
  loadManifests,
  printTable,
  renderName,
  renderTable,
} from "@kubesim/core";

/** A manifest file: its name (as kubectl would be given it) and its text. */
export interface ManifestFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Plays `kubectl create -f <file>` for each file against @kubesim/core's defaulting and
 * validation (there is no cluster yet: nothing is stored), then `kubectl get ds` over the
 * DaemonSets that were accepted. Rejected manifests print the API server's `Invalid`
 * error exactly as kubectl shows it (kubectl writes it to stderr; the demo returns one
 * transcript so the order reads as in a terminal).
 */
export function runManifestsDemo(files: readonly ManifestFile[], now: Date): string {
  let stdout = "";
  const accepted: KubeObject[] = [];
  for (const file of files) {
    stdout += `$ kubectl create -f ${file.name}\n`;
    try {
      for (const object of loadManifests(file.text, { filename: file.name })) {
        // kubectl sends the object to its namespace's URL; the API server fills it in.
        const namespace = object.metadata?.namespace ?? "default";
        const defaulted = applyDefaults({
          ...object,
          metadata: { ...object.metadata, namespace, creationTimestamp: now.toISOString() },
        });
        assertValidObject(defaulted);
        accepted.push(defaulted);
        stdout += `${renderName(defaulted).trimEnd()} created\n`;
      }
    } catch (error) {
      stdout += formatKubectlError(error, { context: `error when creating "${file.name}"` });
    }
    stdout += "\n";
  }
  stdout += "$ kubectl get ds\n";
  const daemonSets = accepted.filter((object) => object.kind === "DaemonSet");
  stdout +=
    daemonSets.length === 0
      ? "No resources found in default namespace.\n"
      : renderTable(printTable("DaemonSet", daemonSets, { now }), {});
  return stdout;
}
