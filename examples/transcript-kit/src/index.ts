export {
  KubesimTranscript,
  kubesimBinaryPath,
  printTranscript,
  type StepOptions,
  type TranscriptOptions,
} from "./kubesim-transcript.js";
