#!/usr/bin/env node
/**
 * Writes src/protobuf/generated-protobuf-schema.ts: the protobuf message definitions of every
 * kind kubesim serves (and of the Binding, Eviction and DeleteOptions request bodies), so
 * that a body kubectl sends as `application/vnd.kubernetes.protobuf` decodes into the JSON
 * object Go's encoding/json would write for it.
 *
 * Two upstream sources per Go package, both at the same release:
 * - `generated.proto` gives each message's fields: number, proto type, repeated or map;
 * - the Go structs (`types.go` and friends) give what the JSON looks like: the JSON name
 *   (`json:"name,omitempty"`), `omitempty`, `,inline`, and whether the Go field is a pointer,
 *   matched to the proto field by the number in the `protobuf:"…"` tag.
 *
 * Usage (the sources are not part of this repository):
 *
 *   git -C <kubernetes/api clone> archive v0.32.4 core/v1 apps/v1 policy/v1 coordination/v1 | tar -x -C /tmp/k8s-src/api
 *   git -C <kubernetes/apimachinery clone> archive v0.32.4 pkg/apis/meta/v1 | tar -x -C /tmp/k8s-src/apimachinery
 *   node packages/apiserver/scripts/generate-protobuf-schema.mjs \
 *     --api /tmp/k8s-src/api --apimachinery /tmp/k8s-src/apimachinery --release v0.32.4 [--check]
 *
 * `--check` exits 1 instead of writing when the committed file differs. The output is
 * deterministic: messages sorted by name, fields in Go declaration order (the order Go's
 * encoding/json writes them in).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const outputPath = join(packageRoot, "src", "protobuf", "generated-protobuf-schema.ts");

function argumentValue(name) {
  const index = process.argv.indexOf(name);
  const value = index === -1 ? undefined : process.argv[index + 1];
  if (value === undefined) {
    console.error(`missing ${name} <value>; see the header of this script`);
    process.exit(2);
  }
  return value;
}

const apiRoot = argumentValue("--api");
const apimachineryRoot = argumentValue("--apimachinery");
const release = argumentValue("--release");
const check = process.argv.includes("--check");

/** Go packages read: proto package name → directory. */
const packages = [
  ["k8s.io.api.core.v1", join(apiRoot, "core/v1")],
  ["k8s.io.api.apps.v1", join(apiRoot, "apps/v1")],
  ["k8s.io.api.policy.v1", join(apiRoot, "policy/v1")],
  ["k8s.io.api.coordination.v1", join(apiRoot, "coordination/v1")],
  ["k8s.io.apimachinery.pkg.apis.meta.v1", join(apimachineryRoot, "pkg/apis/meta/v1")],
];

/**
 * Messages whose Go types marshal to JSON by hand (a string, a number, embedded JSON): the
 * decoder knows them by these names and the table does not describe them.
 */
const specialMessages = new Map([
  ["k8s.io.apimachinery.pkg.apis.meta.v1.Time", "Time"],
  ["k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime", "MicroTime"],
  ["k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1", "FieldsV1"],
  ["k8s.io.apimachinery.pkg.api.resource.Quantity", "Quantity"],
  ["k8s.io.apimachinery.pkg.util.intstr.IntOrString", "IntOrString"],
  ["k8s.io.apimachinery.pkg.runtime.RawExtension", "RawExtension"],
]);

/** Messages the decoder has no JSON rendering for: reaching one fails the generation. */
const unsupportedMessages = new Set(["k8s.io.apimachinery.pkg.apis.meta.v1.Duration"]);

const scalarTypes = new Set(["string", "bool", "int32", "int64", "bytes"]);

/**
 * The request bodies decoded: every kind of core's resource table
 * (packages/core/src/resources/resource-table.ts; a test checks they agree), plus the
 * subresource and DELETE bodies. `*` registers DeleteOptions in every group-version, as
 * upstream's schemes do.
 */
const roots = [
  ["v1", "Namespace", "k8s.io.api.core.v1.Namespace"],
  ["v1", "Node", "k8s.io.api.core.v1.Node"],
  ["v1", "Pod", "k8s.io.api.core.v1.Pod"],
  ["v1", "Event", "k8s.io.api.core.v1.Event"],
  ["v1", "Service", "k8s.io.api.core.v1.Service"],
  ["v1", "Binding", "k8s.io.api.core.v1.Binding"],
  ["apps/v1", "DaemonSet", "k8s.io.api.apps.v1.DaemonSet"],
  ["apps/v1", "ControllerRevision", "k8s.io.api.apps.v1.ControllerRevision"],
  ["apps/v1", "Deployment", "k8s.io.api.apps.v1.Deployment"],
  ["apps/v1", "ReplicaSet", "k8s.io.api.apps.v1.ReplicaSet"],
  ["coordination.k8s.io/v1", "Lease", "k8s.io.api.coordination.v1.Lease"],
  ["policy/v1", "Eviction", "k8s.io.api.policy.v1.Eviction"],
  ["*", "DeleteOptions", "k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions"],
];

