/**
 * The future event list: a 4-ary min-heap ordered by (time, seq), stored in parallel typed arrays.
 *
 * Hand-written rather than taken from a library because the engine's speed target (millions of
 * events per second) needs what general heaps do not give together: no object per event, no
 * comparator callback, and the (time, seq) tie-break built in so equal times pop in the order they
 * were scheduled. Four children per node halve the depth of a binary heap (pops dominate: every
 * event is popped once), and sift-up and sift-down move a hole instead of swapping.
 */
export class EventQueue {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private ref: Int32Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Int32Array(capacity);
    this.ref = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? (this.time[0] as number) : Infinity;
  }

  push(time: number, seq: number, kind: number, ref: number): void {
    if (this.n === this.time.length) this.grow();
    const t = this.time;
    const s = this.seq;
    const k = this.kind;
    const r = this.ref;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = t[p] as number;
      if (pt < time || (pt === time && (s[p] as number) < seq)) break;
      t[i] = pt;
      s[i] = s[p] as number;
      k[i] = k[p] as number;
      r[i] = r[p] as number;
      i = p;
    }
    t[i] = time;
    s[i] = seq;
    k[i] = kind;
    r[i] = ref;
  }

  /** Kind of the root (valid until the next push or pop). */
  topKind(): number {
    return this.kind[0] as number;
  }

  /** Ref of the root (valid until the next push or pop). */
  topRef(): number {
    return this.ref[0] as number;
  }

  /** Remove the earliest event; read it first with peekTime/topKind/topRef. */
  pop(): void {
    const last = --this.n;
    if (last === 0) return;
    const t = this.time;
    const s = this.seq;
    const k = this.kind;
    const r = this.ref;
    const time = t[last] as number;
    const seq = s[last] as number;
    const kind = k[last] as number;
    const ref = r[last] as number;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // The earliest of up to four children.
      let c = first;
      let ct = t[first] as number;
      let cs = s[first] as number;
      const end = first + 4 < last ? first + 4 : last;
      for (let j = first + 1; j < end; j++) {
        const jt = t[j] as number;
        if (jt < ct || (jt === ct && (s[j] as number) < cs)) {
          c = j;
          ct = jt;
          cs = s[j] as number;
        }
      }
      if (time < ct || (time === ct && seq < cs)) break;
      t[i] = ct;
      s[i] = cs;
      k[i] = k[c] as number;
      r[i] = r[c] as number;
      i = c;
    }
    t[i] = time;
    s[i] = seq;
    k[i] = kind;
    r[i] = ref;
  }

  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    const s = new Float64Array(cap);
    const k = new Int32Array(cap);
    const r = new Int32Array(cap);
    t.set(this.time);
    s.set(this.seq);
    k.set(this.kind);
    r.set(this.ref);
    this.time = t;
    this.seq = s;
    this.kind = k;
    this.ref = r;
  }
}
