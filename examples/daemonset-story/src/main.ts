import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runDaemonSetStory } from "./daemonset-story.js";

const file = fileURLToPath(new URL("../manifests/nginx-ds.yaml", import.meta.url));
const manifest = { name: "nginx-ds.yaml", text: readFileSync(file, "utf8") };
process.stdout.write(await runDaemonSetStory(manifest, "scheduler"));
process.stdout.write("\n");
process.stdout.write(await runDaemonSetStory(manifest, "legacy"));
