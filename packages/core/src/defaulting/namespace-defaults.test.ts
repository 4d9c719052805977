import { describe, expect, it } from "vitest";
import type { Namespace } from "../types/index.js";
import { defaultNamespace } from "./namespace-defaults.js";

describe("defaultNamespace", () => {
  it("defaults a new namespace to exactly what the API server stores", () => {
    expect(
      defaultNamespace({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } }),
    ).toStrictEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "team-a", labels: { "kubernetes.io/metadata.name": "team-a" } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
  });

  it.each([
    {
      name: "A client-sent name label is replaced by the real name.",
      namespace: { metadata: { name: "a", labels: { "kubernetes.io/metadata.name": "b", team: "x" } } },
      expectedLabels: { "kubernetes.io/metadata.name": "a", team: "x" },
      expectedFinalizers: ["kubernetes"],
    },
    {
      name: "Other finalizers are kept and kubernetes is appended.",
      namespace: { metadata: { name: "a" }, spec: { finalizers: ["example.com/cleanup"] } },
      expectedLabels: { "kubernetes.io/metadata.name": "a" },
      expectedFinalizers: ["example.com/cleanup", "kubernetes"],
    },
    {
      name: "An existing kubernetes finalizer is not duplicated.",
      namespace: { metadata: { name: "a" }, spec: { finalizers: ["kubernetes", "x"] } },
      expectedLabels: { "kubernetes.io/metadata.name": "a" },
      expectedFinalizers: ["kubernetes", "x"],
    },
    {
      name: "A namespace still waiting for a generated name gets no name label.",
      namespace: { metadata: { generateName: "tmp-" } },
      expectedLabels: undefined,
      expectedFinalizers: ["kubernetes"],
    },
  ])("$name", ({ namespace, expectedLabels, expectedFinalizers }) => {
    const defaulted = defaultNamespace({ apiVersion: "v1", kind: "Namespace", ...namespace } as Namespace);
    expect(defaulted.metadata?.labels).toStrictEqual(expectedLabels);
    expect(defaulted.spec?.finalizers).toStrictEqual(expectedFinalizers);
  });

  it("replaces a client-sent status with Active on create", () => {
    const defaulted = defaultNamespace({ metadata: { name: "a" }, status: { phase: "Terminating" } });
    expect(defaulted.status).toStrictEqual({ phase: "Active" });
  });

  it("on update defaults only an empty phase and keeps finalizers as sent", () => {
    const updated = defaultNamespace(
      { metadata: { name: "a" }, spec: { finalizers: [] }, status: {} },
      { operation: "update" },
    );
    expect(updated).toStrictEqual({
      metadata: { name: "a", labels: { "kubernetes.io/metadata.name": "a" } },
      spec: { finalizers: [] },
      status: { phase: "Active" },
    });
    const terminating = defaultNamespace(
      { metadata: { name: "a" }, status: { phase: "Terminating" } },
      { operation: "update" },
    );
    expect(terminating.status).toStrictEqual({ phase: "Terminating" });
  });
});
