/**
 * Per-cycle scratch space shared by the plugins scheduling one pod, as upstream's
 * CycleState: PreFilter/PreScore write what Filter/Score read. Keys are plugin-owned
 * strings (conventionally `"PreFilter" + pluginName`).
 */
export class CycleState {
  private readonly values = new Map<string, unknown>();
  /** Plugins whose PreFilter returned Skip: their Filter does not run this cycle. */
  readonly skipFilterPlugins = new Set<string>();
  /** Plugins whose PreScore returned Skip: their Score does not run this cycle. */
  readonly skipScorePlugins = new Set<string>();

  /** Reads a value; `undefined` when never written. */
  read<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  /** Writes a value for later extension points of the same cycle. */
  write(key: string, value: unknown): void {
    this.values.set(key, value);
  }

  /** Removes a value. */
  delete(key: string): void {
    this.values.delete(key);
  }

  /**
   * A copy for "what if" evaluation (preemption, nominated pods). Values that have a
   * `clone()` method are cloned; others are shared, so plugins must treat state as
   * immutable or give it a `clone()`.
   */
  clone(): CycleState {
    const copy = new CycleState();
    for (const [key, value] of this.values) {
      const cloneable = value as { clone?: () => unknown } | undefined;
      copy.values.set(key, typeof cloneable?.clone === "function" ? cloneable.clone() : value);
    }
    for (const name of this.skipFilterPlugins) copy.skipFilterPlugins.add(name);
    for (const name of this.skipScorePlugins) copy.skipScorePlugins.add(name);
    return copy;
  }
}
