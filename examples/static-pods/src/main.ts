import { printTranscript } from "@kubesim/example-transcript-kit";
import { runStaticPodsDemo } from "./static-pods-demo.js";

await printTranscript(runStaticPodsDemo);
