import { printTranscript } from "@kubesim/example-transcript-kit";
import { runNginxDaemonSetDemo } from "./nginx-daemonset-demo.js";

await printTranscript(runNginxDaemonSetDemo);