/** Reads `message X { optional T name = N; repeated …; map<K, V> … }` definitions. */
function parseProto(text) {
  const packageName = /^package ([\w.]+);/m.exec(text)?.[1];
  if (packageName === undefined) throw new Error("no package line");
  const messages = new Map();
  let current;
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/\/\/.*$/, "").trim();
    if (line === "") continue;
    const start = /^message (\w+) \{$/.exec(line);
    if (start !== null) {
      if (current !== undefined) throw new Error(`nested message in ${current.name}`);
      current = { name: start[1], fields: [] };
      messages.set(`${packageName}.${start[1]}`, current);
      continue;
    }
    if (line === "}") {
      current = undefined;
      continue;
    }
    if (current === undefined) continue;
    const map = /^map<(\S+), ?(\S+)> (\w+) = (\d+);$/.exec(line);
    if (map !== null) {
      current.fields.push({ number: Number(map[4]), name: map[3], label: "map", keyType: map[1], type: map[2] });
      continue;
    }
    const field = /^(optional|repeated|required) (\S+) (\w+) = (\d+);$/.exec(line);
    if (field === null) throw new Error(`unreadable line in message ${current.name}: ${line}`);
    current.fields.push({ number: Number(field[4]), name: field[3], label: field[1], type: field[2] });
  }
  return { packageName, messages };
}

