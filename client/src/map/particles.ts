import type { Projected } from './projection';

/** What a particle shows. Each kind has its own colour and shape on the map and in the legend. */
export const Kind = {
  /** A new appeal: a ring opening at its cell. */
  Appear: 0,
  /** A grid worker's discovery: a square opening at its cell. */
  Grid: 1,
  /** Dispatched: a dot travelling from the cell to the unit. */
  Dispatch: 2,
  /** Returned (退单): a dot bouncing from the unit back toward the cell. */
  Return: 3,
  /** Whistle: a department's dot converging on the street's cell. */
  Whistle: 4,
  /** Closed: a ring closing at the cell. */
  Close: 5,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export const KIND_COUNT = 6;

/** Wall milliseconds each kind moves (or opens, or closes). */
const DURATION = [900, 900, 1400, 1400, 1600, 700];

/** Kinds that travel between two places: their route stays drawn as a line after the mark arrives. */
export const ROUTE_KINDS = [Kind.Dispatch, Kind.Return, Kind.Whistle] as const;
const IS_ROUTE = [false, false, true, true, true, false];

/**
 * Wall milliseconds a route's line stays after its mark arrives, fading out: at ×60 a few seconds
 * of wall time (a few virtual minutes) keep where appeals went readable, not only a moving dot.
 */
export const ROUTE_FADE_MS = 3_000;
/** Opacity steps a fading route is drawn in (one stroke each per kind per frame). */
const FADE_STEPS = 4;

/** Wall milliseconds a particle of `kind` stays in the pool: its move, and its route's fade. */
const lifetime = (kind: number): number => (DURATION[kind] as number) + (IS_ROUTE[kind] ? ROUTE_FADE_MS : 0);

/**
 * Opacity of a route's line `age` ms after its particle started (moving for `duration` ms): full
 * while the mark travels, then falling to 0 over {@link ROUTE_FADE_MS}; 0 before it starts.
 */
export function routeAlpha(age: number, duration: number): number {
  if (age < 0) return 0;
  if (age <= duration) return 1;
  return Math.max(0, 1 - (age - duration) / ROUTE_FADE_MS);
}

/**
 * A fixed pool of particles in typed arrays: nothing is allocated per frame or per move, so the heap
 * stays flat however long the page runs. When the pool is full new particles are refused (the
 * caller counts them as shed).
 */
export class Particles {
  readonly capacity: number;
  private readonly kind: Uint8Array;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly start: Float64Array;
  private readonly appeal: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.kind = new Uint8Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.start = new Float64Array(capacity);
    this.appeal = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Add a particle starting at wall time `start`; false when the pool is full. */
  add(kind: Kind, from: number, to: number, start: number, appeal: number): boolean {
    if (this.count >= this.capacity) return false;
    const i = this.count++;
    this.kind[i] = kind;
    this.from[i] = from;
    this.to[i] = to;
    this.start[i] = start;
    this.appeal[i] = appeal;
    return true;
  }

  clear(): void {
    this.count = 0;
  }

  /** Drop finished particles (swap-remove, order does not matter). */
  expire(now: number): void {
    let i = 0;
    while (i < this.count) {
      if (now - (this.start[i] as number) > lifetime(this.kind[i] as number)) {
        const last = --this.count;
        this.kind[i] = this.kind[last] as number;
        this.from[i] = this.from[last] as number;
        this.to[i] = this.to[last] as number;
        this.start[i] = this.start[last] as number;
        this.appeal[i] = this.appeal[last] as number;
      } else i++;
    }
  }

  /**
   * Draw every particle of `kind` in one path (one fill or stroke per kind per frame).
   * `colour` is the kind's colour; positions come from `p` so a focus change moves them too.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    p: Projected,
    now: number,
    kind: Kind,
    colour: string,
    r: number,
  ): void {
    ctx.beginPath();
    let any = false;
    const dur = DURATION[kind] as number;
    for (let i = 0; i < this.count; i++) {
      if (this.kind[i] !== kind) continue;
      const t = (now - (this.start[i] as number)) / dur;
      if (t < 0 || t > 1) continue;
      const pos = this.position(p, i, t);
      if (!pos) continue;
      any = true;
      const [x, y] = pos;
      switch (kind) {
        case Kind.Appear:
        case Kind.Close: {
          const radius = kind === Kind.Appear ? r * (0.6 + 2.4 * t) : r * (3 - 2.4 * t);
          ctx.moveTo(x + radius, y);
          ctx.arc(x, y, radius, 0, Math.PI * 2);
          break;
        }
        case Kind.Grid: {
          const s = r * (0.8 + 2 * t);
          ctx.rect(x - s, y - s, 2 * s, 2 * s);
          break;
        }
        default:
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, Math.PI * 2);
      }
    }
    if (!any) return;
    if (kind === Kind.Appear || kind === Kind.Close || kind === Kind.Grid) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    } else {
      ctx.fillStyle = colour;
      ctx.fill();
    }
  }

  /**
   * Draw the routes of every particle of a travelling `kind` as lines from where it left to where its
   * mark is (the whole way once it has arrived), fading after arrival; in a few opacity steps so a
   * frame strokes each kind a handful of times, whatever the number of routes.
   */
  drawRoutes(
    ctx: CanvasRenderingContext2D,
    p: Projected,
    now: number,
    kind: (typeof ROUTE_KINDS)[number],
    colour: string,
  ): void {
    const dur = DURATION[kind] as number;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.2;
    for (let step = FADE_STEPS; step >= 1; step--) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < this.count; i++) {
        if (this.kind[i] !== kind) continue;
        const age = now - (this.start[i] as number);
        const alpha = routeAlpha(age, dur);
        if (alpha <= 0 || Math.ceil(alpha * FADE_STEPS) !== step) continue;
        const origin = this.position(p, i, 0);
        if (!origin) continue;
        const [x0, y0] = origin;
        // A returned order's mark goes out and comes back: its route is the way out.
        const end = this.position(p, i, kind === Kind.Return ? 0.5 : Math.min(1, age / dur));
        if (!end) continue;
        any = true;
        ctx.moveTo(x0, y0);
        ctx.lineTo(end[0], end[1]);
      }
      if (!any) continue;
      ctx.globalAlpha = (0.7 * step) / FADE_STEPS;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  /** The appeal of the particle nearest (x, y) within `radius` pixels, or null. */
  hit(p: Projected, now: number, x: number, y: number, radius: number): number | null {
    let best: number | null = null;
    let bestD = radius * radius;
    for (let i = 0; i < this.count; i++) {
      const t = (now - (this.start[i] as number)) / (DURATION[this.kind[i] as number] as number);
      // Only a route's line remains after t = 1: nothing there to click.
      if (t > 1) continue;
      const pos = this.position(p, i, Math.max(0, t));
      if (!pos) continue;
      const d = (pos[0] - x) ** 2 + (pos[1] - y) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = this.appeal[i] as number;
      }
    }
    return best;
  }

  private readonly out: [number, number] = [0, 0];

  private position(p: Projected, i: number, t: number): [number, number] | null {
    const kind = this.kind[i] as Kind;
    const from = this.from[i] as number;
    const to = this.to[i] as number;
    const out = this.out;
    switch (kind) {
      case Kind.Appear:
      case Kind.Grid:
      case Kind.Close:
        out[0] = p.cellX[from] as number;
        out[1] = p.cellY[from] as number;
        return out;
      case Kind.Dispatch: {
        // cell → unit, easing in and out.
        const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
        return lerp(out, p.cellX[from], p.cellY[from], p.unitX[to], p.unitY[to], e);
      }
      case Kind.Return: {
        // unit → back toward the cell and bounce: out to 60 % of the way, then back to the unit.
        const e = 0.6 * Math.sin(Math.PI * t);
        return lerp(out, p.unitX[from], p.unitY[from], p.cellX[to], p.cellY[to], e);
      }
      case Kind.Whistle: {
        // department → the street's cell, slowing as it arrives.
        const e = 1 - (1 - t) ** 3;
        return lerp(out, p.unitX[from], p.unitY[from], p.cellX[to], p.cellY[to], e);
      }
    }
  }
}

function lerp(
  out: [number, number],
  x0: number | undefined,
  y0: number | undefined,
  x1: number | undefined,
  y1: number | undefined,
  t: number,
): [number, number] | null {
  if (x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined) return null;
  out[0] = x0 + (x1 - x0) * t;
  out[1] = y0 + (y1 - y0) * t;
  return out;
}
