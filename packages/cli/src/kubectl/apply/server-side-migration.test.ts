/**
 * kubectl's client-side → server-side apply migration against a scripted server that
 * answers as the transcript's did (transcript 24): the requests, their bodies byte for
 * byte, and the warnings when a step fails.
 */
import {
  type ApiClient,
  createConflictError,
  type KubeObject,
  type PatchOptions,
  StatusError,
} from "@kubesim/core";
import { describe, expect, it } from "vitest";
import { bufferedIo } from "../../io.js";
import { goCompactJson } from "../resource-builder/index.js";
import {
  clientWithOverrides,
  createTestCluster,
  nginxDaemonSetYaml,
  writeManifests,
} from "../resource-builder/test-manifests.js";
import { testContext } from "../test-context.js";
import { runApply } from "./apply.js";
import type { ManagedFieldsEntry } from "./managed-fields-migration.js";
import {
  clientSideFields,
  lastAppliedOnly,
  serverSideFields,
  transcriptApplyBody,
  transcriptLastAppliedBody,
  transcriptMigrationPatch,
} from "./transcript-24-fixtures.js";

const lastApplied126 =
  '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{},"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx","ports":[{"containerPort":80}]}]}}}}\n';

function entry(manager: string, operation: "Apply" | "Update", fieldsV1: object): ManagedFieldsEntry {
  return {
    manager,
    operation,
    apiVersion: "apps/v1",
    time: "2026-11-29T19:21:58Z",
    fieldsType: "FieldsV1",
    fieldsV1,
  };
}

function liveObject(managedFields: ManagedFieldsEntry[], resourceVersion = "1079"): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: {
      name: "nginx",
      namespace: "default",
      resourceVersion,
      annotations: { "kubectl.kubernetes.io/last-applied-configuration": lastApplied126 },
      managedFields,
    },
  };
}

// The object after the forced apply: kubectl owns the manifest, client-side apply the rest.
const afterForcedApply = liveObject([
  entry("kubectl", "Apply", serverSideFields),
  entry("kubectl-client-side-apply", "Update", clientSideFields),
]);
// After kubectl-last-applied saved the annotation.
const afterLastApplied = liveObject([
  entry("kubectl", "Apply", serverSideFields),
  entry("kubectl-client-side-apply", "Update", clientSideFields),
  entry("kubectl-last-applied", "Apply", lastAppliedOnly),
]);
// After the migration patch.
const afterMigration = liveObject([
  entry("kubectl", "Apply", serverSideFields),
  entry("kubectl-last-applied", "Apply", lastAppliedOnly),
]);

/** A request the scripted server saw: its type, query parameters and body. */
interface Request {
  readonly type: string;
  readonly fieldManager: string | undefined;
  readonly force: boolean | undefined;
  readonly body: string;
}

/** What the scripted server does with the n-th PATCH: answer an object or fail. */
type Answer = KubeObject | Error;

async function runScripted(answers: readonly Answer[], getAnswer: KubeObject = afterLastApplied) {
  const cluster = await createTestCluster();
  const cwd = await writeManifests({ "ds.yaml": nginxDaemonSetYaml("nginx:1.25") });
  const requests: Request[] = [];
  const client: ApiClient = clientWithOverrides(cluster.client, {
    patch: (async (_kind: string, _name: string, patch: unknown, options: PatchOptions) => {
      requests.push({
        type: options.type,
        fieldManager: options.fieldManager,
        force: options.force,
        body: options.type === "json" ? JSON.stringify(patch) : goCompactJson(patch),
      });
      const answer = answers[requests.length - 1];
      if (answer === undefined) throw new Error("unexpected PATCH");
      if (answer instanceof Error) throw answer;
      return answer;
    }) as ApiClient["patch"],
    get: (async () => getAnswer) as ApiClient["get"],
  });
  const io = bufferedIo();
  const context = { ...testContext(cluster, { io, cwd }), client };
  const exitCode = await runApply(context, {
    filenames: ["ds.yaml"],
    recursive: false,
    serverSide: true,
    forceConflicts: true,
  });
  cluster.close();
  return { exitCode, ...io.output, requests };
}

