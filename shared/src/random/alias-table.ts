/**
 * Draws an index with probability proportional to its weight in O(1) from one uniform (Vose's alias
 * method). Hand-written: it is a dozen lines and the model draws a street and a category for every
 * contact, where a binary search over cumulative weights costs a cache miss per step.
 */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: readonly number[]) {
    const n = weights.length;
    if (n === 0) throw new Error('an alias table needs at least one weight');
    const total = weights.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new Error('an alias table needs a positive total weight');
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.prob[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) {
      this.prob[i] = 1;
      this.alias[i] = i;
    }
  }

  /** An index for a uniform u in [0, 1). */
  draw(u: number): number {
    const x = u * this.prob.length;
    const i = Math.floor(x);
    return x - i < (this.prob[i] as number) ? i : (this.alias[i] as number);
  }
}
