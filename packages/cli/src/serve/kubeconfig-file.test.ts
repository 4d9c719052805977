import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { kubeconfigPrecedence, writeKubeconfigEntry } from "./kubeconfig-file.js";

let folder = "";
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "kubesim-kubeconfig-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const entry = { name: "kubesim-demo", server: "http://127.0.0.1:6443" };

const onlyOurs = (currentContext: string, user = " {}") => `apiVersion: v1
clusters:
- cluster:
    server: http://127.0.0.1:6443
  name: kubesim-demo
contexts:
- context:
    cluster: kubesim-demo
    user: kubesim-demo
  name: kubesim-demo
current-context: ${currentContext}
kind: Config
preferences: {}
users:
- name: kubesim-demo
  user:${user}
`;

describe("kubeconfigPrecedence", () => {
  it.each([
    {
      name: "KUBECONFIG's files come in order, relative ones from the working directory",
      value: `a${delimiter}/b/c`,
      expected: ["/home/me/a", "/b/c"],
    },
    {
      name: "Empty entries and duplicates of KUBECONFIG are dropped",
      value: `/x${delimiter}${delimiter}/x${delimiter}/y`,
      expected: ["/x", "/y"],
    },
    {
      name: "Without KUBECONFIG it is ~/.kube/config under HOME",
      value: undefined,
      expected: ["/home/me/.kube/config"],
    },
  ])("$name", ({ value, expected }) => {
    const env = value === undefined ? { HOME: "/home/me" } : { HOME: "/home/me", KUBECONFIG: value };
    expect(kubeconfigPrecedence(env, "/home/me")).toEqual(expected);
  });
});

describe("writeKubeconfigEntry", () => {
  it("creates a missing file and its folders, makes the context current and keeps it private", () => {
    const path = join(folder, "new", ".kube", "config");
    expect(writeKubeconfigEntry([path], entry)).toEqual({ path, madeCurrent: true });
    expect(readFileSync(path, "utf8")).toBe(onlyOurs("kubesim-demo"));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("replaces its own stanzas on a second write and leaves a chosen current context alone", () => {
    const path = join(folder, "config");
    writeKubeconfigEntry([path], { ...entry, server: "http://127.0.0.1:1" });
    writeFileSync(
      path,
      readFileSync(path, "utf8").replace("current-context: kubesim-demo", "current-context: other"),
    );
    expect(writeKubeconfigEntry([path], { ...entry, token: "abc" })).toEqual({ path, madeCurrent: false });
    expect(readFileSync(path, "utf8")).toBe(onlyOurs("other", "\n    token: abc"));
  });

  it("writes the stanzas where another file of KUBECONFIG already defines them, new ones to the first file that exists", () => {
    const first = join(folder, "missing");
    const second = join(folder, "second");
    const third = join(folder, "third");
    writeFileSync(second, "apiVersion: v1\nkind: Config\ncurrent-context: work\n");
    writeFileSync(third, "clusters:\n- name: kubesim-demo\n  cluster: {server: http://old}\n");
    expect(writeKubeconfigEntry([first, second, third], entry)).toEqual({ path: second, madeCurrent: false });
    expect(existsSync(first)).toBe(false);
    expect(readFileSync(third, "utf8")).toContain(
      "    server: http://127.0.0.1:6443\n  name: kubesim-demo\n",
    );
    const secondText = readFileSync(second, "utf8");
    expect(secondText).toContain("current-context: work\n");
    expect(secondText).toContain("contexts:\n- context:\n    cluster: kubesim-demo\n");
    expect(secondText).not.toContain("server:");
  });

  it("with no KUBECONFIG file existing, writes to the last one, as kubectl does", () => {
    const first = join(folder, "a");
    const last = join(folder, "b");
    expect(writeKubeconfigEntry([first, last], entry)).toEqual({ path: last, madeCurrent: true });
    expect(existsSync(first)).toBe(false);
  });

  it("writes through a symlink to its target", () => {
    const target = join(folder, "real-config");
    const link = join(folder, "link");
    writeFileSync(target, "");
    symlinkSync(target, link);
    writeKubeconfigEntry([link], entry);
    expect(readFileSync(target, "utf8")).toBe(onlyOurs("kubesim-demo"));
  });

  it("keeps a __proto__ key as plain data", () => {
    const path = join(folder, "config");
    writeFileSync(path, "apiVersion: v1\nkind: Config\n__proto__:\n  polluted: 1\n");
    writeKubeconfigEntry([path], entry);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readFileSync(path, "utf8")).toContain("__proto__:\n  polluted: 1\n");
  });

  it("reads values as kubectl's YAML 1.1 reader does: yes is true, timestamps and 1:20 stay strings", () => {
    const path = join(folder, "config");
    writeFileSync(
      path,
      "clusters:\n- name: other\n  cluster: {server: 'https://x', insecure-skip-tls-verify: yes}\nusers:\n- name: other\n  user:\n    auth-provider:\n      config: {expiry: 2026-01-01T00:00:00Z, port: 1:20}\n",
    );
    writeKubeconfigEntry([path], entry);
    const text = readFileSync(path, "utf8");
    expect(text).toContain("    insecure-skip-tls-verify: true\n");
    expect(text).toContain('        expiry: "2026-01-01T00:00:00Z"\n        port: "1:20"\n');
  });

  it.each([
    {
      name: "A file that is not YAML is reported and left as it was",
      text: "clusters: [\n",
      message: "yaml:",
    },
    {
      name: "A file that is a YAML list is reported and left as it was",
      text: "- a\n- b\n",
      message: "the file is not a YAML mapping",
    },
    {
      name: "A file whose contexts are not a list is reported and left as it was",
      text: "contexts: {a: 1}\n",
      message: "contexts is not a list",
    },
  ])("$name", ({ text, message }) => {
    const path = join(folder, "config");
    writeFileSync(path, text);
    expect(() => writeKubeconfigEntry([path], entry)).toThrow(
      `error loading config file "${path}": ${message}`,
    );
    expect(readFileSync(path, "utf8")).toBe(text);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("gives up when another writer holds kubectl's lock file", () => {
    const path = join(folder, "config");
    writeFileSync(`${path}.lock`, "");
    expect(() => writeKubeconfigEntry([path], entry)).toThrow(`unable to lock ${path}.lock: EEXIST`);
    expect(existsSync(path)).toBe(false);
  });
});