const forcedApply = { type: "apply", fieldManager: "kubectl", force: true, body: transcriptApplyBody };
const saveLastApplied = {
  type: "apply",
  fieldManager: "kubectl-last-applied",
  force: undefined,
  body: transcriptLastAppliedBody,
};
const migrationPatch = {
  type: "json",
  fieldManager: "kubectl",
  force: undefined,
  body: transcriptMigrationPatch,
};

describe("apply --server-side over a client-side-applied object (transcript 24)", () => {
  it("sends the forced apply, kubectl-last-applied's apply, the migration patch and the apply again", async () => {
    expect(await runScripted([afterForcedApply, afterLastApplied, afterMigration, afterMigration])).toEqual({
      exitCode: 0,
      stdout: "daemonset.apps/nginx serverside-applied\n",
      stderr: "",
      requests: [forcedApply, saveLastApplied, migrationPatch, forcedApply],
    });
  });

  it("skips saving the annotation when an Apply manager owns it already", async () => {
    expect(await runScripted([afterLastApplied, afterMigration, afterMigration])).toMatchObject({
      exitCode: 0,
      stderr: "",
      requests: [forcedApply, migrationPatch, forcedApply],
    });
  });

  it("does nothing more when no Update manager owns the annotation", async () => {
    expect(await runScripted([afterMigration])).toMatchObject({
      exitCode: 0,
      stderr: "",
      requests: [forcedApply],
    });
  });

  it("re-reads and retries the migration patch after a Conflict", async () => {
    const conflict = createConflictError({ group: "apps", resource: "daemonsets" }, "nginx");
    const result = await runScripted([afterLastApplied, conflict, afterMigration, afterMigration]);
    expect(result).toMatchObject({ exitCode: 0, stderr: "" });
    expect(result.requests.map((request) => request.type)).toEqual(["apply", "json", "json", "apply"]);
  });

  it.each([
    {
      name: "a failed save of the annotation is a warning and stops the migration",
      answers: [afterForcedApply, new StatusError({ message: "boom", reason: "InternalError", code: 500 })],
      stderr:
        "Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: boom\n",
      types: ["apply", "apply"],
    },
    {
      name: "a rejected migration patch is a warning",
      answers: [afterLastApplied, new StatusError({ message: "nope", reason: "BadRequest", code: 400 })],
      stderr:
        "Warning: server rejected managed fields migration to Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: nope\n",
      types: ["apply", "json"],
    },
    {
      name: "a failed re-apply is a warning",
      answers: [
        afterLastApplied,
        afterMigration,
        new StatusError({ message: "gone", reason: "InternalError", code: 500 }),
      ],
      stderr:
        "Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: gone\n",
      types: ["apply", "json", "apply"],
    },
  ])("$name", async ({ answers, stderr, types }) => {
    const result = await runScripted(answers);
    expect(result).toMatchObject({
      exitCode: 0,
      stdout: "daemonset.apps/nginx serverside-applied\n",
      stderr,
    });
    expect(result.requests.map((request) => request.type)).toEqual(types);
  });

  it("a --field-manager other than kubectl migrates into that manager without saving the annotation", async () => {
    const cluster = await createTestCluster();
    const cwd = await writeManifests({ "ds.yaml": nginxDaemonSetYaml("nginx:1.25") });
    const managers: (string | undefined)[] = [];
    const client = clientWithOverrides(cluster.client, {
      patch: (async (_kind: string, _name: string, _patch: unknown, options: PatchOptions) => {
        managers.push(`${options.type} ${options.fieldManager ?? ""}`);
        return afterForcedApply;
      }) as ApiClient["patch"],
    });
    const io = bufferedIo();
    const exitCode = await runApply(
      { ...testContext(cluster, { io, cwd }), client },
      { filenames: ["ds.yaml"], recursive: false, serverSide: true, fieldManager: "mine" },
    );
    expect({ exitCode, managers }).toEqual({
      exitCode: 0,
      managers: ["apply mine", "json mine", "apply mine"],
    });
    cluster.close();
  });
});
