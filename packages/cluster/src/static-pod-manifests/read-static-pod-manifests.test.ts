import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readStaticPodManifests } from "./read-static-pod-manifests.js";

const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: busybox\n`;
let directory = "";
afterEach(() => {
  if (directory !== "") rmSync(directory, { recursive: true, force: true });
});

function makeDirectory(files: Record<string, string>, subdirectories: string[] = []): string {
  directory = mkdtempSync(join(tmpdir(), "kubesim-static-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  for (const name of subdirectories) mkdirSync(join(directory, name));
  return directory;
}

describe("readStaticPodManifests", () => {
  it("reads one pod per file in sorted order, skipping dotfiles and sub-directories", () => {
    const path = makeDirectory(
      {
        "kube-scheduler.yaml": pod("kube-scheduler"),
        "etcd.yaml": pod("etcd"),
        ".hidden.yaml": pod("hidden"),
        "api.json": JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "kube-apiserver" } }),
      },
      ["nested"],
    );
    expect(readStaticPodManifests(path).map((item) => item.metadata?.name)).toEqual([
      "kube-apiserver",
      "etcd",
      "kube-scheduler",
    ]);
  });

  it.each([
    {
      name: "a file with two pods",
      text: `${pod("a")}---\n${pod("b")}`,
      message: /must hold exactly one Pod/,
    },
    {
      name: "a file holding a DaemonSet",
      text: "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\n",
      message: /must hold exactly one Pod/,
    },
    { name: "a file that is not YAML", text: "kind: [Pod\n", message: /error parsing/ },
  ])("rejects $name with a message naming the file", ({ text, message }) => {
    const path = makeDirectory({ "bad.yaml": text });
    expect(() => readStaticPodManifests(path)).toThrowError(message);
  });

  it("names a directory it cannot read", () => {
    expect(() => readStaticPodManifests("/nonexistent/kubesim")).toThrowError(
      /unable to read static pod manifest directory "\/nonexistent\/kubesim"/,
    );
  });
});
