import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Pod } from "@kubesim/core";
import type { StoreSnapshot } from "@kubesim/store";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ClusterDatabase } from "./cluster-database.js";
import type { ClusterSettings, ClusterState } from "./cluster-state.js";

const settings: ClusterSettings = { seed: "demo", daemonSetScheduling: "legacy", createdAt: 1_000 };
const snapshot = {
  resourceVersion: "7",
  objects: [
    { apiVersion: "v1", kind: "Node", metadata: { name: "node-1", resourceVersion: "5" } },
    { apiVersion: "v1", kind: "Node", metadata: { name: "node-2", resourceVersion: "6" } },
  ],
} as unknown as StoreSnapshot;
const staticPod: Pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "etcd", namespace: "kube-system" },
};
const state: ClusterState = {
  savedTime: 2_000,
  snapshot,
  kubelets: {
    "node-1": { staticPods: [staticPod], ready: true },
    "node-2": { staticPods: [], ready: false },
  },
};

describe("ClusterDatabase", () => {
  let folder = "";
  let path = "";
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "kubesim-db-"));
    path = join(folder, "clusters", "demo.db");
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("Reads back the settings, state and node count it was created with", () => {
    ClusterDatabase.create(path, "demo", settings, state);
    const database = ClusterDatabase.open(path, "demo");
    try {
      expect(database.readSummary()).toEqual({ settings, nodeCount: 2 });
      expect(database.readState()).toEqual({ ...state, kubelets: { ...state.kubelets } });
    } finally {
      database.close();
    }
    expect(readdirSync(join(folder, "clusters"))).toEqual(["demo.db"]);
  });

  it("Keeps a numeric seed a number", () => {
    ClusterDatabase.create(path, "demo", { ...settings, seed: 42 }, state);
    const database = ClusterDatabase.open(path, "demo");
    expect(database.readSettings().seed).toBe(42);
    database.close();
  });

  it("Refuses to create a cluster whose name is taken and leaves the first one intact", () => {
    ClusterDatabase.create(path, "demo", settings, state);
    expect(() => ClusterDatabase.create(path, "demo", { ...settings, seed: 2 }, state)).toThrow(
      'cluster "demo" already exists',
    );
    const database = ClusterDatabase.open(path, "demo");
    expect(database.readSettings().seed).toBe("demo");
    database.close();
    expect(readdirSync(join(folder, "clusters"))).toEqual(["demo.db"]);
  });

  it("Reports a cluster that does not exist", () => {
    expect(() => ClusterDatabase.open(path, "demo")).toThrow(
      'cluster "demo" not found; "kubesim cluster list" shows the clusters',
    );
  });

  it("Reports a file that is not a kubesim database", () => {
    ClusterDatabase.create(path, "demo", settings, state);
    writeFileSync(path, "not sqlite at all, just text that is long enough to look like a header".repeat(20));
    expect(() => ClusterDatabase.open(path, "demo")).toThrow(
      `${path} is not a usable kubesim cluster database`,
    );
  });

  it("Reports a database written by a newer schema", () => {
    ClusterDatabase.create(path, "demo", settings, state);
    const raw = new Database(path);
    raw.pragma("user_version = 9");
    raw.close();
    expect(() => ClusterDatabase.open(path, "demo")).toThrow(
      `${path} is not a usable kubesim cluster database: schema version 9 was written by a newer kubesim (this one reads 1)`,
    );
  });

  it("Commits a written state and drops an uncommitted one", () => {
    ClusterDatabase.create(path, "demo", settings, state);
    const writer = ClusterDatabase.open(path, "demo");
    writer.beginWrite();
    writer.writeState({ ...state, savedTime: 3_000 });
    writer.commit();
    writer.beginWrite();
    writer.writeState({ ...state, savedTime: 4_000, kubelets: {} });
    writer.close();
    const reader = ClusterDatabase.open(path, "demo");
    const saved = reader.readState();
    reader.close();
    expect(saved.savedTime).toBe(3_000);
    expect(Object.keys(saved.kubelets)).toEqual(["node-1", "node-2"]);
  });

  it("Refuses to write a cluster that was deleted while the command waited for the lock", () => {
    ClusterDatabase.create(path, "demo", settings, state);
    const waiting = ClusterDatabase.open(path, "demo");
    const deleter = ClusterDatabase.open(path, "demo");
    deleter.beginWrite();
    deleter.deleteFile();
    deleter.close();
    expect(() => waiting.beginWrite()).toThrow(
      'cluster "demo" not found; it was deleted while this command waited',
    );
    waiting.close();
    expect(readdirSync(join(folder, "clusters"))).toEqual([]);
  });

  it("Refuses to write a cluster that was deleted and created again meanwhile", () => {
    ClusterDatabase.create(path, "demo", settings, state);
    const waiting = ClusterDatabase.open(path, "demo");
    const deleter = ClusterDatabase.open(path, "demo");
    deleter.beginWrite();
    deleter.deleteFile();
    deleter.close();
    ClusterDatabase.create(path, "demo", { ...settings, seed: 3 }, state);
    expect(() => waiting.beginWrite()).toThrow(
      'cluster "demo" not found; it was deleted while this command waited',
    );
    waiting.close();
  });
});
