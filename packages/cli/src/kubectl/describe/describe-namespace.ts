/** `describe namespace`: kubectl's Namespace describer, with its quota and limit-range sections. */
import { compareGoStrings, isNotFound, type KubeObject } from "@kubesim/core";
import { goSorted } from "../get/index.js";
import { writeAnnotations, writeLabels } from "./describe-fields.js";
import { formatTimestamp } from "./describe-time.js";
import { type PrefixWriter, tabbedString } from "./describe-writer.js";
import type { DescribeContext, Describer } from "./describer.js";
import { readResourceList } from "./pod-resources.js";

type ResourceMap = Readonly<Record<string, unknown>> | undefined;

interface ResourceQuotaObject extends KubeObject {
  spec?: { scopes?: string[] };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

interface LimitRangeItem {
  type?: string;
  max?: Record<string, string>;
  min?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  maxLimitRequestRatio?: Record<string, string>;
}

interface LimitRangeObject extends KubeObject {
  spec?: { limits?: LimitRangeItem[] };
}

const scopeHelp: ReadonlyMap<string, string> = new Map([
  [
    "Terminating",
    "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  ],
  [
    "NotTerminating",
    "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  ],
  [
    "BestEffort",
    "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  ],
  [
    "NotBestEffort",
    "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
  ],
]);

/**
 * Lists a namespace's objects of `kind`; `undefined` when the server does not serve the
 * kind (kubectl then leaves its section out).
 */
async function listIfServed<T extends KubeObject>(
  context: DescribeContext,
  kind: string,
  namespace: string,
): Promise<T[] | undefined> {
  try {
    return (await context.client.list(kind, { namespace })).items as T[];
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function quantityText(list: ResourceMap, name: string): string {
  const parsed = readResourceList(list).get(name);
  if (parsed !== undefined) return parsed.toString();
  return list !== undefined && Object.hasOwn(list, name) ? String(list[name]) : "0";
}

function writeResourceQuotas(writer: PrefixWriter, quotas: readonly ResourceQuotaObject[]): void {
  if (quotas.length === 0) {
    writer.write(0, "No resource quota.\n");
    return;
  }
  writer.write(0, "Resource Quotas\n");
  const sorted = goSorted(
    quotas,
    (left, right) => compareGoStrings(left.metadata?.name ?? "", right.metadata?.name ?? "") < 0,
  );
  for (const quota of sorted) {
    writer.write(1, `Name:\t${quota.metadata?.name ?? ""}\n`);
    const scopes = [...(quota.spec?.scopes ?? [])].sort(compareGoStrings);
    if (scopes.length > 0) {
      writer.write(1, `Scopes:\t${scopes.join(", ")}\n`);
      for (const scope of scopes) {
        const help = scopeHelp.get(scope);
        if (help !== undefined) writer.write(1, `* ${help}\n`);
      }
    }
    writer.write(1, "Resource\tUsed\tHard\n");
    writer.write(1, "--------\t---\t---\n");
    for (const name of Object.keys(quota.status?.hard ?? {}).sort(compareGoStrings)) {
      writer.write(
        1,
        `${name}\t${quantityText(quota.status?.used, name)}\t${quantityText(quota.status?.hard, name)}\n`,
      );
    }
  }
}

function writeLimitRanges(writer: PrefixWriter, limitRanges: readonly LimitRangeObject[]): void {
  if (limitRanges.length === 0) {
    writer.write(0, "No LimitRange resource.\n");
    return;
  }
  writer.write(
    0,
    "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n",
  );
  writer.write(0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
  for (const limitRange of limitRanges) {
    for (const item of limitRange.spec?.limits ?? []) {
      const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
      // kubectl walks a Go map here (random order); kubesim sorts the names.
      const names = [...new Set(lists.flatMap((list) => Object.keys(list ?? {})))].sort(compareGoStrings);
      for (const name of names) {
        const cells = lists.map((list) =>
          list !== undefined && Object.hasOwn(list, name) ? quantityText(list, name) : "-",
        );
        writer.write(0, ` ${item.type ?? ""}\t${name}\t${cells.join("\t")}\n`);
      }
    }
  }
}

/** Describes a namespace: labels, annotations, phase, conditions, resource quotas and limit ranges. */
export const describeNamespace: Describer = async (context, _namespace, name) => {
  const namespace = await context.client.get("Namespace", name);
  const quotas = await listIfServed<ResourceQuotaObject>(context, "ResourceQuota", name);
  const limitRanges = await listIfServed<LimitRangeObject>(context, "LimitRange", name);
  return tabbedString((writer) => {
    writer.write(0, `Name:\t${namespace.metadata?.name ?? ""}\n`);
    writeLabels(writer, "Labels", namespace.metadata?.labels);
    writeAnnotations(writer, "Annotations", namespace.metadata?.annotations);
    writer.write(0, `Status:\t${namespace.status?.phase ?? ""}\n`);
    const conditions = namespace.status?.conditions ?? [];
    if (conditions.length > 0) {
      writer.write(0, "Conditions:\n");
      writer.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
      writer.write(1, "----\t------\t------------------\t------\t-------\n");
      for (const condition of conditions) {
        writer.write(
          1,
          `${condition.type}\t${condition.status}\t${formatTimestamp(condition.lastTransitionTime)}\t${condition.reason ?? ""}\t${condition.message ?? ""}\n`,
        );
      }
    }
    if (quotas !== undefined) {
      writer.write(0, "\n");
      writeResourceQuotas(writer, quotas);
    }
    if (limitRanges !== undefined) {
      writer.write(0, "\n");
      writeLimitRanges(writer, limitRanges);
    }
  });
};
