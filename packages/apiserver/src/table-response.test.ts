import { printTable } from "@kubesim/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableBody } from "./table-response.js";
import { daemonSetManifest, send, startTestServer, type TestServer } from "./test-server.js";

const tableAccept =
  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
const tableType = "application/json;as=Table;v=v1;g=meta.k8s.io";

let server: TestServer;
let created: Record<string, unknown>;
beforeAll(async () => {
  server = await startTestServer();
  created = (
    await send(server.base, "POST", "/apis/apps/v1/namespaces/default/daemonsets", {
      body: daemonSetManifest(),
    })
  ).body;
  server.clock.advance(3000);
});
afterAll(() => server.close());

function metadataOf(object: Record<string, unknown>): Record<string, unknown> {
  return object.metadata as Record<string, unknown>;
}

describe("Table lists", () => {
  it("renders a DaemonSet list with every printer column, cells from core's printer and row metadata", async () => {
    const reply = await send(server.base, "GET", "/apis/apps/v1/namespaces/default/daemonsets?limit=500", {
      headers: { accept: tableAccept },
    });
    expect(reply.code).toBe(200);
    expect(reply.headers.get("content-type")).toBe(tableType);
    const expected = printTable("DaemonSet", [created], { wide: true, now: new Date(server.clock.now()) });
    expect(reply.body).toEqual({
      kind: "Table",
      apiVersion: "meta.k8s.io/v1",
      metadata: { resourceVersion: server.store.resourceVersion },
      columnDefinitions: expected.columns,
      rows: [
        {
          cells: ["nginx", 0, 0, 0, 0, 0, "<none>", "3s", "nginx", "nginx:1.25", "app=nginx"],
          object: {
            kind: "PartialObjectMetadata",
            apiVersion: "meta.k8s.io/v1",
            metadata: metadataOf(created),
          },
        },
      ],
    });
    const columns = reply.body.columnDefinitions as Array<Record<string, unknown>>;
    expect(
      columns.map((column) => `${column.name}/${column.type}/${column.format}/${column.priority}`),
    ).toEqual([
      "Name/string/name/0",
      "Desired/integer//0",
      "Current/integer//0",
      "Ready/integer//0",
      "Up-to-date/integer//0",
      "Available/integer//0",
      "Node Selector/string//0",
      "Age/string//0",
      "Containers/string//1",
      "Images/string//1",
      "Selector/string//1",
    ]);
  });

  const includeCases = [
    {
      name: "includeObject=Object puts the whole object in each row",
      query: "?includeObject=Object",
      object: "full",
    },
    { name: "includeObject=None leaves the row object out", query: "?includeObject=None", object: "none" },
    {
      name: "includeObject=Metadata is the default's PartialObjectMetadata",
      query: "?includeObject=Metadata",
      object: "partial",
    },
  ];

  it.each(includeCases)("$name", async ({ query, object }) => {
    const reply = await send(server.base, "GET", `/apis/apps/v1/daemonsets${query}`, {
      headers: { accept: tableAccept },
    });
    const [row] = reply.body.rows as [Record<string, unknown>];
    if (object === "full") expect(row.object).toEqual(created);
    else if (object === "none") expect(Object.hasOwn(row, "object")).toBe(false);
    else
      expect(row.object).toEqual({
        kind: "PartialObjectMetadata",
        apiVersion: "meta.k8s.io/v1",
        metadata: metadataOf(created),
      });
  });

  it("answers an unknown includeObject with upstream's 400", async () => {
    const reply = await send(server.base, "GET", "/apis/apps/v1/daemonsets?includeObject=All", {
      headers: { accept: tableAccept },
    });
    expect(reply.code).toBe(400);
    expect(reply.body.message).toBe(
      'Unable to convert to Table as requested: includeObject: Unsupported value: "All": supported values: "Metadata", "None", "Object"',
    );
  });

  it("answers an empty list with an empty Table carrying the list's resourceVersion", async () => {
    const reply = await send(server.base, "GET", "/api/v1/namespaces/default/pods", {
      headers: { accept: tableAccept },
    });
    expect(reply.body.rows).toEqual([]);
    expect(reply.body.metadata).toEqual({ resourceVersion: server.store.resourceVersion });
  });

  it("answers a v1beta1-first Accept with a meta.k8s.io/v1beta1 Table", async () => {
    const reply = await send(server.base, "GET", "/api/v1/nodes", {
      headers: { accept: "application/json;as=Table;v=v1beta1;g=meta.k8s.io" },
    });
    expect(reply.headers.get("content-type")).toBe("application/json;as=Table;v=v1beta1;g=meta.k8s.io");
    expect(reply.body.apiVersion).toBe("meta.k8s.io/v1beta1");
  });

  it("answers plain JSON when the Table range is not first", async () => {
    const reply = await send(server.base, "GET", "/apis/apps/v1/daemonsets", {
      headers: { accept: `application/json,${tableType}` },
    });
    expect(reply.body.kind).toBe("DaemonSetList");
  });
});

describe("Table single objects", () => {
  it("renders one object as a one-row Table with the object's resourceVersion", async () => {
    const reply = await send(server.base, "GET", "/apis/apps/v1/namespaces/default/daemonsets/nginx", {
      headers: { accept: tableAccept },
    });
    expect(reply.headers.get("content-type")).toBe(tableType);
    expect(reply.body.metadata).toEqual({ resourceVersion: metadataOf(created).resourceVersion });
    expect((reply.body.rows as unknown[]).length).toBe(1);
  });

  it("answers a missing object with the NotFound Status, not a Table", async () => {
    const reply = await send(server.base, "GET", "/apis/apps/v1/namespaces/default/daemonsets/nope", {
      headers: { accept: tableAccept },
    });
    expect(reply.code).toBe(404);
    expect(reply.headers.get("content-type")).toBe("application/json");
    expect(reply.body.kind).toBe("Status");
  });
});

describe("fallback columns", () => {
  it("gives kinds without a printer upstream's Name and Created At", () => {
    const body = tableBody(
      "Widget",
      [
        {
          apiVersion: "example.com/v1",
          kind: "Widget",
          metadata: { name: "a", creationTimestamp: "2026-01-02T03:04:05Z" },
        },
        { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "b" } },
      ],
      { apiVersion: "meta.k8s.io/v1", includeObject: "None", now: new Date(0), resourceVersion: "7" },
    ) as Record<string, unknown>;
    const columns = body.columnDefinitions as Array<Record<string, unknown>>;
    expect(columns.map((column) => [column.name, column.type, column.format, column.priority])).toEqual([
      ["Name", "string", "name", 0],
      ["Created At", "date", "", 0],
    ]);
    expect(body.rows).toEqual([
      { cells: ["a", "2026-01-02T03:04:05Z"] },
      { cells: ["b", "0001-01-01T00:00:00Z"] },
    ]);
  });
});
