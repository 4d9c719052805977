import { printTranscript } from "@kubesim/example-transcript-kit";
import { runLegacyDaemonSetDemo } from "./legacy-daemonset-demo.js";

await printTranscript(runLegacyDaemonSetDemo);
