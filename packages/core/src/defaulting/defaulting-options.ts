/**
 * A PriorityClass as the Priority admission plugin sees it.
 *
 * @remarks
 * `preemptionPolicy` defaults to `PreemptLowerPriority`, as the API server defaults it on
 * PriorityClass objects.
 */
export interface PriorityClassInfo {
  readonly name: string;
  readonly value: number;
  readonly preemptionPolicy?: "PreemptLowerPriority" | "Never";
  /** The class pods without `priorityClassName` get (the lowest value wins when several are). */
  readonly globalDefault?: boolean;
}

/** How {@link applyDefaults} and the per-kind functions default an object. */
export interface DefaultingOptions {
  /**
   * `"create"` (the default) runs everything the API server does on create: scheme
   * defaults, the default mutating admission plugins and the create strategy (status
   * reset, `generation: 1`, ...). `"update"` runs only what also happens on update: the
   * scheme defaults (and, for pods, DefaultTolerationSeconds). Steps that need the old
   * object (copying status, bumping generations) belong to the caller.
   */
  readonly operation?: "create" | "update";
  /**
   * Whether to run the mutating admission plugins (ServiceAccount, Priority,
   * DefaultTolerationSeconds for pods; TaintNodesByCondition for nodes). Default true;
   * set false to store objects that a real cluster already admitted (a snapshot import).
   */
  readonly admission?: boolean;
  /**
   * PriorityClasses besides the built-in `system-node-critical` (2000001000) and
   * `system-cluster-critical` (2000000000), for the Priority admission plugin.
   */
  readonly priorityClasses?: readonly PriorityClassInfo[];
}

/** {@link DefaultingOptions} with every field resolved. */
export interface ResolvedDefaultingOptions {
  readonly create: boolean;
  readonly admission: boolean;
  readonly priorityClasses: readonly PriorityClassInfo[];
}

/** Fills in the defaults of {@link DefaultingOptions}. */
export function resolveDefaultingOptions(options: DefaultingOptions = {}): ResolvedDefaultingOptions {
  return {
    create: options.operation !== "update",
    admission: options.admission !== false,
    priorityClasses: options.priorityClasses ?? [],
  };
}
