import { createHash } from "node:crypto";
import { resourceTable } from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { openApiV3Document, openApiV3Index } from "./index.js";

type JsonObject = Record<string, unknown>;

function documentOf(path: string): JsonObject {
  const document = openApiV3Document(path);
  if (document === undefined) throw new Error(`no document for ${path}`);
  return document as JsonObject;
}

function pathsOf(path: string): Record<string, Record<string, JsonObject>> {
  return documentOf(path).paths as Record<string, Record<string, JsonObject>>;
}

function schemasOf(path: string): Record<string, JsonObject> {
  return (documentOf(path).components as { schemas: Record<string, JsonObject> }).schemas;
}

/** Every `$ref` value anywhere in a JSON value. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) references(item, found);
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") found.push(child);
      else references(child, found);
    }
  }
  return found;
}

describe("openApiV3Index", () => {
  it("lists every group-version of the resource table with the hash of its document", () => {
    const index = openApiV3Index() as { paths: Record<string, { serverRelativeURL: string }> };
    expect(Object.keys(index)).toEqual(["paths"]);
    expect(Object.keys(index.paths)).toEqual(["api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1"]);
    for (const [path, entry] of Object.entries(index.paths)) {
      const hash = createHash("sha512")
        .update(JSON.stringify(openApiV3Document(path)))
        .digest("hex")
        .toUpperCase();
      expect(hash).toMatch(/^[0-9A-F]{128}$/);
      expect(entry).toEqual({ serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` });
    }
  });

  it("is the same on every call and frozen", () => {
    expect(JSON.stringify(openApiV3Index())).toBe(JSON.stringify(openApiV3Index()));
    expect(Object.isFrozen(openApiV3Index())).toBe(true);
    expect(Object.isFrozen(openApiV3Document("apis/apps/v1"))).toBe(true);
  });
});

describe("openApiV3Document", () => {
  it.each([
    { name: "a group-version kubesim does not serve", path: "apis/batch/v1" },
    { name: "the empty path", path: "" },
    { name: "a bare prefix", path: "api" },
    { name: "a trailing slash", path: "api/v1/" },
    { name: "a leading slash", path: "/api/v1" },
    { name: "a dot-dot segment", path: "apis/apps/../apps/v1" },
    { name: "__proto__", path: "__proto__" },
    { name: "constructor", path: "constructor" },
  ])("$name has no document", ({ path }) => {
    expect(openApiV3Document(path)).toBeUndefined();
  });

  it.each([
    { path: "api/v1", tag: "core_v1" },
    { path: "apis/apps/v1", tag: "apps_v1" },
  ])("$path is an OpenAPI 3.0 document with info, paths and components", ({ path, tag }) => {
    const document = documentOf(path);
    expect(Object.keys(document)).toEqual(["openapi", "info", "paths", "components"]);
    expect(document.openapi).toBe("3.0.0");
    expect(document.info).toEqual({ title: "Kubernetes", version: "v1.32.4" });
    const item = Object.values(pathsOf(path))[0] ?? {};
    expect(item.get?.tags).toEqual([tag]);
  });

  it.each(
    resourceTable.map((info) => ({
      name: `${info.kind} (${info.apiVersion})`,
      info,
    })),
  )("$name: its item PATCH carries its kind and the fieldValidation query parameter", ({ info }) => {
    const gvPath = info.group === "" ? "api/v1" : `apis/${info.group}/${info.version}`;
    const base = `/${gvPath}${info.namespaced ? "/namespaces/{namespace}" : ""}/${info.plural}`;
    const paths = pathsOf(gvPath);
    const patch = paths[`${base}/{name}`]?.patch as JsonObject;
    expect(patch["x-kubernetes-group-version-kind"]).toEqual({
      group: info.group,
      version: info.version,
      kind: info.kind,
    });
    expect(patch["x-kubernetes-action"]).toBe("patch");
    const scope = info.namespaced ? "Namespaced" : "";
    const operationGroups: Record<string, string> = {
      "": "CoreV1",
      apps: "AppsV1",
      "coordination.k8s.io": "CoordinationV1",
    };
    const operationGroup = operationGroups[info.group];
    expect(patch.operationId).toBe(`patch${operationGroup}${scope}${info.kind}`);
    expect(patch.parameters).toContainEqual({
      name: "fieldValidation",
      in: "query",
      description: expect.stringContaining("Strict"),
      schema: { type: "string", uniqueItems: true },
    });
    // No strategic-merge request body: kubectl's client-side apply must fall back to its
    // compiled-in types, which know the merge keys.
    expect(patch.requestBody).toBeUndefined();
    expect(Object.keys(paths[base] ?? {})).toEqual(["get", "post", "delete", "parameters"]);
    if (info.namespaced) {
      expect(paths[`/${gvPath}/${info.plural}`]?.get?.operationId).toBe(
        `list${operationGroup}${info.kind}ForAllNamespaces`,
      );
    }
    for (const subresource of info.subresources) {
      expect(paths[`${base}/{name}/${subresource}`]).toBeDefined();
    }
  });

  it.each([
    {
      name: "pod eviction is a create of policy/v1 Eviction",
      path: "/api/v1/namespaces/{namespace}/pods/{name}/eviction",
      method: "post",
      operationId: "createCoreV1NamespacedPodEviction",
      gvk: { group: "policy", version: "v1", kind: "Eviction" },
    },
    {
      name: "pod binding is a create of v1 Binding",
      path: "/api/v1/namespaces/{namespace}/pods/{name}/binding",
      method: "post",
      operationId: "createCoreV1NamespacedPodBinding",
      gvk: { group: "", version: "v1", kind: "Binding" },
    },
    {
      name: "namespace finalize is a replace of the Namespace",
      path: "/api/v1/namespaces/{name}/finalize",
      method: "put",
      operationId: "replaceCoreV1NamespaceFinalize",
      gvk: { group: "", version: "v1", kind: "Namespace" },
    },
    {
      name: "DaemonSet status can be patched",
      path: "/apis/apps/v1/namespaces/{namespace}/daemonsets/{name}/status",
      method: "patch",
      operationId: "patchAppsV1NamespacedDaemonSetStatus",
      gvk: { group: "apps", version: "v1", kind: "DaemonSet" },
    },
    {
      name: "nodes are listed cluster-wide",
      path: "/api/v1/nodes",
      method: "get",
      operationId: "listCoreV1Node",
      gvk: { group: "", version: "v1", kind: "Node" },
    },
    {
      name: "pods can be deleted as a collection",
      path: "/api/v1/namespaces/{namespace}/pods",
      method: "delete",
      operationId: "deleteCoreV1CollectionNamespacedPod",
      gvk: { group: "", version: "v1", kind: "Pod" },
    },
  ])("$name", ({ path, method, operationId, gvk }) => {
    const gvPath = path.startsWith("/api/") ? "api/v1" : "apis/apps/v1";
    const operation = pathsOf(gvPath)[path]?.[method];
    expect(operation?.operationId).toBe(operationId);
    expect(operation?.["x-kubernetes-group-version-kind"]).toEqual(gvk);
  });

  it.each(["api/v1", "apis/apps/v1"])("%s declares every path parameter it templates", (gvPath) => {
    for (const [path, item] of Object.entries(pathsOf(gvPath))) {
      const declared = (item.parameters as unknown as JsonObject[])
        .filter((parameter) => parameter.in === "path")
        .map((parameter) => parameter.name)
        .sort();
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect({ path, declared }).toEqual({ path, declared: templated });
    }
  });

  it.each(["api/v1", "apis/apps/v1"])("every $ref of %s resolves to one of its components", (gvPath) => {
    const schemas = schemasOf(gvPath);
    const unresolved = references(documentOf(gvPath)).filter(
      (reference) => !Object.hasOwn(schemas, reference.replace("#/components/schemas/", "")),
    );
    expect(unresolved).toEqual([]);
  });

  it("gives kubectl explain the kind schemas with their group-version-kind", () => {
    const schemas = schemasOf("apis/apps/v1");
    const daemonSet = schemas["io.k8s.kubesim.DaemonSet"];
    expect(daemonSet?.["x-kubernetes-group-version-kind"]).toEqual([
      { group: "apps", kind: "DaemonSet", version: "v1" },
    ]);
    expect(daemonSet?.properties).toEqual({
      apiVersion: { type: "string" },
      kind: { type: "string" },
      metadata: { $ref: "#/components/schemas/io.k8s.kubesim.ObjectMeta" },
      spec: { $ref: "#/components/schemas/io.k8s.kubesim.DaemonSetSpec" },
      status: { $ref: "#/components/schemas/io.k8s.kubesim.DaemonSetStatus" },
    });
    expect(Object.keys(schemas["io.k8s.kubesim.DaemonSetSpec"]?.properties as JsonObject)).toEqual([
      "minReadySeconds",
      "revisionHistoryLimit",
      "selector",
      "template",
      "updateStrategy",
    ]);
    expect(schemas["io.k8s.kubesim.DaemonSetList"]?.["x-kubernetes-group-version-kind"]).toEqual([
      { group: "apps", kind: "DaemonSetList", version: "v1" },
    ]);
    expect(schemas["io.k8s.kubesim.ObjectMeta"]?.properties).toHaveProperty("labels", {
      type: "object",
      additionalProperties: { type: "string" },
    });
  });

  it("only the api/v1 document describes Pod, only apps/v1 describes DaemonSet", () => {
    expect(Object.hasOwn(schemasOf("api/v1"), "io.k8s.kubesim.Pod")).toBe(true);
    expect(Object.hasOwn(schemasOf("api/v1"), "io.k8s.kubesim.DaemonSet")).toBe(false);
    expect(Object.hasOwn(schemasOf("apis/apps/v1"), "io.k8s.kubesim.Pod")).toBe(false);
    expect(Object.hasOwn(schemasOf("apis/apps/v1"), "io.k8s.kubesim.PodSpec")).toBe(true);
  });
});
