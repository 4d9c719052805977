import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, startTestServer, type TestServer } from "./test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const kubectlAccept =
  "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
const v2Type = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

describe("content negotiation", () => {
  const cases = [
    {
      name: "kubectl's Accept on /api gets aggregated v2",
      path: "/api",
      accept: kubectlAccept,
      type: v2Type,
      kind: "APIGroupDiscoveryList",
    },
    {
      name: "kubectl's Accept on /apis gets aggregated v2",
      path: "/apis",
      accept: kubectlAccept,
      type: v2Type,
      kind: "APIGroupDiscoveryList",
    },
    {
      name: "a client asking for v2beta1 first gets v2beta1",
      path: "/apis",
      accept: "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList",
      type: "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList",
      kind: "APIGroupDiscoveryList",
    },
    {
      name: "plain JSON on /api gets legacy APIVersions",
      path: "/api",
      accept: "application/json",
      type: "application/json",
      kind: "APIVersions",
    },
    {
      name: "no Accept on /apis gets the legacy APIGroupList",
      path: "/apis",
      accept: "",
      type: "application/json",
      kind: "APIGroupList",
    },
    {
      name: "plain JSON listed before aggregated wins, as the client's order decides",
      path: "/apis",
      accept: `application/json,${v2Type}`,
      type: "application/json",
      kind: "APIGroupList",
    },
  ];

  it.each(cases)("$name", async ({ path, accept, type, kind }) => {
    const reply = await send(server.base, "GET", path, { headers: accept === "" ? {} : { accept } });
    expect(reply.code).toBe(200);
    expect(reply.headers.get("content-type")).toBe(type);
    expect(reply.body.kind).toBe(kind);
  });
});

describe("aggregated documents", () => {
  it("serves the core group unnamed, with pods' subresources, eviction in policy/v1", async () => {
    const reply = await send(server.base, "GET", "/api", { headers: { accept: kubectlAccept } });
    const items = reply.body.items as Array<Record<string, unknown>>;
    expect(reply.body.apiVersion).toBe("apidiscovery.k8s.io/v2");
    expect(reply.body.metadata).toEqual({});
    expect(items).toHaveLength(1);
    const [core] = items as [Record<string, unknown>];
    expect(core.metadata).toEqual({ creationTimestamp: null });
    const [version] = core.versions as [Record<string, unknown>];
    expect(version.version).toBe("v1");
    expect(version.freshness).toBe("Current");
    const resources = version.resources as Array<Record<string, unknown>>;
    expect(resources.map((resource) => resource.resource)).toEqual([
      "namespaces",
      "nodes",
      "pods",
      "events",
      "services",
    ]);
    expect(resources.find((resource) => resource.resource === "pods")).toEqual({
      resource: "pods",
      responseKind: { group: "", version: "v1", kind: "Pod" },
      scope: "Namespaced",
      singularResource: "pod",
      verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      shortNames: ["po"],
      categories: ["all"],
      subresources: [
        {
          subresource: "status",
          responseKind: { group: "", version: "v1", kind: "Pod" },
          verbs: ["get", "patch", "update"],
        },
        {
          subresource: "binding",
          responseKind: { group: "", version: "v1", kind: "Binding" },
          verbs: ["create"],
        },
        {
          subresource: "eviction",
          responseKind: { group: "policy", version: "v1", kind: "Eviction" },
          verbs: ["create"],
        },
      ],
    });
    expect(resources.find((resource) => resource.resource === "namespaces")).toEqual({
      resource: "namespaces",
      responseKind: { group: "", version: "v1", kind: "Namespace" },
      scope: "Cluster",
      singularResource: "namespace",
      verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
      shortNames: ["ns"],
      subresources: [
        {
          subresource: "status",
          responseKind: { group: "", version: "v1", kind: "Namespace" },
          verbs: ["get", "patch", "update"],
        },
        {
          subresource: "finalize",
          responseKind: { group: "", version: "v1", kind: "Namespace" },
          verbs: ["update"],
        },
      ],
    });
  });

  it("serves apps/v1 with daemonsets in category all and controllerrevisions without subresources", async () => {
    const reply = await send(server.base, "GET", "/apis", { headers: { accept: kubectlAccept } });
    const items = reply.body.items as Array<Record<string, unknown>>;
    expect(items.map((item) => item.metadata)).toEqual([
      { name: "apps", creationTimestamp: null },
      { name: "coordination.k8s.io", creationTimestamp: null },
    ]);
    const [apps] = items as [Record<string, unknown>];
    const [version] = apps.versions as [Record<string, unknown>];
    const resources = version.resources as Array<Record<string, unknown>>;
    expect(resources.find((resource) => resource.resource === "daemonsets")).toEqual({
      resource: "daemonsets",
      responseKind: { group: "apps", version: "v1", kind: "DaemonSet" },
      scope: "Namespaced",
      singularResource: "daemonset",
      verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      shortNames: ["ds"],
      categories: ["all"],
      subresources: [
        {
          subresource: "status",
          responseKind: { group: "apps", version: "v1", kind: "DaemonSet" },
          verbs: ["get", "patch", "update"],
        },
      ],
    });
    expect(resources.find((resource) => resource.resource === "controllerrevisions")).toEqual({
      resource: "controllerrevisions",
      responseKind: { group: "apps", version: "v1", kind: "ControllerRevision" },
      scope: "Namespaced",
      singularResource: "controllerrevision",
      verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
    });
  });

  it("serves coordination.k8s.io/v1 with leases, without short names, categories or subresources", async () => {
    const reply = await send(server.base, "GET", "/apis", { headers: { accept: kubectlAccept } });
    const items = reply.body.items as Array<Record<string, unknown>>;
    expect(items.find((item) => (item.metadata as { name?: string }).name === "coordination.k8s.io")).toEqual(
      {
        metadata: { name: "coordination.k8s.io", creationTimestamp: null },
        versions: [
          {
            version: "v1",
            resources: [
              {
                resource: "leases",
                responseKind: { group: "coordination.k8s.io", version: "v1", kind: "Lease" },
                scope: "Namespaced",
                singularResource: "lease",
                verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
              },
            ],
            freshness: "Current",
          },
        ],
      },
    );
  });
});
