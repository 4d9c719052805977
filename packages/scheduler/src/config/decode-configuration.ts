import { createBadRequestError, goQuote } from "@kubesim/core";
import { inTreePluginArgsFields, kubeSchedulerConfigurationSchema } from "./configuration-schema.js";
import { decodeGoValue, GoDecodeError, goJsonKind, rootPosition } from "./go-json-schema.js";

/** The group and version of the configuration kubesim reads. */
export const schedulerConfigurationApiVersion = "kubescheduler.config.k8s.io/v1";
const kind = "KubeSchedulerConfiguration";
const argsGroup = "kubescheduler.config.k8s.io";

interface DecodedPlugin {
  readonly name?: string;
  readonly weight?: number;
}
interface DecodedPluginSet {
  readonly enabled?: readonly (DecodedPlugin | undefined)[];
  readonly disabled?: readonly (DecodedPlugin | undefined)[];
}
interface DecodedPluginConfig {
  readonly name?: string;
  readonly args?: unknown;
}

/** A profile as decoded: only the fields present (`null` entries of lists stay `undefined`). */
export interface DecodedProfile {
  readonly schedulerName?: string;
  readonly percentageOfNodesToScore?: number;
  readonly plugins?: Readonly<Record<string, DecodedPluginSet | undefined>>;
  readonly pluginConfig?: readonly (DecodedPluginConfig | undefined)[];
}

/** An extender as decoded. */
export interface DecodedExtender {
  readonly urlPrefix?: string;
  readonly filterVerb?: string;
  readonly preemptVerb?: string;
  readonly prioritizeVerb?: string;
  readonly weight?: number;
  readonly bindVerb?: string;
  readonly enableHTTPS?: boolean;
  readonly httpTimeout?: bigint;
  readonly nodeCacheCapable?: boolean;
  readonly managedResources?: readonly (
    | { readonly name?: string; readonly ignoredByScheduler?: boolean }
    | undefined
  )[];
  readonly ignorable?: boolean;
}

