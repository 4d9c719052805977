/**
 * The OpenAPI v3 document of one group-version, built from core's resource table: every
 * path kube-apiserver serves for those resources, with the operations, `operationId`s,
 * `x-kubernetes-action` and `x-kubernetes-group-version-kind` upstream gives them.
 *
 * kubectl reads two things from it: whether the PATCH of a kind takes the
 * `fieldValidation` query parameter (then it leaves validation to the server and sends
 * `fieldValidation=Strict`), and whether that PATCH accepts
 * `application/strategic-merge-patch+json` with a schema (then client-side apply computes
 * its patch from the document). The second is deliberately absent: kubectl then falls back
 * to its compiled-in types, which know the patch strategies (merge keys) the schemas here
 * do not carry.
 */
import { type ResourceInfo, resourceTable } from "@kubesim/core";
import { componentSchemas, schemaReference } from "./component-schemas.js";

/** The path of a group-version under `/openapi/v3/`: `api/v1`, `apis/apps/v1`. */
export function groupVersionPath(info: Pick<ResourceInfo, "group" | "version">): string {
  return info.group === "" ? `api/${info.version}` : `apis/${info.group}/${info.version}`;
}

type JsonObject = { [key: string]: unknown };

interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** `CoreV1`, `AppsV1`, `CoordinationV1`: the group-version part of upstream's operationIds. */
function operationGroupVersion(info: ResourceInfo): string {
  const group = info.group === "" ? "core" : (info.group.split(".")[0] ?? info.group);
  const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return `${group.split("-").map(capitalize).join("")}${capitalize(info.version)}`;
}

const stringSchema = { type: "string" } as const;

function queryParameter(name: string, description: string, schema: JsonObject = stringSchema): JsonObject {
  return { name, in: "query", description, schema: { ...schema, uniqueItems: true } };
}

const parameters = {
  name: { name: "name", in: "path", description: "name of the object", required: true, schema: stringSchema },
  namespace: {
    name: "namespace",
    in: "path",
    description: "object name and auth scope, such as for teams and projects",
    required: true,
    schema: stringSchema,
  },
  pretty: queryParameter("pretty", "If 'true', then the output is pretty printed."),
  dryRun: queryParameter(
    "dryRun",
    "When present, the modifications are not persisted. The only valid value is All (process every stage).",
  ),
  fieldManager: queryParameter(
    "fieldManager",
    "The name of the actor making the change, recorded in managedFields. Required for apply patches.",
  ),
  fieldValidation: queryParameter(
    "fieldValidation",
    "What the server does with unknown or duplicate fields in the request body: Ignore drops them, Warn " +
      "(the default) drops them and returns one Warning header each, Strict rejects the request with a " +
      "400 BadRequest listing them.",
  ),
  force: queryParameter(
    "force",
    "Apply patches only: take ownership of fields that other managers own instead of failing with a conflict.",
    { type: "boolean" },
  ),
  labelSelector: queryParameter("labelSelector", "Only return objects whose labels match this selector."),
  fieldSelector: queryParameter("fieldSelector", "Only return objects whose fields match this selector."),
  resourceVersion: queryParameter("resourceVersion", "The resourceVersion a list or watch starts from."),
  limit: queryParameter("limit", "The maximum number of items a list returns.", { type: "integer" }),
  continue: queryParameter("continue", "The continue token of the previous page of a list."),
  watch: queryParameter("watch", "Watch for changes instead of listing.", { type: "boolean" }),
  allowWatchBookmarks: queryParameter("allowWatchBookmarks", "Ask for BOOKMARK watch events.", {
    type: "boolean",
  }),
  timeoutSeconds: queryParameter("timeoutSeconds", "How long a list or watch call may last.", {
    type: "integer",
  }),
  gracePeriodSeconds: queryParameter(
    "gracePeriodSeconds",
    "Seconds before the object is deleted; zero deletes immediately.",
    { type: "integer" },
  ),
  propagationPolicy: queryParameter(
    "propagationPolicy",
    "What happens to dependents: Orphan, Background or Foreground.",
  ),
} as const;

