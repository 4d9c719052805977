/** Go's `math.MaxInt32`, the "no domain yet" count. */
const maxInt32 = 2_147_483_647;

/**
 * The two topology domains with the fewest matching pods for one constraint (upstream's
 * `criticalPaths`). `firstCount` is always the global minimum; `secondCount` is at least
 * as large but not necessarily the second minimum. Two entries suffice because preemption
 * removes pods from one node at a time, on its own copy of the state.
 */
export class CriticalPaths {
  firstValue = "";
  firstCount = maxInt32;
  secondValue = "";
  secondCount = maxInt32;

  /** Records the new count of a domain, keeping the minimum first. */
  update(value: string, count: number): void {
    if (value === this.firstValue) {
      this.firstCount = count;
    } else if (value === this.secondValue) {
      this.secondCount = count;
    } else {
      if (count < this.firstCount) {
        this.secondValue = this.firstValue;
        this.secondCount = this.firstCount;
        this.firstValue = value;
        this.firstCount = count;
      } else if (count < this.secondCount) {
        this.secondValue = value;
        this.secondCount = count;
      }
      return;
    }
    if (this.firstCount > this.secondCount) {
      const value0 = this.firstValue;
      const count0 = this.firstCount;
      this.firstValue = this.secondValue;
      this.firstCount = this.secondCount;
      this.secondValue = value0;
      this.secondCount = count0;
    }
  }

  /** An independent copy. */
  clone(): CriticalPaths {
    const copy = new CriticalPaths();
    copy.firstValue = this.firstValue;
    copy.firstCount = this.firstCount;
    copy.secondValue = this.secondValue;
    copy.secondCount = this.secondCount;
    return copy;
  }
}