/** A KubeSchedulerConfiguration as decoded, before defaulting (durations in nanoseconds). */
export interface DecodedConfiguration {
  readonly parallelism?: number;
  readonly leaderElection?: {
    readonly leaderElect?: boolean;
    readonly leaseDuration?: bigint;
    readonly renewDeadline?: bigint;
    readonly retryPeriod?: bigint;
    readonly resourceLock?: string;
    readonly resourceName?: string;
    readonly resourceNamespace?: string;
  };
  readonly clientConnection?: {
    readonly kubeconfig?: string;
    readonly acceptContentTypes?: string;
    readonly contentType?: string;
    readonly qps?: number;
    readonly burst?: number;
  };
  readonly enableProfiling?: boolean;
  readonly enableContentionProfiling?: boolean;
  readonly percentageOfNodesToScore?: number;
  readonly podInitialBackoffSeconds?: number;
  readonly podMaxBackoffSeconds?: number;
  readonly profiles?: readonly (DecodedProfile | undefined)[];
  readonly extenders?: readonly (DecodedExtender | undefined)[];
  readonly delayCacheUntilActive?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkTypeMeta(input: Record<string, unknown>): void {
  const apiVersion = input.apiVersion;
  const inputKind = input.kind;
  // Wrong JSON types are reported by the decoder with Go's wording.
  if (
    (apiVersion !== undefined && typeof apiVersion !== "string") ||
    (inputKind !== undefined && typeof inputKind !== "string")
  ) {
    return;
  }
  const document = JSON.stringify(input);
  if (inputKind === undefined || inputKind === "") {
    throw createBadRequestError(`Object 'Kind' is missing in '${document}'`);
  }
  if (apiVersion === undefined || apiVersion === "") {
    throw createBadRequestError(`Object 'apiVersion' is missing in '${document}'`);
  }
  if (apiVersion !== schedulerConfigurationApiVersion || inputKind !== kind) {
    throw createBadRequestError(
      `no kind ${goQuote(inputKind)} is registered for version ${goQuote(apiVersion)}`,
    );
  }
}

/**
 * Checks the args of in-tree plugins as upstream's `PluginConfig.decodeNestedObjects`
 * does: args of another kind are an error at once; unknown top-level fields are strict
 * decoding errors, returned to be reported with the others.
 */
function checkPluginArgs(profiles: DecodedConfiguration["profiles"]): string[] {
  const strictErrors: string[] = [];
  for (const [profileIndex, profile] of (profiles ?? []).entries()) {
    for (const [entryIndex, entry] of (profile?.pluginConfig ?? []).entries()) {
      const name = entry?.name ?? "";
      const fields = inTreePluginArgsFields.get(name);
      const args = entry?.args;
      if (fields === undefined || args === undefined || args === null) continue;
      const where = `decoding .profiles[${profileIndex}].pluginConfig[${entryIndex}]`;
      const expectedKind = `${name}Args`;
      if (!isRecord(args)) {
        throw createBadRequestError(
          `${where}: decoding args for plugin ${name}: json: cannot unmarshal ${goJsonKind(args)} into Go value of type v1.${expectedKind}`,
        );
      }
      const argsKind = args.kind;
      if (typeof argsKind === "string" && argsKind !== "" && argsKind !== expectedKind) {
        const knownKind = [...inTreePluginArgsFields.keys()].some((plugin) => `${plugin}Args` === argsKind);
        throw createBadRequestError(
          knownKind
            ? `${where}: args for plugin ${name} were not of type ${expectedKind}.${argsGroup}, got ${argsKind}.${argsGroup}`
            : `${where}: decoding args for plugin ${name}: no kind ${goQuote(argsKind)} is registered for version ${goQuote(schedulerConfigurationApiVersion)}`,
        );
      }
      const unknown = Object.keys(args).filter((field) => !fields.has(field));
      if (unknown.length > 0) {
        const list = unknown.map((field) => `unknown field ${JSON.stringify(field)}`).join(", ");
        strictErrors.push(
          `${where}: strict decoding error: decoding args for plugin ${name}: strict decoding error: ${list}`,
        );
      }
    }
  }
  return strictErrors;
}

/**
 * Decodes a KubeSchedulerConfiguration object as kube-scheduler's strict decoder does:
 * the kind must be `KubeSchedulerConfiguration` of `kubescheduler.config.k8s.io/v1`,
 * values must have their Go types, and unknown fields (also in in-tree plugin args) are
 * rejected together. Failures throw a `StatusError` (BadRequest) with upstream's wording,
 * e.g. `json: cannot unmarshal string into Go struct field KubeSchedulerConfiguration.parallelism of type int32`
 * or `strict decoding error: unknown field "profiles[0].plugin"`.
 */
export function decodeSchedulerConfiguration(input: unknown): DecodedConfiguration {
  if (!isRecord(input)) {
    const got =
      input === null || input === undefined
        ? "nothing"
        : Array.isArray(input)
          ? "an array"
          : `a ${typeof input}`;
    throw createBadRequestError(`a KubeSchedulerConfiguration must be an object, got ${got}`);
  }
  checkTypeMeta(input);
  const unknownFields: string[] = [];
  let decoded: DecodedConfiguration;
  try {
    decoded = decodeGoValue(input, kubeSchedulerConfigurationSchema, rootPosition, {
      unknownFields,
    }) as DecodedConfiguration;
  } catch (error) {
    if (error instanceof GoDecodeError) throw createBadRequestError(error.message);
    throw error;
  }
  const strictErrors = [...unknownFields, ...checkPluginArgs(decoded.profiles)];
  if (strictErrors.length > 0)
    throw createBadRequestError(`strict decoding error: ${strictErrors.join(", ")}`);
  return decoded;
}
