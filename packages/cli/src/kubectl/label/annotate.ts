import { KubesimError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import { parsePairs } from "../resource-builder/index.js";
import { type MetadataUpdateOptions, type MetadataVerb, runMetadataUpdate } from "./metadata-update.js";

/** The flags of `kubectl annotate`. */
export type AnnotateOptions = MetadataUpdateOptions;

// kubectl always lets this annotation be overwritten.
const changeCauseAnnotation = "kubernetes.io/change-cause";

const annotateVerb: MetadataVerb = {
  pairType: "annotation",
  field: "annotations",
  listHeading: "Listing annotations",
  fieldManager: "kubectl-annotate",
  parse: (pairs) => parsePairs(pairs, "annotation", true),
  validate(changes) {
    const both = changes.removed.filter((key) => changes.added.has(key));
    if (both.length > 0) {
      throw new KubesimError(
        `can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`,
      );
    }
  },
  checkOverwrites(current, changes) {
    const found: string[] = [];
    for (const [key, value] of changes.added) {
      if (key === changeCauseAnnotation) continue;
      if (Object.hasOwn(current, key) && current[key] !== value) {
        found.push(`'${key}' already has a value (${current[key]})`);
      }
    }
    if (found.length > 0) {
      throw new KubesimError(
        `--overwrite is false but found the following declared annotation(s): ${found.join("; ")}`,
      );
    }
  },
  operation: () => "annotated",
};

/**
 * `kubectl annotate [--overwrite] (-f FILE | TYPE NAME… | TYPE --all | TYPE -l SEL) K=V… K-…`:
 * merge-patches the annotations and prints `daemonset.apps/nginx annotated`. An existing
 * key with another value needs `--overwrite` (`--overwrite is false but found the following
 * declared annotation(s): …`).
 */
export function runAnnotate(context: KubectlContext, options: AnnotateOptions): Promise<ExitCode> {
  return runMetadataUpdate(context, annotateVerb, options);
}
