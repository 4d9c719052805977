import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runManifestsDemo } from "./manifests-demo.js";

const manifestsDirectory = fileURLToPath(new URL("../manifests/", import.meta.url));
const read = (name: string) => ({ name, text: readFileSync(`${manifestsDirectory}${name}`, "utf8") });

process.stdout.write(runManifestsDemo([read("nginx-ds-invalid.yaml"), read("nginx-ds.yaml")], new Date()));
