/** The `Pod Template:` block controllers' descriptions share, and topology spread constraints. */
import {
  compareGoStrings,
  formatLabelSelector,
  type PodTemplateSpec,
  type TopologySpreadConstraint,
} from "@kubesim/core";
import { goSorted } from "../get/index.js";
import { writeContainers } from "./describe-containers.js";
import { writeAnnotations, writeLabels, writeTolerations } from "./describe-fields.js";
import { writeVolumes } from "./describe-volumes.js";
import type { PrefixWriter } from "./describe-writer.js";

/**
 * `Topology Spread Constraints:\tkey:DoNotSchedule when max skew 1 is exceeded for
 * selector app=x`, one per line sorted by topology key; nothing without constraints.
 */
export function writeTopologySpreadConstraints(
  writer: PrefixWriter,
  constraints: readonly TopologySpreadConstraint[] | null | undefined,
  space: string,
): void {
  if (constraints === null || constraints === undefined || constraints.length === 0) return;
  const sorted = goSorted(
    constraints,
    (left, right) => compareGoStrings(left.topologyKey, right.topologyKey) < 0,
  );
  writer.write(0, `${space}Topology Spread Constraints:\t`);
  for (const [index, constraint] of sorted.entries()) {
    if (index !== 0) {
      writer.write(0, space);
      writer.write(0, "\t");
    }
    let text = `${constraint.topologyKey}:${constraint.whenUnsatisfiable} when max skew ${Math.trunc(constraint.maxSkew)} is exceeded`;
    if (constraint.labelSelector !== undefined && constraint.labelSelector !== null) {
      text += ` for selector ${formatLabelSelector(constraint.labelSelector)}`;
    }
    writer.write(0, `${text}\n`);
  }
}

/** Writes `Pod Template:` and the template's labels, containers, volumes and scheduling (upstream `DescribePodTemplate`). */
export function writePodTemplate(writer: PrefixWriter, template: PodTemplateSpec | null | undefined): void {
  writer.write(0, "Pod Template:\n");
  if (template === null || template === undefined) {
    writer.write(1, "<unset>");
    return;
  }
  const spec = template.spec;
  writeLabels(writer, "  Labels", template.metadata?.labels);
  const annotations = template.metadata?.annotations;
  if (annotations !== undefined && annotations !== null && Object.keys(annotations).length > 0) {
    writeAnnotations(writer, "  Annotations", annotations);
  }
  if ((spec?.serviceAccountName ?? "") !== "")
    writer.write(1, `Service Account:\t${spec?.serviceAccountName}\n`);
  const initContainers = spec?.initContainers ?? [];
  if (initContainers.length > 0)
    writeContainers(writer, "Init Containers", initContainers, undefined, undefined, "  ");
  writeContainers(writer, "Containers", spec?.containers ?? [], undefined, undefined, "  ");
  writeVolumes(writer, spec?.volumes, "  ");
  writeTopologySpreadConstraints(writer, spec?.topologySpreadConstraints, "  ");
  if ((spec?.priorityClassName ?? "") !== "")
    writer.write(1, `Priority Class Name:\t${spec?.priorityClassName}\n`);
  writeLabels(writer, "  Node-Selectors", spec?.nodeSelector);
  writeTolerations(writer, "  Tolerations", spec?.tolerations);
}
