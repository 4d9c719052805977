import { printTranscript } from "@kubesim/example-transcript-kit";
import { runKubectlDemo } from "./kubectl-demo.js";

await printTranscript(runKubectlDemo);
