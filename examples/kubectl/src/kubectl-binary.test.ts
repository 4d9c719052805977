import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { kubectlBinaryPath } from "./kubectl-binary.js";

const root = mkdtempSync(join(tmpdir(), "kubectl-binary-"));
const empty = join(root, "empty");
const notExecutable = join(root, "not-executable");
const executable = join(root, "executable");
const directoryNamedKubectl = join(root, "directory");
for (const directory of [empty, notExecutable, executable, directoryNamedKubectl]) mkdirSync(directory);
writeFileSync(join(notExecutable, "kubectl"), "");
chmodSync(join(notExecutable, "kubectl"), 0o644);
writeFileSync(join(executable, "kubectl"), "#!/bin/sh\n");
chmodSync(join(executable, "kubectl"), 0o755);
mkdirSync(join(directoryNamedKubectl, "kubectl"));

const missing =
  "kubectl was not found on PATH: install kubectl v1.32 (https://kubernetes.io/docs/tasks/tools/) and run again";

describe("kubectlBinaryPath", () => {
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    {
      name: "the first executable kubectl along PATH is taken, skipping files that cannot run and directories",
      path: [empty, notExecutable, directoryNamedKubectl, executable].join(delimiter),
      want: join(executable, "kubectl"),
    },
    {
      name: "empty PATH entries are skipped",
      path: `${delimiter}${executable}`,
      want: join(executable, "kubectl"),
    },
  ])("$name", ({ path, want }) => {
    expect(kubectlBinaryPath(path)).toBe(want);
  });

  it.each([
    {
      name: "a PATH without kubectl fails, saying how to install it",
      path: [empty, notExecutable].join(delimiter),
    },
    { name: "an empty PATH fails the same way", path: "" },
  ])("$name", ({ path }) => {
    expect(() => kubectlBinaryPath(path)).toThrow(missing);
  });
});
