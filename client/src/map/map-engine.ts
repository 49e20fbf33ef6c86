import type { AppealMove, CityMap } from '@hotline-sim/shared';
import type { LiveStore, MoveBatch } from '../live';
import { canvasColours, MOVE_COLOURS, type CanvasColours } from '../theme';
import { OpenAppeals } from './open-appeals';
import { Kind, Particles } from './particles';
import { makeProjection, project, type Projected, type View } from './projection';

/** New particles a second at most: above it moves are sampled (detail shed), never queued. */
export const PARTICLE_BUDGET_PER_SECOND = 350;
/** Particles alive at once at most. */
export const PARTICLE_CAPACITY = 2_500;
const HEAT_REFRESH_MS = 500;
/** The states a move is drawn for; the others (signing, contact, handling …) happen at the unit. */
const ANIMATED: Partial<Record<AppealMove['to'], true>> = {
  received: true,
  dispatched: true,
  returned: true,
  closed: true,
};

/** What the map is zoomed on: a street, or a department's/utility's marker on the sub-centre's ring (indexes in CityMap). */
export type EngineFocus = { kind: 'street'; index: number } | { kind: 'unit'; index: number };

export type HeatMode =
  { kind: 'open' } | { kind: 'category'; categories: ReadonlySet<number>; colour: string } | { kind: 'off' };

/** Moves a second received (with those the server left out) and those not animated to shed load. */
export interface ShedStats {
  total: number;
  shed: number;
}

/**
 * Draws the live city on one canvas: a static layer (district land and outlines, streets, cells,
 * units) and a heat layer, both pre-rendered off screen, then the particles every frame. Runs its own
 * requestAnimationFrame loop; React only creates it and passes settings.
 */
export class MapEngine {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly staticLayer = document.createElement('canvas');
  private readonly heatLayer = document.createElement('canvas');
  private readonly particles = new Particles(PARTICLE_CAPACITY);
  private readonly open: OpenAppeals;
  private readonly scratch: Uint32Array;
  private projected: Projected | null = null;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private colours: CanvasColours = canvasColours();
  private view: View = { centre: null, zoom: 1 };
  private focus: EngineFocus | null = null;
  private heat: HeatMode = { kind: 'open' };
  private lang: 'en' | 'zh' = 'en';
  private heatDrawnAt = 0;
  private heatVersion = -1;
  private heatOpen: unknown = null;
  private frame = 0;
  private rate = 0;
  private second = { start: performance.now(), total: 0, shed: 0 };
  private readonly unsubscribe: (() => void)[] = [];
  private runId: string | null;