const writeParameters = [parameters.dryRun, parameters.fieldManager, parameters.fieldValidation];
const listParameters = [
  parameters.allowWatchBookmarks,
  parameters.continue,
  parameters.fieldSelector,
  parameters.labelSelector,
  parameters.limit,
  parameters.resourceVersion,
  parameters.timeoutSeconds,
  parameters.watch,
];
const deleteParameters = [parameters.dryRun, parameters.gracePeriodSeconds, parameters.propagationPolicy];

function jsonResponse(description: string, schema: JsonObject | undefined): JsonObject {
  return schema === undefined
    ? { description }
    : { description, content: { "application/json": { schema } } };
}

interface OperationSpec {
  readonly action: string;
  readonly operationId: string;
  readonly description: string;
  readonly gvk: GroupVersionKind;
  readonly parameters: readonly JsonObject[];
  readonly responses: JsonObject;
}

function operation(tag: string, spec: OperationSpec): JsonObject {
  return {
    tags: [tag],
    description: spec.description,
    operationId: spec.operationId,
    parameters: spec.parameters,
    responses: spec.responses,
    "x-kubernetes-action": spec.action,
    "x-kubernetes-group-version-kind": spec.gvk,
  };
}

/** The paths one resource contributes, in upstream's order. */
function resourcePaths(info: ResourceInfo, tag: string, paths: Record<string, JsonObject>): void {
  const base = `/${groupVersionPath(info)}`;
  const gvk: GroupVersionKind = { group: info.group, version: info.version, kind: info.kind };
  const gv = operationGroupVersion(info);
  const scope = info.namespaced ? "Namespaced" : "";
  const collection = info.namespaced
    ? `${base}/namespaces/{namespace}/${info.plural}`
    : `${base}/${info.plural}`;
  const item = `${collection}/{name}`;
  const scopeParameters = info.namespaced ? [parameters.namespace] : [];
  const object = schemaReference(info.kind);
  const list = schemaReference(`${info.kind}List`);
  const status = schemaReference("Status");
  const ok = (schema: JsonObject | undefined) => ({ "200": jsonResponse("OK", schema) });
  const created = (schema: JsonObject | undefined) => ({
    "200": jsonResponse("OK", schema),
    "201": jsonResponse("Created", schema),
    "202": jsonResponse("Accepted", schema),
  });
  const name = `${scope}${info.kind}`;

  paths[collection] = {
    get: operation(tag, {
      action: "list",
      operationId: `list${gv}${name}`,
      description: `list or watch objects of kind ${info.kind}`,
      gvk,
      parameters: listParameters,
      responses: ok(list),
    }),
    post: operation(tag, {
      action: "post",
      operationId: `create${gv}${name}`,
      description: `create ${article(info.kind)} ${info.kind}`,
      gvk,
      parameters: writeParameters,
      responses: created(object),
    }),
    delete: operation(tag, {
      action: "deletecollection",
      operationId: `delete${gv}Collection${name}`,
      description: `delete collection of ${info.kind}`,
      gvk,
      parameters: [...deleteParameters, ...listParameters],
      responses: ok(status),
    }),
    parameters: [...scopeParameters, parameters.pretty],
  };
  paths[item] = {
    get: operation(tag, {
      action: "get",
      operationId: `read${gv}${name}`,
      description: `read the specified ${info.kind}`,
      gvk,
      parameters: [],
      responses: ok(object),
    }),
    put: operation(tag, {
      action: "put",
      operationId: `replace${gv}${name}`,
      description: `replace the specified ${info.kind}`,
      gvk,
      parameters: writeParameters,
      responses: { "200": jsonResponse("OK", object), "201": jsonResponse("Created", object) },
    }),
    delete: operation(tag, {
      action: "delete",
      operationId: `delete${gv}${name}`,
      description: `delete ${article(info.kind)} ${info.kind}`,
      gvk,
      parameters: deleteParameters,
      responses: { "200": jsonResponse("OK", status), "202": jsonResponse("Accepted", status) },
    }),
    patch: operation(tag, {
      action: "patch",
      operationId: `patch${gv}${name}`,
      description: `partially update the specified ${info.kind}`,
      gvk,
      parameters: [...writeParameters, parameters.force],
      responses: { "200": jsonResponse("OK", object), "201": jsonResponse("Created", object) },
    }),
    parameters: [parameters.name, ...scopeParameters, parameters.pretty],
  };

  for (const subresource of info.subresources) {
    const path = `${item}/${subresource}`;
    const suffix = subresource.charAt(0).toUpperCase() + subresource.slice(1);
    const pathParameters = [parameters.name, ...scopeParameters, parameters.pretty];
    if (subresource === "status") {
      paths[path] = {
        get: operation(tag, {
          action: "get",
          operationId: `read${gv}${name}Status`,
          description: `read status of the specified ${info.kind}`,
          gvk,
          parameters: [],
          responses: ok(object),
        }),
        put: operation(tag, {
          action: "put",
          operationId: `replace${gv}${name}Status`,
          description: `replace status of the specified ${info.kind}`,
          gvk,
          parameters: writeParameters,
          responses: { "200": jsonResponse("OK", object), "201": jsonResponse("Created", object) },
        }),
        patch: operation(tag, {
          action: "patch",
          operationId: `patch${gv}${name}Status`,
          description: `partially update status of the specified ${info.kind}`,
          gvk,
          parameters: [...writeParameters, parameters.force],
          responses: { "200": jsonResponse("OK", object), "201": jsonResponse("Created", object) },
        }),
        parameters: pathParameters,
      };
    } else if (subresource === "finalize") {
      paths[path] = {
        put: operation(tag, {
          action: "put",
          operationId: `replace${gv}${name}Finalize`,
          description: `replace finalize of the specified ${info.kind}`,
          gvk,
          parameters: writeParameters,
          responses: { "200": jsonResponse("OK", object), "201": jsonResponse("Created", object) },
        }),
        parameters: pathParameters,
      };
    } else {
      // binding (core/v1 Binding) and eviction (policy/v1 Eviction): create-only.
      const subresourceKind =
        subresource === "eviction"
          ? { group: "policy", version: "v1", kind: "Eviction" }
          : { group: "", version: "v1", kind: suffix };
      paths[path] = {
        post: operation(tag, {
          action: "post",
          operationId: `create${gv}${name}${suffix}`,
          description: `create ${subresource} of ${article(info.kind)} ${info.kind}`,
          gvk: subresourceKind,
          parameters: writeParameters,
          responses: created(undefined),
        }),
        parameters: pathParameters,
      };
    }
  }

  if (info.namespaced) {
    paths[`${base}/${info.plural}`] = {
      get: operation(tag, {
        action: "list",
        operationId: `list${gv}${info.kind}ForAllNamespaces`,
        description: `list or watch objects of kind ${info.kind}`,
        gvk,
        parameters: listParameters,
        responses: ok(list),
      }),
      parameters: [parameters.pretty],
    };
  }
}

function article(kind: string): string {
  return /^[AEIOU]/.test(kind) ? "an" : "a";
}

/**
 * Builds the document of one group-version (`api/v1`, `apis/apps/v1`), or `undefined`
 * when no resource of the table is in it.
 */
export function buildGroupVersionDocument(path: string): JsonObject | undefined {
  const resources = resourceTable.filter((info) => groupVersionPath(info) === path);
  const first = resources[0];
  if (first === undefined) return undefined;
  const tag = `${first.group === "" ? "core" : first.group.replaceAll(".", "_")}_${first.version}`;
  const paths: Record<string, JsonObject> = {};
  for (const info of resources) resourcePaths(info, tag, paths);
  const sortedPaths: Record<string, JsonObject> = {};
  for (const key of Object.keys(paths).sort()) sortedPaths[key] = paths[key] as JsonObject;
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: "v1.32.4" },
    paths: sortedPaths,
    components: { schemas: componentSchemas(resources) },
  };
}
