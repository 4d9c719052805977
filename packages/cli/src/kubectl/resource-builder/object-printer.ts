import { type KubeObject, KubesimError, type ResourceInfo, renderJson, renderYaml } from "@kubesim/core";
import { operationLine } from "./object-info.js";

/** The `-o/--output` formats the mutating verbs accept (kubectl also has templates). */
export type MutationOutput = "" | "name" | "yaml" | "json";

const allowedFormats =
  "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

/**
 * Checks `-o` for a mutating verb.
 *
 * @throws KubesimError kubectl's `unable to match a printer suitable for the output format "x"…`.
 */
export function parseMutationOutput(output: string | undefined): MutationOutput {
  const value = output ?? "";
  if (value === "" || value === "name" || value === "yaml" || value === "json") return value;
  throw new KubesimError(
    `unable to match a printer suitable for the output format ${JSON.stringify(value)}, allowed formats are: ${allowedFormats}`,
  );
}

/** Prints what a mutating verb did to each object, as kubectl's print flags do. */
export interface ObjectPrinter {
  /**
   * The text for one object: `daemonset.apps/nginx created` (the operation kubectl names),
   * only the name part with `-o name`, or the object as YAML or JSON.
   */
  print(resource: ResourceInfo, object: KubeObject | undefined, name: string, operation: string): string;
}

/** Options of {@link createObjectPrinter}. */
export interface ObjectPrinterOptions {
  /** `--show-managed-fields`: keep `metadata.managedFields` in `-o yaml|json` (kubectl drops them). */
  readonly showManagedFields?: boolean;
}

/**
 * A printer for `-o`: without it `<kind>.<group>/<name> <operation>`, `-o name` only the
 * name part, `-o yaml` each object as a YAML document (`---` between them), `-o json`
 * each object as JSON; `metadata.managedFields` only with `--show-managed-fields`.
 */
export function createObjectPrinter(
  output: MutationOutput,
  options: ObjectPrinterOptions = {},
): ObjectPrinter {
  const renderOptions = { showManagedFields: options.showManagedFields === true };
  let printed = 0;
  return {
    print(resource, object, name, operation) {
      printed++;
      if (output === "" || output === "name" || object === undefined) {
        return operationLine({ resource, name }, output === "name" ? "" : operation);
      }
      if (output === "json") return renderJson(object, renderOptions);
      return `${printed > 1 ? "---\n" : ""}${renderYaml(object, renderOptions)}`;
    },
  };
}
