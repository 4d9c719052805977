import { type KubeObject, KubesimError } from "@kubesim/core";
import type { ExitCode, KubectlContext } from "../kubectl-context.js";
import {
  buildResourceRequest,
  cloneJson,
  createObjectPrinter,
  createTwoWayMergePatch,
  errorMessage,
  getOwn,
  isJsonObject,
  type JsonObject,
  kubectlFieldManagers,
  newErrorList,
  type ObjectInfo,
  objectName,
  parseMutationOutput,
  parsePairs,
  reportCommandError,
  splitResourcesAndPairs,
  visitFileObjects,
  visitResourceRequest,
} from "../resource-builder/index.js";

/** The flags of `kubectl set image`. */
export interface SetImageOptions {
  /** `TYPE NAME… CONTAINER=IMAGE…` or `TYPE/NAME… CONTAINER=IMAGE…` (`*` for every container). */
  readonly args: readonly string[];
  /** `-f/--filename`. */
  readonly filenames?: readonly string[];
  /** `-R/--recursive`. */
  readonly recursive?: boolean;
  /** `--all`: every object of the type in the namespace. */
  readonly all?: boolean;
  /** `-l/--selector`. */
  readonly labelSelector?: string;
  /** `-o/--output`: `name`, `yaml` or `json`. */
  readonly output?: string;
  /** `--show-managed-fields`: keep `metadata.managedFields` in `-o yaml|json`. */
  readonly showManagedFields?: boolean;
  /** `--field-manager`; default `kubectl-set`. */
  readonly fieldManager?: string;
}

/** The Go type kubectl names for an object without a pod template (`%T`). */
function goTypeName(kind: string): string {
  return `*v1.${kind}`;
}

/** The pod spec `set image` edits: a Pod's own, or a workload's template's (kubectl's `UpdatePodSpecForObject`). */
function podSpecOf(object: JsonObject, kind: string): JsonObject {
  const spec = isJsonObject(object.spec) ? object.spec : undefined;
  if (kind === "Pod" && spec !== undefined) return spec;
  if (
    ["DaemonSet", "Deployment", "ReplicaSet", "StatefulSet", "ReplicationController", "Job"].includes(kind)
  ) {
    const template = getOwn(spec, "template");
    const podSpec = getOwn(template, "spec");
    if (isJsonObject(podSpec)) return podSpec;
  }
  throw new KubesimError(`the object is not a pod or does not have a pod template: ${goTypeName(kind)}`);
}

function setImage(containers: unknown, name: string, image: string): boolean {
  if (!Array.isArray(containers)) return false;
  let found = false;
  for (const container of containers) {
    if (isJsonObject(container) && (container.name === name || name === "*")) {
      container.image = image;
      found = true;
    }
  }
  return found;
}

/**
 * `kubectl set image (TYPE NAME | TYPE/NAME | -f FILE) CONTAINER=IMAGE…`: changes the
 * images of the named containers (and init containers; `*` for all), sends the change as
 * a strategic merge patch and prints `daemonset.apps/nginx image updated`. An object whose
 * images already match is left alone silently; an unknown container is kubectl's
 * `error: unable to find container named "x"`.
 */
export async function runSetImage(context: KubectlContext, options: SetImageOptions): Promise<ExitCode> {
  const { io } = context;
  const filenames = options.filenames ?? [];
  let images: Map<string, string>;
  let resources: string[];
  let printer: ReturnType<typeof createObjectPrinter>;
  try {
    const split = splitResourcesAndPairs(options.args, "image");
    resources = split.resources;
    images = parsePairs(split.pairs, "image", false).added;
    printer = createObjectPrinter(parseMutationOutput(options.output), {
      showManagedFields: options.showManagedFields === true,
    });
  } catch (error) {
    return reportCommandError(io, error);
  }

  const infos: ObjectInfo[] = [];
  const collect = async (info: ObjectInfo): Promise<void> => {
    const object =
      info.source === "" && info.object !== undefined
        ? info.object
        : await context.client.get(
            info.resource.kind,
            info.name,
            info.namespace === "" ? {} : { namespace: info.namespace },
          );
    infos.push({ ...info, object });
  };
  let readError: unknown;
  if (filenames.length > 0) {
    readError =
      resources.length > 0
        ? new KubesimError(
            "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
          )
        : await visitFileObjects(context, { filenames, recursive: options.recursive === true }, collect);
  } else {
    try {
      const request = buildResourceRequest(resources, {
        allowEmptySelector: options.all === true,
        labelSelector: options.labelSelector,
      });
      readError = await visitResourceRequest(context, request, { fetch: true }, collect);
    } catch (error) {
      readError = error;
    }
  }
  if (readError !== undefined) return reportCommandError(io, readError);

  const validation: KubesimError[] = [];
  if (options.all === true && (options.labelSelector ?? "") !== "") {
    validation.push(new KubesimError("cannot set --all and --selector at the same time"));
  }
  if (resources.length === 0 && filenames.length === 0) {
    validation.push(
      new KubesimError("one or more resources must be specified as <resource> <name> or <resource>/<name>"),
    );
  }
  if (images.size === 0) validation.push(new KubesimError("at least one image update is required"));
  else if (images.size > 1 && images.has("*")) {
    validation.push(
      new KubesimError(
        "all containers are already specified by *, but saw more than one container_name=container_image pairs",
      ),
    );
  }
  if (validation.length > 0) return reportCommandError(io, newErrorList(validation));

  const errors: unknown[] = [];
  for (const info of infos) {
    const before = cloneJson(info.object) as unknown as JsonObject;
    const after = cloneJson(before);
    try {
      const podSpec = podSpecOf(after, info.resource.kind);
      for (const [name, image] of images) {
        const inInit = setImage(podSpec.initContainers, name, image);
        const inContainers = setImage(podSpec.containers, name, image);
        if (!inInit && !inContainers)
          errors.push(new KubesimError(`error: unable to find container named ${JSON.stringify(name)}`));
      }
    } catch (error) {
      errors.push(new KubesimError(`error: ${objectName(info)} ${errorMessage(error)}\n`));
      continue;
    }
    const patch = createTwoWayMergePatch(before, after, info.resource.kind);
    if (Object.keys(patch).length === 0) continue;
    let patched: KubeObject;
    try {
      patched = await context.client.patch(info.resource.kind, info.name, patch, {
        type: "strategic",
        ...(info.namespace === "" ? {} : { namespace: info.namespace }),
        fieldManager: options.fieldManager ?? kubectlFieldManagers.set,
      });
    } catch (error) {
      errors.push(new KubesimError(`failed to patch image update to pod template: ${errorMessage(error)}`));
      continue;
    }
    io.stdout(printer.print(info.resource, patched, info.name, "image updated"));
  }
  return reportCommandError(io, newErrorList(errors));
}
