import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runManifestsDemo } from "./manifests-demo.js";

const read = (name: string) => ({
  name,
  text: readFileSync(new URL(`../manifests/${name}`, import.meta.url), "utf8"),
});

const now = new Date("2026-11-29T12:00:00Z");

describe("the manifests demo", () => {
  it("rejects the invalid DaemonSet as the API server would and lists the valid one as kubectl get ds", () => {
    const output = runManifestsDemo([read("nginx-ds-invalid.yaml"), read("nginx-ds.yaml")], now);
    expect(output).toBe(
      [
        "$ kubectl create -f nginx-ds-invalid.yaml",
        'The DaemonSet "nginx" is invalid: ',
        '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
        '* spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
        "",
        "$ kubectl create -f nginx-ds.yaml",
        "daemonset.apps/nginx created",
        "",
        "$ kubectl get ds",
        "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
        "nginx   0         0         0       0            0           <none>          0s",
        "",
      ].join("\n"),
    );
  });

  it.each([
    {
      name: "a file that is not YAML prints kubectl's parse error",
      file: { name: "broken.yaml", text: "kind: [DaemonSet\n" },
      want: /^\$ kubectl create -f broken\.yaml\nerror: error parsing broken\.yaml: error converting YAML to JSON: yaml: line \d+, column \d+: /,
    },
    {
      name: "a kind kubesim does not serve prints kubectl's no-matches error",
      file: { name: "foo.yaml", text: "apiVersion: example.com/v1\nkind: Foo\nmetadata:\n  name: x\n" },
      want: /error: resource mapping not found for name: "x" namespace: "" from "foo\.yaml": no matches for kind "Foo" in version "example\.com\/v1"\nensure CRDs are installed first\n/,
    },
  ])("$name and lists nothing", ({ file, want }) => {
    const output = runManifestsDemo([file], now);
    expect(output).toMatch(want);
    expect(output.endsWith("$ kubectl get ds\nNo resources found in default namespace.\n")).toBe(true);
  });
});