/** Reads the Go structs of a package: struct name → fields with their JSON and protobuf tags, in order. */
function parseGoStructs(directory) {
  const structs = new Map();
  const files = readdirSync(directory).filter(
    (file) => file.endsWith(".go") && !file.endsWith("_test.go") && !file.startsWith("zz_generated"),
  );
  for (const file of files.sort()) {
    const text = readFileSync(join(directory, file), "utf8");
    let current;
    for (const line of text.split("\n")) {
      const start = /^type (\w+) struct \{$/.exec(line);
      if (start !== null) {
        current = [];
        structs.set(start[1], current);
        continue;
      }
      if (line.startsWith("}")) {
        current = undefined;
        continue;
      }
      if (current === undefined) continue;
      const field = /^\t(?:(\w+)\s+)?([^\s`]+)\s+`([^`]*)`/.exec(line);
      if (field === null) continue;
      const tags = field[3];
      const protobuf = /protobuf:"([^"]*)"/.exec(tags)?.[1];
      if (protobuf === undefined) continue;
      const json = /json:"([^"]*)"/.exec(tags)?.[1] ?? "";
      const [jsonName = "", ...jsonOptions] = json.split(",");
      const goType = field[2];
      const goName = field[1] ?? goType.replace(/^\*/, "").replace(/^.*\./, "");
      current.push({
        goName,
        goType,
        number: Number(protobuf.split(",")[1]),
        jsonName,
        omitempty: jsonOptions.includes("omitempty"),
        inline: jsonOptions.includes("inline"),
      });
    }
  }
  return structs;
}

const protoMessages = new Map();
const goStructs = new Map();
for (const [packageName, directory] of packages) {
  const parsed = parseProto(readFileSync(join(directory, "generated.proto"), "utf8"));
  if (parsed.packageName !== packageName) throw new Error(`${directory}: package ${parsed.packageName}`);
  for (const [name, message] of parsed.messages) protoMessages.set(name, message);
  goStructs.set(packageName, parseGoStructs(directory));
}

/** A proto type reference, resolved to a scalar, a special name or a qualified message name. */
function resolveType(type, packageName) {
  if (scalarTypes.has(type)) return { kind: "scalar", name: type };
  const qualified = type.startsWith(".") ? type.slice(1) : `${packageName}.${type}`;
  if (unsupportedMessages.has(qualified)) throw new Error(`${qualified} is not supported by the decoder`);
  const special = specialMessages.get(qualified);
  if (special !== undefined) return { kind: "special", name: special };
  if (!protoMessages.has(qualified)) throw new Error(`unknown proto type ${type} in ${packageName}`);
  return { kind: "message", name: qualified };
}

const shortNames = new Map();
function shortName(qualified) {
  const short = qualified.slice(qualified.lastIndexOf(".") + 1);
  const previous = shortNames.get(short);
  if (previous !== undefined && previous !== qualified) throw new Error(`${short} names ${previous} and ${qualified}`);
  shortNames.set(short, qualified);
  return short;
}

function capitalize(name) {
  return name === "" ? name : name[0].toUpperCase() + name.slice(1);
}

/** Walks every message reachable from the roots; each becomes one table entry. */
const table = new Map();
const pending = roots.map(([, , message]) => message);
while (pending.length > 0) {
  const qualified = pending.pop();
  const name = shortName(qualified);
  if (table.has(name)) continue;
  const packageName = qualified.slice(0, qualified.lastIndexOf("."));
  const message = protoMessages.get(qualified);
  const struct = goStructs.get(packageName)?.get(name);
  if (struct === undefined) throw new Error(`no Go struct for ${qualified}`);
  const protoByNumber = new Map(message.fields.map((field) => [field.number, field]));
  if (protoByNumber.size !== struct.length) {
    throw new Error(`${qualified}: ${protoByNumber.size} proto fields, ${struct.length} tagged Go fields`);
  }
  const entries = [];
  for (const goField of struct) {
    const protoField = protoByNumber.get(goField.number);
    if (protoField === undefined) throw new Error(`${qualified}: Go field ${goField.goName} has no proto field`);
    if (!goField.inline && goField.jsonName !== protoField.name) {
      throw new Error(`${qualified}.${protoField.name}: JSON name ${goField.jsonName}`);
    }
    const type = resolveType(protoField.type, packageName);
    if (type.kind === "message") pending.push(type.name);
    let flags = "";
    if (protoField.label === "repeated") flags += "r";
    if (protoField.label === "map") {
      if (protoField.keyType !== "string") throw new Error(`${qualified}.${protoField.name}: map key ${protoField.keyType}`);
      flags += "m";
    }
    if (goField.omitempty) flags += "o";
    if (goField.goType.startsWith("*")) flags += "p";
    if (goField.inline) {
      if (type.kind !== "message" || flags !== "") throw new Error(`${qualified}: unsupported inline ${goField.goName}`);
      flags += "i";
    }
    const typeName = type.kind === "message" ? shortName(type.name) : type.name;
    const jsonName = goField.inline ? "" : goField.jsonName;
    let entry = `${goField.number}:${jsonName}:${typeName}:${flags}`;
    // Go's field name shows in upstream's decoding errors; spelled out only where it is not the JSON name capitalized.
    if (goField.goName !== capitalize(jsonName)) entry += `:${goField.goName}`;
    entries.push(entry);
  }
  table.set(name, entries.join(" "));
}

const lines = [
  `// Generated by packages/apiserver/scripts/generate-protobuf-schema.mjs from kubernetes/api and`,
  `// kubernetes/apimachinery ${release}: field numbers and proto types from each package's`,
  `// generated.proto, JSON names, omitempty, inline and pointers from its Go structs' tags.`,
  `// Do not edit: rerun the script (see its header for the source checkout it reads).`,
  "",
  "/**",
  " * Every message reachable from the decoded request bodies, by name: space-separated",
  " * `number:jsonName:type:flags[:GoName]` entries in Go declaration order. A type is a scalar",
  " * (`string`, `bool`, `int32`, `int64`, `bytes`), a special message (`Time`, `MicroTime`,",
  " * `FieldsV1`, `Quantity`, `IntOrString`, `RawExtension`) or another entry. Flags:",
  " * `r` repeated, `m` map with string keys, `o` omitempty, `p` a Go pointer, `i` an inline",
  " * (embedded) struct whose fields join the parent's JSON. `GoName` is given where it is not",
  " * the JSON name capitalized (upstream's error messages name the Go field).",
  " */",
  "export const generatedProtobufMessages: Readonly<Record<string, string>> = {",
];
for (const name of [...table.keys()].sort()) {
  const line = `  ${name}: ${JSON.stringify(table.get(name))},`;
  // Wrapped as biome formats it (line width 110), so the committed file stays formatter-clean.
  lines.push(line.length <= 110 ? line : `  ${name}:\n    ${JSON.stringify(table.get(name))},`);
}
lines.push("};", "");
lines.push(
  "/**",
  " * The message of each decodable body, by `apiVersion/kind`; the group-version `*` stands for any.",
  " */",
  "export const generatedProtobufRoots: Readonly<Record<string, string>> = {",
);
for (const [apiVersion, kind, message] of roots) {
  lines.push(`  ${JSON.stringify(`${apiVersion}/${kind}`)}: ${JSON.stringify(shortName(message))},`);
}
lines.push("};", "");
const output = lines.join("\n");

if (check) {
  let committed = "";
  try {
    committed = readFileSync(outputPath, "utf8");
  } catch {
    // a missing file is stale
  }
  if (committed !== output) {
    console.error(`${outputPath} is stale: rerun without --check`);
    process.exit(1);
  }
  console.log(`${outputPath} is up to date (${table.size} messages)`);
} else {
  writeFileSync(outputPath, output);
  console.log(`wrote ${outputPath} (${table.size} messages, ${output.length} bytes)`);
}
