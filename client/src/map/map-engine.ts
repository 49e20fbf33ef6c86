import type { CityMap } from '@hotline-sim/shared';
import type { LiveStore, MoveBatch } from '../live';
import { canvasColours, MOVE_COLOURS, type CanvasColours } from '../theme';
import { drawCellCounts, drawOpenByStreet } from './heat-layer';
import { districtLabels } from './district-labels';
import { placeLabels, type PlacedLabel } from './labels';
import { inBbox, insetFontPx, mapLayout, type MapView } from './map-layout';
import { addMoveParticles, isAnimated } from './move-particles';
import { OpenAppeals } from './open-appeals';
import { Kind, Particles, ROUTE_KINDS } from './particles';
import { project, type Projected, type Rect, type View } from './projection';
import { drawCityBase, drawFocusMark, drawInsetFrame, drawLabels } from './static-layer';

/** A view drawn on the canvas with its positions: the whole city, or the enlarged centre. */
interface Drawn {
  view: MapView;
  p: Projected;
}

/** New particles a second at most: above it moves are sampled (detail shed), never queued. */
export const PARTICLE_BUDGET_PER_SECOND = 350;
/** Particles alive at once at most. */
export const PARTICLE_CAPACITY = 2_500;
const HEAT_REFRESH_MS = 500;

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
  /**
   * Names and the enlarged view's frame, drawn once per layout and laid over the heat each time the
   * heat is redrawn (twice a second at most), so they read above the discs at no cost per frame.
   */
  private readonly labelLayer = document.createElement('canvas');
  private readonly particles = new Particles(PARTICLE_CAPACITY);
  private readonly open: OpenAppeals;
  private readonly scratch: Uint32Array;
  /** The whole city (first) and, on a wide panel, the enlarged central districts. */
  private views: Drawn[] = [];
  private width = 0;
  private height = 0;
  private dpr = 1;
  private colours: CanvasColours = canvasColours();
  private view: View = { centre: null, zoom: 1 };
  private focus: EngineFocus | null = null;
  private heat: HeatMode = { kind: 'open' };
  private lang: 'en' | 'zh' = 'en';
  private insetTitle = '';
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
    for (const c of [this.canvas, this.staticLayer, this.heatLayer, this.labelLayer]) {
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

  /** The names' language, and the enlarged view's title in it. */
  setLang(lang: 'en' | 'zh', insetTitle: string): void {
    this.lang = lang;
    this.insetTitle = insetTitle;
    this.drawStatic();
  }

  /** Colours changed (theme switch): redraw the layers. */
  refreshColours(): void {
    this.colours = canvasColours();
    this.drawStatic();
    this.heatVersion = -1;
  }

  /** The appeal under (x, y) in CSS pixels, if a particle is there (in the enlarged view where it is drawn). */
  hit(x: number, y: number): number | null {
    const d = this.viewAt(x, y);
    return d ? this.particles.hit(d.p, performance.now(), x, y, 12) : null;
  }

  /** The view drawn at (x, y): the enlarged one over its frame, else the whole city. */
  private viewAt(x: number, y: number): Drawn | undefined {
    const inset = this.views[1];
    if (inset && inside(inset.view.frame, x, y)) return inset;
    return this.views[0];
  }

  private relayout(): void {
    if (this.width === 0) return;
    const layout = mapLayout(this.city, this.width, this.height, this.view);
    this.views = [layout.main, ...(layout.inset ? [layout.inset] : [])].map((view) => ({
      view,
      p: project(this.city, view.projection),
    }));
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
      if (!isAnimated(m)) continue;
      if (
        (p < 1 && Math.random() > p) ||
        !addMoveParticles(this.particles, m, previousUnit, now + Math.random() * 120)
      )
        this.second.shed++;
    }
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
    const main = this.views[0];
    if (!main) return;
    if (now - this.heatDrawnAt > HEAT_REFRESH_MS && this.heatChanged()) this.drawHeat(now);
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.staticLayer, 0, 0);
    ctx.drawImage(this.heatLayer, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.particles.expire(now);
    const r = this.view.zoom > 1 ? 3.5 : 2.5;
    this.views.forEach((d, i) => {
      const clipped = i > 0 && clipTo(ctx, d.view.frame);
      this.drawParticles(d.p, now, i > 0 ? r + 0.5 : r);
      if (clipped) ctx.restore();
    });
    if (this.focus !== null) this.drawFocus(main.p, this.focus, now);
  };

  /** Routes first (a line from where the appeal left, fading after it arrives), then the moving marks. */
  private drawParticles(p: Projected, now: number, r: number): void {
    const ctx = this.ctx;
    for (const kind of ROUTE_KINDS) this.particles.drawRoutes(ctx, p, now, kind, ROUTE_COLOURS[kind]);
    this.particles.draw(ctx, p, now, Kind.Appear, MOVE_COLOURS.received, r);
    this.particles.draw(ctx, p, now, Kind.Grid, MOVE_COLOURS.grid, r);
    this.particles.draw(ctx, p, now, Kind.Close, MOVE_COLOURS.closed, r);
    this.particles.draw(ctx, p, now, Kind.Dispatch, MOVE_COLOURS.dispatched, r);
    this.particles.draw(ctx, p, now, Kind.Return, MOVE_COLOURS.returned, r + 0.5);
    this.particles.draw(ctx, p, now, Kind.Whistle, MOVE_COLOURS.whistle, r + 0.5);
  }

  private drawFocus(p: Projected, focus: EngineFocus, now: number): void {
    const street = focus.kind === 'street';
    const x = street ? p.streetX[focus.index] : p.unitX[focus.index];
    const y = street ? p.streetY[focus.index] : p.unitY[focus.index];
    const s = street ? this.city.streets[focus.index] : this.city.units[focus.index];
    if (x === undefined || y === undefined || !s) return;
    const name = this.lang === 'zh' ? s.name : s.nameEn;
    drawFocusMark(this.ctx, x, y, name, street ? null : now, this.colours.fg);
  }

  private drawStatic(): void {
    const [main, inset] = this.views;
    const ctx = this.staticLayer.getContext('2d');
    const top = this.labelLayer.getContext('2d');
    if (!main || !ctx || !top) return;
    const c = this.colours;
    for (const [layer, g] of [
      [this.staticLayer, ctx],
      [this.labelLayer, top],
    ] as const) {
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.clearRect(0, 0, layer.width, layer.height);
      g.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    }
    drawCityBase(ctx, this.city, main.view.projection, main.p, c);
    const mainFont = `${this.view.zoom > 1 ? 14 : 12}px system-ui, sans-serif`;
    if (!inset) {
      this.drawNames(top, main.view, () => true, mainFont, main.view.frame, []);
      this.drawHeat(performance.now());
      return;
    }
    const clipped = clipTo(ctx, inset.view.frame);
    ctx.fillStyle = c.bg;
    ctx.fillRect(inset.view.frame.x, inset.view.frame.y, inset.view.frame.width, inset.view.frame.height);
    drawCityBase(ctx, this.city, inset.view.projection, inset.p, c);
    if (clipped) ctx.restore();
    const [minLon, minLat, maxLon, maxLat] = inset.view.bbox;
    const proj = main.view.projection;
    const marked = {
      x: proj.x(minLon),
      y: proj.y(maxLat),
      width: proj.x(maxLon) - proj.x(minLon),
      height: proj.y(minLat) - proj.y(maxLat),
    };
    const title = drawInsetFrame(top, inset.view.frame, marked, this.insetTitle, c);
    // The enlarged view names the districts whose seats it shows; the whole city names the others.
    const enlarged = (d: { lon: number; lat: number }) => inBbox(inset.view.bbox, d.lon, d.lat);
    this.drawNames(top, main.view, (d) => !enlarged(d), mainFont, main.view.frame, [marked]);
    const insetFont = `${insetFontPx(inset.view.frame)}px system-ui, sans-serif`;
    this.drawNames(top, inset.view, enlarged, insetFont, inset.view.frame, [title]);
    this.drawHeat(performance.now());
  }

  /** District names of `view` that `shown` admits, placed without overlap (larger districts first). */
  private drawNames(
    ctx: CanvasRenderingContext2D,
    view: MapView,
    shown: (d: { id: string; lon: number; lat: number }) => boolean,
    font: string,
    bounds: Rect,
    avoid: Rect[],
  ): PlacedLabel[] {
    ctx.font = font;
    const placed = placeLabels(
      districtLabels(this.city, view, this.lang, shown),
      (text) => ctx.measureText(text).width,
      fontPx(font),
      bounds,
      avoid,
    );
    drawLabels(ctx, placed, font, this.colours);
    return placed;
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
    const ctx = this.heatLayer.getContext('2d');
    if (this.views.length === 0 || !ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.heatLayer.width, this.heatLayer.height);
    if (this.heat.kind === 'off') {
      ctx.drawImage(this.labelLayer, 0, 0);
      return;
    }
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    const heat = this.heat;
    const open = heat.kind === 'open' ? this.store.getState().open : null;
    this.heatOpen = open;
    const counts = heat.kind === 'category' ? this.open.cellsOf(heat.categories, this.scratch) : null;
    this.views.forEach((d, i) => {
      const clipped = i > 0 && clipTo(ctx, d.view.frame);
      // A zoomed focus draws discs and squares larger; the enlarged view a little larger (its
      // streets are only about three times as far apart).
      const zoomed = this.view.zoom > 1 || i > 0;
      if (open) {
        const rMax = i > 0 ? 14 : (zoomed ? 36 : 16) * Math.min(1, Math.max(0.5, d.view.frame.width / 900));
        drawOpenByStreet(ctx, d.p, open.byStreet, rMax);
      } else if (counts && heat.kind === 'category') {
        drawCellCounts(ctx, d.p, counts, heat.colour, zoomed ? 2.5 : 1.4);
      }
      if (clipped) ctx.restore();
    });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.labelLayer, 0, 0);
  }
}

/** Colour of each route's line: its moving mark's. */
const ROUTE_COLOURS: Record<(typeof ROUTE_KINDS)[number], string> = {
  [Kind.Dispatch]: MOVE_COLOURS.dispatched,
  [Kind.Return]: MOVE_COLOURS.returned,
  [Kind.Whistle]: MOVE_COLOURS.whistle,
};

const inside = (r: Rect, x: number, y: number) =>
  x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;

/** Save the context and clip it to `r`; true, so the caller restores. */
function clipTo(ctx: CanvasRenderingContext2D, r: Rect): true {
  ctx.save();
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.width, r.height);
  ctx.clip();
  return true;
}

/** Pixel size of a canvas font string (`600 13px system-ui`). */
const fontPx = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
