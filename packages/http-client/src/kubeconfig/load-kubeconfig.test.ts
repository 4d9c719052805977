import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { KubesimError } from "@kubesim/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadKubeconfig } from "./load-kubeconfig.js";

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "kubesim-kubeconfig-"));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Writes a file below the test directory and returns its path. */
function write(relative: string, text: string): string {
  const path = join(directory, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const base64 = (text: string): string => Buffer.from(text).toString("base64");

const single = `
apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: dev-cluster
  cluster:
    server: https://dev.example:6443
    certificate-authority-data: ${base64("CA-PEM")}
contexts:
- name: dev
  context: {cluster: dev-cluster, user: dev-user, namespace: team-a}
- name: bare
  context: {cluster: dev-cluster}
users:
- name: dev-user
  user:
    token: abc123
`;

describe("loadKubeconfig", () => {
  it("reads the current context: server, namespace, token and inline CA", () => {
    expect(loadKubeconfig({ path: write("config", single) })).toEqual({
      server: "https://dev.example:6443",
      namespace: "team-a",
      token: "abc123",
      ca: "CA-PEM",
      contextName: "dev",
    });
  });

  it("uses the given context; a context without namespace or user gets default and no credentials", () => {
    expect(loadKubeconfig({ path: write("config", single), context: "bare" })).toEqual({
      server: "https://dev.example:6443",
      namespace: "default",
      ca: "CA-PEM",
      contextName: "bare",
    });
  });

  it("merges a KUBECONFIG list as kubectl: the first file wins per name and for current-context", () => {
    const first = write(
      "first.yaml",
      `
current-context: shared
clusters:
- name: c
  cluster: {server: "http://first:1"}
contexts:
- name: shared
  context: {cluster: c, namespace: from-first}
`,
    );
    const second = write(
      "second.yaml",
      `
current-context: other
clusters:
- name: c
  cluster: {server: "http://second:2"}
- name: only-second
  cluster: {server: "http://second:3"}
contexts:
- name: shared
  context: {cluster: only-second, namespace: from-second}
- name: other
  context: {cluster: only-second, user: u}
users:
- name: u
  user: {token: second-token}
`,
    );
    const env = { KUBECONFIG: [first, join(directory, "missing.yaml"), "", second].join(delimiter) };
    expect([loadKubeconfig({ env }), loadKubeconfig({ env, context: "other" })]).toEqual([
      { server: "http://first:1", namespace: "from-first", contextName: "shared" },
      { server: "http://second:3", namespace: "default", token: "second-token", contextName: "other" },
    ]);
  });

  it("falls back to ~/.kube/config under HOME when KUBECONFIG is unset or empty", () => {
    write(".kube/config", single);
    expect(loadKubeconfig({ env: { HOME: directory, KUBECONFIG: "" } }).contextName).toBe("dev");
  });

  it("reads certificate, key and token files relative to the kubeconfig that names them", () => {
    write("conf/certs/ca.crt", "CA-FILE");
    write("conf/certs/client.crt", "CERT-FILE");
    write("conf/certs/client.key", "KEY-FILE");
    write("conf/token", "  file-token\n");
    const path = write(
      "conf/kubeconfig",
      `
current-context: files
clusters:
- name: c
  cluster: {server: "https://x:6443", certificate-authority: certs/ca.crt, insecure-skip-tls-verify: true}
contexts:
- name: files
  context: {cluster: c, user: u}
users:
- name: u
  user: {client-certificate: certs/client.crt, client-key: certs/client.key, tokenFile: token, token: ignored}
`,
    );
    expect(loadKubeconfig({ path })).toEqual({
      server: "https://x:6443",
      namespace: "default",
      token: "file-token",
      ca: "CA-FILE",
      cert: "CERT-FILE",
      key: "KEY-FILE",
      insecureSkipTlsVerify: true,
      contextName: "files",
    });
  });

  it("prefers inline data over files, as client-go", () => {
    const path = write(
      "config",
      `
current-context: x
clusters:
- name: c
  cluster: {server: "https://x", certificate-authority: /nonexistent/ca, certificate-authority-data: ${base64("CA-DATA")}}
contexts:
- name: x
  context: {cluster: c, user: u}
users:
- name: u
  user:
    client-certificate: /nonexistent/cert
    client-certificate-data: ${base64("CERT-DATA")}
    client-key: /nonexistent/key
    client-key-data: ${base64("KEY-DATA")}
`,
    );
    expect(loadKubeconfig({ path })).toMatchObject({ ca: "CA-DATA", cert: "CERT-DATA", key: "KEY-DATA" });
  });

  const contextsOnly = (context: string, extra = ""): string => `
current-context: x
clusters:
- name: c
  cluster: {server: "https://x"}
- name: no-server
  cluster: {insecure-skip-tls-verify: true}
contexts:
- name: x
  context: ${context}
users:
- name: u
  user: {}
${extra}`;

  it.each([
    {
      name: "a missing context",
      text: single,
      context: "nope",
      message: "context was not found for specified context: nope",
    },
    {
      name: "no current context",
      text: single.replace("current-context: dev", ""),
      message: "no context chosen",
    },
    {
      name: "a context without a cluster",
      text: contextsOnly("{user: u}"),
      message: 'cluster was not specified for context "x"',
    },
    {
      name: "a missing cluster",
      text: contextsOnly("{cluster: gone}"),
      message: 'cluster "gone" was not found for context "x"',
    },
    {
      name: "a cluster without a server",
      text: contextsOnly("{cluster: no-server}"),
      message: 'no server found for cluster "no-server"',
    },
    {
      name: "a missing user",
      text: contextsOnly("{cluster: c, user: ghost}"),
      message: 'user "ghost" was not found for context "x"',
    },
    {
      name: "a client certificate without a key",
      text: contextsOnly(
        "{cluster: c, user: cert-only}",
        "- name: cert-only\n  user: {client-certificate-data: eA==}",
      ),
      message:
        "client-key-data or client-key must be specified for cert-only to use the clientCert authentication method.",
    },
    {
      name: "an unreadable certificate authority",
      text: contextsOnly("{cluster: c}").replace(
        'server: "https://x"',
        'server: "https://x", certificate-authority: ca.crt',
      ),
      message:
        /^unable to read certificate-authority \/.*\/ca\.crt for c due to ENOENT: no such file or directory, open '.*\/ca\.crt'$/,
    },
    {
      name: "an exec credential plugin",
      text: contextsOnly(
        "{cluster: c, user: gke}",
        "- name: gke\n  user: {exec: {command: gke-gcloud-auth-plugin}}",
      ),
      message:
        'user "gke" authenticates with an exec credential plugin, which kubesim does not support: use a token or a client certificate',
    },
    {
      name: "YAML that does not parse",
      text: "clusters: [",
      message: /^error loading config file ".*config": .+/,
    },
    {
      name: "a kubeconfig that is a list",
      text: "- a\n- b\n",
      message: /^error loading config file ".*config": a kubeconfig must be a YAML mapping$/,
    },
    {
      name: "a server of the wrong type",
      text: "clusters:\n- name: c\n  cluster: {server: 8080}\n",
      message: /^error loading config file ".*config": clusters\[0\]\.cluster\.server must be a string$/,
    },
    {
      name: "an empty file",
      text: "",
      message: /^no configuration has been provided: no kubeconfig found at ".*config"$/,
    },
  ])("rejects $name", ({ text, context, message }) => {
    const path = write("config", text);
    const load = (): unknown => loadKubeconfig({ path, context });
    expect(load).toThrow(KubesimError);
    expect(load).toThrow(message);
  });

  it("rejects an explicit path that does not exist with kubectl's stat error", () => {
    const path = join(directory, "absent");
    expect(() => loadKubeconfig({ path })).toThrow(`stat ${path}: no such file or directory`);
  });

  it("reads untrusted YAML without polluting prototypes", () => {
    const path = write(
      "config",
      `
__proto__: {polluted: yes}
current-context: __proto__
clusters:
- name: __proto__
  cluster: {server: "http://proto", __proto__: {polluted: yes}}
- name: constructor
  cluster: {server: "http://constructor"}
contexts:
- name: __proto__
  context: {cluster: __proto__, user: constructor}
users:
- name: constructor
  user: {token: t}
`,
    );
    expect(loadKubeconfig({ path })).toEqual({
      server: "http://proto",
      namespace: "default",
      token: "t",
      contextName: "__proto__",
    });
    expect([({} as Record<string, unknown>).polluted, Object.hasOwn(Object.prototype, "polluted")]).toEqual([
      undefined,
      false,
    ]);
  });
});
