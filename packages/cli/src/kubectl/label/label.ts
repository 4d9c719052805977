import { isValidLabelValue, KubesimError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import { ErrorList, type JsonObject, jsonEqual } from "../resource-builder/index.js";
import {
  goJsonLength,
  type MetadataChanges,
  type MetadataUpdateOptions,
  type MetadataVerb,
  runMetadataUpdate,
} from "./metadata-update.js";

/** The flags of `kubectl label`. */
export type LabelOptions = MetadataUpdateOptions;

/**
 * kubectl's `parseLabels`: `k=v` sets (the value must be a valid label value), `k-` removes.
 *
 * @throws KubesimError `invalid label spec: …`, `invalid label value: "…": …`,
 *   `unknown label spec: …`, `can not both modify and remove a label in the same command`.
 */
export function parseLabelPairs(pairs: readonly string[]): MetadataChanges {
  const added = new Map<string, string>();
  const removed: string[] = [];
  for (const spec of pairs) {
    if (spec.includes("=")) {
      const parts = spec.split("=");
      if (parts.length !== 2) throw new KubesimError(`invalid label spec: ${spec}`);
      const [key = "", value = ""] = parts;
      const problems = isValidLabelValue(value);
      if (problems.length > 0)
        throw new KubesimError(`invalid label value: ${JSON.stringify(spec)}: ${problems.join(";")}`);
      added.set(key, value);
    } else if (spec.endsWith("-")) {
      removed.push(spec.slice(0, -1));
    } else {
      throw new KubesimError(`unknown label spec: ${spec}`);
    }
  }
  if (removed.some((key) => added.has(key))) {
    throw new KubesimError("can not both modify and remove a label in the same command");
  }
  return { added, removed };
}

const labelVerb: MetadataVerb = {
  pairType: "label",
  field: "labels",
  listHeading: "Listing labels",
  fieldManager: "kubectl-label",
  parse: parseLabelPairs,
  checkOverwrites(current, changes) {
    const errors: KubesimError[] = [];
    for (const [key, value] of changes.added) {
      if (Object.hasOwn(current, key) && current[key] !== value) {
        errors.push(
          new KubesimError(`'${key}' already has a value (${current[key]}), and --overwrite is false`),
        );
      }
    }
    if (errors.length > 0) throw new ErrorList(errors);
  },
  missingRemovalNotice: (key) => `label ${JSON.stringify(key)} not found.\n`,
  operation(before: JsonObject, after: JsonObject, overwrite: boolean) {
    if (jsonEqual(before, after)) return "not labeled";
    if (!overwrite && goJsonLength(after) < goJsonLength(before)) return "unlabeled";
    return "labeled";
  },
};

/**
 * `kubectl label [--overwrite] (-f FILE | TYPE NAME… | TYPE --all | TYPE -l SEL) K=V… K-…`:
 * merge-patches the labels and prints `node/node-1 labeled` (`unlabeled` when labels were
 * only removed, `not labeled` when nothing changed). A key that already has another value
 * without `--overwrite` is kubectl's `'k' already has a value (v), and --overwrite is false`;
 * `--resource-version` makes a stale object a Conflict.
 */
export function runLabel(context: KubectlContext, options: LabelOptions): Promise<ExitCode> {
  return runMetadataUpdate(context, labelVerb, options);
}
