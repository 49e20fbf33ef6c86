/**
 * The future event list: near events in a heap, far ones in time buckets.
 *
 * Hand-written rather than taken from a library because the engine's speed target (millions of
 * events per second) needs what general queues do not give together: no object per event, no
 * comparator callback, and the (time, seq) tie-break built in so equal times pop in the order they
 * were scheduled. A hotline run keeps hundreds of thousands of far-future events (deadlines days
 * ahead); only those before the `frontier` live in the heap, the rest wait in buckets of
 * `bucketSeconds` and enter the heap when the clock reaches them, so the heap stays small and in cache.
 * Order is exact: every heap event is earlier than the frontier, every bucketed one at or after it.
 */
export class EventQueue {
  private readonly heap = new EventHeap();
  private readonly buckets = new Map<number, number[]>();
  /** Keys of the non-empty buckets, as a binary min-heap, so the next bucket is found in O(log n). */
  private readonly keys: number[] = [];
  private frontier: number;
  private far = 0;

  constructor(private readonly bucketSeconds = 3600) {
    this.frontier = bucketSeconds;
  }

  get size(): number {
    return this.heap.size + this.far;
  }

  /** Time of the earliest event; Infinity when empty. Call before topKind/topRef/pop. */
  peekTime(): number {
    if (this.heap.size === 0 && this.far > 0) this.refill();
    return this.heap.peekTime();
  }

  push(time: number, seq: number, kind: number, ref: number): void {
    if (time < this.frontier) {
      this.heap.push(time, seq, kind, ref);
      return;
    }
    const key = Math.floor(time / this.bucketSeconds);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = [];
      this.buckets.set(key, bucket);
      pushKey(this.keys, key);
    }
    bucket.push(time, seq, kind, ref);
    this.far++;
  }

  /** Kind of the earliest event (after peekTime). */
  topKind(): number {
    return this.heap.topKind();
  }

  /** Ref of the earliest event (after peekTime). */
  topRef(): number {
    return this.heap.topRef();
  }

  /** Remove the earliest event (after peekTime). */
  pop(): void {
    this.heap.pop();
  }

  clear(): void {
    this.heap.clear();
    this.buckets.clear();
    this.keys.length = 0;
    this.far = 0;
  }

  /** Move the earliest bucket into the heap and the frontier past it. */
  private refill(): void {
    const key = popKey(this.keys);
    const bucket = this.buckets.get(key) as number[];
    this.buckets.delete(key);
    this.frontier = (key + 1) * this.bucketSeconds;
    for (let i = 0; i < bucket.length; i += 4) {
      this.heap.push(
        bucket[i] as number,
        bucket[i + 1] as number,
        bucket[i + 2] as number,
        bucket[i + 3] as number,
      );
    }
    this.far -= bucket.length / 4;
  }
}

function pushKey(keys: number[], key: number): void {
  let i = keys.length;
  keys.push(key);
  while (i > 0) {
    const p = (i - 1) >> 1;
    if ((keys[p] as number) <= key) break;
    keys[i] = keys[p] as number;
    i = p;
  }
  keys[i] = key;
}

function popKey(keys: number[]): number {
  const top = keys[0] as number;
  const last = keys.pop() as number;
  const n = keys.length;
  if (n === 0) return top;
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && (keys[c + 1] as number) < (keys[c] as number)) c++;
    if (last <= (keys[c] as number)) break;
    keys[i] = keys[c] as number;
    i = c;
  }
  keys[i] = last;
  return top;
}

/**
 * A 4-ary min-heap ordered by (time, seq), in parallel typed arrays. Four children per node halve
 * the depth of a binary heap (pops dominate: every event is popped once), and sift-up and sift-down
 * move a hole instead of swapping.
 */
class EventHeap {
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
