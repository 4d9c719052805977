#!/usr/bin/env node
/**
 * Writes src/field-validation/generated-field-schema.ts: which fields exist, with which
 * type, for every kind kubesim serves. The facts come from the generated models of
 * @kubernetes/client-node (a devDependency of @kubesim/apiserver): every model class has a
 * static `getAttributeTypeMap()` listing `{ name, baseName, type, format }`, `baseName`
 * being the JSON field name.
 *
 * Run from anywhere: `node packages/apiserver/scripts/generate-field-schema.mjs`.
 * Pass `--check` to fail (exit 1) instead of writing when the committed file is stale.
 *
 * The output is deterministic (types sorted by name, fields in model order) and the
 * runtime never imports @kubernetes/client-node.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const outputPath = join(packageRoot, "src", "field-validation", "generated-field-schema.ts");

// Resolve the client from packages/apiserver, whatever the working directory.
const requireFromPackage = createRequire(join(packageRoot, "package.json"));
const clientPackageJsonPath = requireFromPackage.resolve("@kubernetes/client-node/package.json");
const clientPackageJson = JSON.parse(readFileSync(clientPackageJsonPath, "utf8"));
const clientVersion = clientPackageJson.version;
const client = await import(pathToFileURL(join(dirname(clientPackageJsonPath), clientPackageJson.main)).href);

/**
 * Every kind of core's resource table (packages/core/src/resources/resource-table.ts),
 * with the client-node model that describes it. A test of the runtime module checks that
 * this list and the table agree.
 */
const kinds = [
  ["v1", "Namespace", "V1Namespace"],
  ["v1", "Node", "V1Node"],
  ["v1", "Pod", "V1Pod"],
  ["v1", "Event", "CoreV1Event"],
  ["v1", "Service", "V1Service"],
  ["apps/v1", "DaemonSet", "V1DaemonSet"],
  ["apps/v1", "ControllerRevision", "V1ControllerRevision"],
  ["apps/v1", "Deployment", "V1Deployment"],
  ["apps/v1", "ReplicaSet", "V1ReplicaSet"],
  ["coordination.k8s.io/v1", "Lease", "V1Lease"],
];

/**
 * Fields whose Go type is resource.Quantity. The models flatten Quantity to `string`, so
 * the generator is told; each entry is checked against the model (it must exist and be a
 * string or a map of strings).
 */
const quantityFields = new Set([
  "V1ContainerStatus.allocatedResources",
  "V1EmptyDirVolumeSource.sizeLimit",
  "V1NodeStatus.allocatable",
  "V1NodeStatus.capacity",
  "V1PodSpec.overhead",
  "V1ResourceFieldSelector.divisor",
  "V1ResourceRequirements.limits",
  "V1ResourceRequirements.requests",
  "V1VolumeResourceRequirements.limits",
  "V1VolumeResourceRequirements.requests",
]);

const primitiveByModelType = new Map([
  ["string|", "string"],
  ["string|byte", "byte"],
  ["number|int32", "int32"],
  ["number|int64", "int64"],
  ["number|double", "double"],
  ["boolean|", "boolean"],
  ["Date|date-time", "date-time"],
  ["V1MicroTime|date-time-micro", "micro-time"],
  ["IntOrString|int-or-string", "int-or-string"],
  ["any|", "any"],
  ["object|", "any"],
]);

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const types = new Map();

function modelClass(name) {
  const model = client[name];
  if (typeof model !== "function" || typeof model.getAttributeTypeMap !== "function") return undefined;
  return model;
}

/** Turns a model type (`Array<V1Container>`, `{ [key: string]: string; }`) into ours. */
function typeExpression(owner, attribute, type, format) {
  const list = /^Array<(.+)>$/.exec(type);
  if (list) return `[]${typeExpression(owner, attribute, list[1], format)}`;
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return `{}${typeExpression(owner, attribute, map[1], format)}`;
  const primitive = primitiveByModelType.get(`${type}|${format}`) ?? primitiveByModelType.get(`${type}|`);
  if (primitive !== undefined) return primitive;
  if (modelClass(type) === undefined) {
    throw new Error(`${owner}.${attribute}: unsupported model type ${JSON.stringify(type)} (${format})`);
  }
  visit(type);
  return type;
}

