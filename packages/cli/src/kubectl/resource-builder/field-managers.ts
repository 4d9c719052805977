import type { Command } from "commander";

/**
 * The field managers kubectl v1.32's verbs send as the `fieldManager` query parameter (the
 * defaults of their `--field-manager` flags). kube-apiserver records them in
 * `metadata.managedFields`.
 */
export const kubectlFieldManagers = {
  create: "kubectl-create",
  clientSideApply: "kubectl-client-side-apply",
  /** `apply --server-side`'s default; kept for compatibility with older kubectl versions. */
  serverSideApply: "kubectl",
  /** What `apply --server-side` keeps the last-applied annotation under after a migration. */
  lastApplied: "kubectl-last-applied",
  label: "kubectl-label",
  annotate: "kubectl-annotate",
  taint: "kubectl-taint",
  set: "kubectl-set",
  replace: "kubectl-replace",
  rollout: "kubectl-rollout",
  /**
   * Verbs that send no `fieldManager` (cordon, uncordon, drain's cordon, rollout undo):
   * kube-apiserver then names the manager after the User-Agent's program, `kubectl`.
   */
  userAgent: "kubectl",
} as const;

/** The value commander collects for {@link addFieldManagerFlag}. */
export interface FieldManagerFlagValues {
  readonly fieldManager?: string;
}

/**
 * Declares kubectl's `--field-manager`; the default is applied by the verb, so a value
 * given explicitly can be told apart (as `apply` needs).
 */
export function addFieldManagerFlag(command: Command, defaultManager: string): Command {
  return command.option(
    "--field-manager <name>",
    `Name of the manager used to track field ownership. (default "${defaultManager}")`,
  );
}

/** Declares kubectl's `--show-managed-fields` for a verb with `-o json|yaml`. */
export function addShowManagedFieldsFlag(command: Command): Command {
  return command.option(
    "--show-managed-fields",
    "If true, keep the managedFields when printing objects in JSON or YAML format.",
  );
}
