import type { CityMap } from '@hotline-sim/shared';
import type { CanvasColours } from '../theme';
import type { PlacedLabel } from './labels';
import type { Projected, Projection, Rect } from './projection';

/** District land and outlines, cells, streets and the departments' and utilities' markers, for one view. */
export function drawCityBase(
  ctx: CanvasRenderingContext2D,
  city: CityMap,
  proj: Projection,
  p: Projected,
  c: CanvasColours,
): void {
  ctx.beginPath();
  for (const f of city.outline.features) {
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
  city.units.forEach((u, i) => {
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
}

/** Placed names, centred on their boxes, on a faint backing so they read over particles and heat. */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly PlacedLabel[],
  font: string,
  c: CanvasColours,
): void {
  ctx.font = font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.globalAlpha = 0.55;
  ctx.fillStyle = c.bg;
  for (const l of labels) ctx.fillRect(l.box.x, l.box.y, l.box.width, l.box.height);
  ctx.globalAlpha = 1;
  ctx.fillStyle = c.muted;
  for (const l of labels) ctx.fillText(l.text, l.x, l.y);
  ctx.textBaseline = 'alphabetic';
}

/**
 * The enlarged view's frame: a border, its title, and a dashed box on the whole city's map around
 * the area it enlarges, so the eye links the two.
 */
export function drawInsetFrame(
  ctx: CanvasRenderingContext2D,
  frame: Rect,
  marked: Rect,
  title: string,
  c: CanvasColours,
): Rect {
  ctx.strokeStyle = c.muted;
  ctx.lineWidth = 1;
  ctx.setLineDash([4, 3]);
  ctx.strokeRect(marked.x, marked.y, marked.width, marked.height);
  ctx.setLineDash([]);
  ctx.strokeRect(frame.x + 0.5, frame.y + 0.5, frame.width - 1, frame.height - 1);
  ctx.font = '600 13px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.fillStyle = c.fg;
  ctx.fillText(title, frame.x + 8, frame.y + 18);
  return { x: frame.x, y: frame.y, width: Math.ceil(ctx.measureText(title).width) + 16, height: 26 };
}

/**
 * The focused street's or unit's ring and name; a unit's marker also pulses (`pulseAt`: wall time,
 * null for a street): a ring grows from the diamond and fades, once a second.
 */
export function drawFocusMark(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  name: string,
  pulseAt: number | null,
  colour: string,
): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(x, y, 18, 0, Math.PI * 2);
  ctx.stroke();
  if (pulseAt !== null) {
    const phase = (pulseAt % 1000) / 1000;
    ctx.globalAlpha = 1 - phase;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.arc(x, y, 5 + 25 * phase, 0, Math.PI * 2);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 2;
  }
  ctx.fillStyle = colour;
  ctx.font = '600 15px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText(name, x + 22, y + 5);
}