function visit(name) {
  if (types.has(name)) return;
  const model = modelClass(name);
  if (model === undefined) throw new Error(`no model class ${name} in @kubernetes/client-node`);
  const fields = [];
  types.set(name, fields);
  for (const { baseName, type, format } of model.getAttributeTypeMap()) {
    if (!identifier.test(baseName) && !/^[A-Za-z0-9_.-]+$/.test(baseName)) {
      throw new Error(`${name}: unexpected JSON field name ${JSON.stringify(baseName)}`);
    }
    if (baseName === "__proto__" || baseName.includes(" ") || baseName.includes(":")) {
      throw new Error(`${name}: field name ${JSON.stringify(baseName)} cannot be encoded`);
    }
    let expression = typeExpression(name, baseName, type, format);
    const key = `${name}.${baseName}`;
    if (quantityFields.has(key)) {
      if (expression === "string") expression = "quantity";
      else if (expression === "{}string") expression = "{}quantity";
      else throw new Error(`${key} is listed as a Quantity but has type ${expression}`);
    }
    fields.push(`${baseName}:${expression}`);
  }
}

for (const [, , model] of kinds) visit(model);
for (const key of quantityFields) {
  const [model, field] = key.split(".");
  if (!types.get(model)?.some((entry) => entry.startsWith(`${field}:`))) {
    throw new Error(`Quantity field ${key} is not reachable from the kinds`);
  }
}

/** The schema must be a tree (no recursive types), so a walk over it is bounded. */
function assertAcyclic(name, trail) {
  if (trail.includes(name)) throw new Error(`recursive type: ${[...trail, name].join(" -> ")}`);
  for (const entry of types.get(name) ?? []) {
    const target = entry.slice(entry.indexOf(":") + 1).replace(/^(\[\]|\{\})+/, "");
    if (types.has(target)) assertAcyclic(target, [...trail, name]);
  }
}
for (const [, , model] of kinds) assertAcyclic(model, []);

const quoteKey = (key) => (identifier.test(key) ? key : JSON.stringify(key));
/** One object entry, laid out as the repository's formatter (Biome, 110 columns) would. */
function entryLine(key, value) {
  const line = `  ${quoteKey(key)}: ${JSON.stringify(value)},`;
  return line.length <= 110 ? line : `  ${quoteKey(key)}:\n    ${JSON.stringify(value)},`;
}
const lines = [
  "// Generated by packages/apiserver/scripts/generate-field-schema.mjs from the models of",
  `// @kubernetes/client-node ${clientVersion} (their attributeTypeMap). Do not edit: run`,
  "// `node packages/apiserver/scripts/generate-field-schema.mjs` from the repository root.",
  "",
  "/**",
  " * Every object type reachable from the kinds kubesim serves, by model name: a string of",
  " * space-separated `jsonName:type` entries. A type is a primitive (`string`, `int32`,",
  " * `int64`, `double`, `boolean`, `byte`, `date-time`, `micro-time`, `int-or-string`,",
  " * `quantity`), `any` (free-form JSON: RawExtension, FieldsV1), another entry of this",
  " * table, `[]T` (a list of T) or `{}T` (a map with free keys and T values).",
  " */",
  "export const generatedFieldTypes: Readonly<Record<string, string>> = {",
  ...[...types.keys()].sort().map((name) => entryLine(name, types.get(name).join(" "))),
  "};",
  "",
  "/** The model of each served kind, keyed by `<apiVersion>/<kind>`. */",
  "export const generatedKindTypes: Readonly<Record<string, string>> = {",
  ...kinds.map(([apiVersion, kind, model]) => entryLine(`${apiVersion}/${kind}`, model)),
  "};",
  "",
];
const output = lines.join("\n");

if (process.argv.includes("--check")) {
  const current = readFileSync(outputPath, "utf8");
  if (current !== output) {
    console.error(`${relative(process.cwd(), outputPath)} is stale: rerun the generator`);
    process.exit(1);
  }
  console.log(`${relative(process.cwd(), outputPath)} is up to date`);
} else {
  writeFileSync(outputPath, output);
  console.log(
    `wrote ${relative(process.cwd(), outputPath)}: ${types.size} types, ${kinds.length} kinds, ${Buffer.byteLength(output)} bytes`,
  );
}