  /** Called once a second with the moves received and animated in that second. */
  onStats: ((stats: ShedStats) => void) | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly city: CityMap,
    private readonly store: LiveStore,
  ) {
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2d context unavailable');
    this.ctx = ctx;
    this.open = new OpenAppeals();
    this.scratch = new Uint32Array(city.cells.lon.length);
    this.runId = store.getState().runId;
    this.unsubscribe.push(store.onMoves((batch) => this.onMoves(batch)));
    this.unsubscribe.push(
      store.subscribe(() => {
        const runId = store.getState().runId;
        if (runId !== this.runId) {
          this.runId = runId;
          this.open.clear();
          this.particles.clear();
        }
      }),
    );
    this.frame = requestAnimationFrame(this.draw);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    for (const u of this.unsubscribe) u();
  }

  resize(width: number, height: number): void {
    this.dpr = Math.min(2, window.devicePixelRatio || 1);
    this.width = width;
    this.height = height;
    for (const c of [this.canvas, this.staticLayer, this.heatLayer]) {
      c.width = Math.max(1, Math.round(width * this.dpr));
      c.height = Math.max(1, Math.round(height * this.dpr));
    }
    this.relayout();
  }

  /**
   * Zoom on a street, or on the ring of departments and utilities around the sub-centre (centred on
   * the unit so its pulsing marker is in view), or back to the whole city.
   */
  setFocus(focus: EngineFocus | null): void {
    const place =
      focus === null
        ? undefined
        : focus.kind === 'street'
          ? this.city.streets[focus.index]
          : this.city.units[focus.index];
    this.focus = place ? focus : null;
    this.view = place
      ? { centre: [place.lon, place.lat], zoom: focus?.kind === 'unit' ? 3 : 4 }
      : { centre: null, zoom: 1 };
    this.relayout();
  }

  setHeat(heat: HeatMode): void {
    this.heat = heat;
    this.heatVersion = -1;
  }

  setLang(lang: 'en' | 'zh'): void {
    this.lang = lang;
    this.drawStatic();
  }

  /** Colours changed (theme switch): redraw the layers. */
  refreshColours(): void {
    this.colours = canvasColours();
    this.drawStatic();
    this.heatVersion = -1;
  }

  /** The appeal under (x, y) in CSS pixels, if a particle is there. */
  hit(x: number, y: number): number | null {
    return this.projected ? this.particles.hit(this.projected, performance.now(), x, y, 12) : null;
  }

  private relayout(): void {
    if (this.width === 0) return;
    this.projected = project(this.city, makeProjection(this.city.bbox, this.width, this.height, this.view));
    this.drawStatic();
    this.heatVersion = -1;
  }

  private onMoves(batch: MoveBatch): void {
    const now = performance.now();
    const total = batch.moves.length + batch.dropped;
    this.second.total += total;
    this.second.shed += batch.dropped;
    // Expected moves a second (smoothed): above the budget, each move is animated with probability
    // budget / rate. Heat takes every move whatever the sampling.
    const p = this.rate > PARTICLE_BUDGET_PER_SECOND ? PARTICLE_BUDGET_PER_SECOND / this.rate : 1;
    for (const m of batch.moves) {
      const previousUnit = this.open.unitOf(m.id);
      this.open.apply(m);
      if (!ANIMATED[m.to] && m.whistle === undefined) continue;
      if ((p < 1 && Math.random() > p) || !this.animate(m, previousUnit, now + Math.random() * 120))
        this.second.shed++;
    }
  }

  private animate(m: AppealMove, previousUnit: number, start: number): boolean {
    const ps = this.particles;
    let added = false;
    switch (m.to) {
      case 'received':
        added = ps.add(Kind.Appear, m.cell, 0, start, m.id);
        break;
      case 'dispatched':
        if (m.source === 'grid' && previousUnit < 0) ps.add(Kind.Grid, m.cell, 0, start, m.id);
        if (m.unit >= 0) added = ps.add(Kind.Dispatch, m.cell, m.unit, start, m.id);
        break;
      case 'returned': {
        const unit = previousUnit >= 0 ? previousUnit : m.unit;
        if (unit >= 0) added = ps.add(Kind.Return, unit, m.cell, start, m.id);
        break;
      }
      case 'closed':
        added = ps.add(Kind.Close, m.cell, 0, start, m.id);
        break;
      default:
        break;
    }
    for (const dept of m.whistle ?? []) added = ps.add(Kind.Whistle, dept, m.cell, start, m.id) || added;
    return added;
  }

  private readonly draw = (now: number): void => {
    this.frame = requestAnimationFrame(this.draw);
    if (now - this.second.start >= 1000) {
      const elapsed = (now - this.second.start) / 1000;
      const measured = this.second.total / elapsed;
      this.rate = this.rate === 0 ? measured : 0.5 * this.rate + 0.5 * measured;
      this.onStats?.({
        total: Math.round(this.second.total / elapsed),
        shed: Math.round(this.second.shed / elapsed),
      });
      this.second = { start: now, total: 0, shed: 0 };
    }
    const p = this.projected;
    if (!p) return;
    if (now - this.heatDrawnAt > HEAT_REFRESH_MS && this.heatChanged()) this.drawHeat(now);
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.staticLayer, 0, 0);
    if (this.heat.kind !== 'off') ctx.drawImage(this.heatLayer, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.particles.expire(now);
    const r = this.view.zoom > 1 ? 3.5 : 2.5;
    this.particles.draw(ctx, p, now, Kind.Appear, MOVE_COLOURS.received, r);
    this.particles.draw(ctx, p, now, Kind.Grid, MOVE_COLOURS.grid, r);
    this.particles.draw(ctx, p, now, Kind.Close, MOVE_COLOURS.closed, r);
    this.particles.draw(ctx, p, now, Kind.Dispatch, MOVE_COLOURS.dispatched, r);
    this.particles.draw(ctx, p, now, Kind.Return, MOVE_COLOURS.returned, r + 0.5);
    this.particles.draw(ctx, p, now, Kind.Whistle, MOVE_COLOURS.whistle, r + 0.5);
    if (this.focus !== null) this.drawFocus(p, this.focus, now);
  };

  private drawFocus(p: Projected, focus: EngineFocus, now: number): void {
    const street = focus.kind === 'street';
    const x = street ? p.streetX[focus.index] : p.unitX[focus.index];
    const y = street ? p.streetY[focus.index] : p.unitY[focus.index];
    const s = street ? this.city.streets[focus.index] : this.city.units[focus.index];
    if (x === undefined || y === undefined || !s) return;
    const ctx = this.ctx;
    ctx.strokeStyle = this.colours.fg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, 18, 0, Math.PI * 2);
    ctx.stroke();
    if (!street) {
      // A unit's marker pulses: a ring grows from the diamond and fades, once a second.
      const phase = (now % 1000) / 1000;
      ctx.globalAlpha = 1 - phase;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(x, y, 5 + 25 * phase, 0, Math.PI * 2);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 2;
    }
    ctx.fillStyle = this.colours.fg;
    ctx.font = '600 15px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.fillText(this.lang === 'zh' ? s.name : s.nameEn, x + 22, y + 5);
  }

  private drawStatic(): void {
    const p = this.projected;
    if (!p) return;
    const ctx = this.staticLayer.getContext('2d');
    if (!ctx) return;
    const c = this.colours;
    const proj = makeProjection(this.city.bbox, this.width, this.height, this.view);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.staticLayer.width, this.staticLayer.height);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    // Districts: land and outlines.
    ctx.beginPath();
    for (const f of this.city.outline.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polygons) {
        for (const ring of rings) {
          ring.forEach(([lon, lat], i) => {
            const x = proj.x(lon);
            const y = proj.y(lat);
            if (i === 0) ctx.moveTo(x, y);
            else ctx.lineTo(x, y);
          });
          ctx.closePath();
        }
      }
    }
    ctx.fillStyle = c.land;
    ctx.fill('evenodd');
    ctx.strokeStyle = c.border;
    ctx.lineWidth = 1;
    ctx.stroke();
    // Cells: one faint dot each.
    ctx.fillStyle = c.grid;
    const n = p.cellX.length;
    for (let i = 0; i < n; i++)
      ctx.fillRect((p.cellX[i] as number) - 0.6, (p.cellY[i] as number) - 0.6, 1.2, 1.2);
    // Streets: small crosses.
    ctx.strokeStyle = c.muted;
    ctx.lineWidth = 0.8;
    ctx.beginPath();
    for (let i = 0; i < p.streetX.length; i++) {
      const x = p.streetX[i] as number;
      const y = p.streetY[i] as number;
      ctx.moveTo(x - 1.5, y);
      ctx.lineTo(x + 1.5, y);
      ctx.moveTo(x, y - 1.5);
      ctx.lineTo(x, y + 1.5);
    }
    ctx.stroke();
    // Units outside streets (departments, utilities): diamonds, where dispatched appeals travel to.
    ctx.fillStyle = c.fg;
    this.city.units.forEach((u, i) => {
      if (u.kind !== 'department' && u.kind !== 'utility') return;
      const x = p.unitX[i] as number;
      const y = p.unitY[i] as number;
      ctx.beginPath();
      ctx.moveTo(x, y - 4);
      ctx.lineTo(x + 4, y);
      ctx.lineTo(x, y + 4);
      ctx.lineTo(x - 4, y);
      ctx.closePath();
      ctx.fill();
    });
    // District names.
    ctx.fillStyle = c.muted;
    ctx.font = `${this.view.zoom > 1 ? 14 : 12}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    for (const d of this.city.districts)
      ctx.fillText(this.lang === 'zh' ? d.name : d.nameEn, proj.x(d.lon), proj.y(d.lat));
  }

  /** Whether the heat's data changed since it was drawn: the server's open counts, or the moves seen. */
  private heatChanged(): boolean {
    if (this.heatVersion === -1) return true;
    return this.heat.kind === 'open'
      ? this.store.getState().open !== this.heatOpen
      : this.open.changes !== this.heatVersion;
  }

  private drawHeat(now: number): void {
    this.heatDrawnAt = now;
    this.heatVersion = this.open.changes;
    const p = this.projected;
    const ctx = this.heatLayer.getContext('2d');
    if (!p || !ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.heatLayer.width, this.heatLayer.height);
    if (this.heat.kind === 'off') return;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    if (this.heat.kind === 'open') {
      this.drawOpenByStreet(ctx, p);
      return;
    }
    const counts = this.open.cellsOf(this.heat.categories, this.scratch);
    ctx.fillStyle = this.heat.colour;
    const base = this.view.zoom > 1 ? 2.5 : 1.4;
    // Size and opacity grow with the count, in steps of alpha to keep fillStyle changes few.
    for (const step of [1, 2, 4, 8]) {
      ctx.globalAlpha = Math.min(0.9, 0.3 + step * 0.1);
      const s = base * Math.sqrt(step) + 0.6;
      for (let i = 0; i < counts.length; i++) {
        const v = counts[i] as number;
        if (v === 0 || v < step || (v >= step * 2 && step < 8)) continue;
        ctx.fillRect((p.cellX[i] as number) - s, (p.cellY[i] as number) - s, 2 * s, 2 * s);
      }
    }
    ctx.globalAlpha = 1;
  }

  /** Open appeals per street (the server's exact counts): a disc at each street, area ∝ count. */
  private drawOpenByStreet(ctx: CanvasRenderingContext2D, p: Projected): void {
    const open = this.store.getState().open;
    this.heatOpen = open;
    if (!open) return;
    const counts = open.byStreet;
    const max = Math.max(1, ...counts);
    const rMax = (this.view.zoom > 1 ? 36 : 16) * Math.min(1, Math.max(0.5, this.width / 900));
    ctx.fillStyle = MOVE_COLOURS.dispatched;
    ctx.strokeStyle = MOVE_COLOURS.dispatched;
    ctx.lineWidth = 1;
    ctx.globalAlpha = 0.35;
    ctx.beginPath();
    counts.forEach((v, i) => {
      if (v <= 0) return;
      const x = p.streetX[i];
      const y = p.streetY[i];
      if (x === undefined || y === undefined) return;
      const r = Math.max(1.2, rMax * Math.sqrt(v / max));
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
    });
    ctx.fill();
    ctx.globalAlpha = 0.8;
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
}
