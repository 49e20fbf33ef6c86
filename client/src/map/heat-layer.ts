import { MOVE_COLOURS } from '../theme';
import type { Projected } from './projection';

/** Open appeals per street (the server's exact counts): a disc at each street, area ∝ count. */
export function drawOpenByStreet(
  ctx: CanvasRenderingContext2D,
  p: Projected,
  counts: readonly number[],
  rMax: number,
): void {
  const max = Math.max(1, ...counts);
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

/** Open appeals of some categories per cell: squares growing with the count. */
export function drawCellCounts(
  ctx: CanvasRenderingContext2D,
  p: Projected,
  counts: Uint32Array,
  colour: string,
  base: number,
): void {
  ctx.fillStyle = colour;
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
