import type uPlot from 'uplot';

/** A moment the chart marks on its time axis: a reform of the timeline, or a lever changed live. */
export interface ShiftMark {
  /** Virtual seconds since the run's start. */
  at: number;
  label: { zh: string; en: string };
}

/** Marks once each: the timeline's and the live changes' may name the same moment. */
export function uniqueMarks(marks: readonly ShiftMark[]): ShiftMark[] {
  const seen = new Set<string>();
  return [...marks]
    .sort((a, b) => a.at - b.at)
    .filter((m) => {
      const key = `${m.at}|${m.label.en}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Label rows at the top of the plot: neighbouring marks alternate rows so their labels do not overlap. */
const ROWS = 3;

/**
 * Draw the marks on a uPlot chart after its series: a dashed vertical line at each mark's moment and
 * its short label at the top, staggered over three rows. Marks outside the x range are skipped.
 */
export function drawMarks(u: uPlot, marks: readonly ShiftMark[], lang: 'zh' | 'en', colour: string): void {
  const { ctx, bbox } = u;
  const px = devicePixelRatio || 1;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = px;
  ctx.setLineDash([4 * px, 3 * px]);
  ctx.font = `${11 * px}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  let row = 0;
  for (const m of marks) {
    const x = u.valToPos(m.at, 'x', true);
    if (!(x >= bbox.left - 1 && x <= bbox.left + bbox.width + 1)) continue;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    const text = m.label[lang];
    const width = ctx.measureText(text).width;
    // Keep the label inside the plot: right of the line, or left of it near the right edge.
    const left = x + 3 * px + width > bbox.left + bbox.width ? x - 3 * px - width : x + 3 * px;
    ctx.fillText(text, left, bbox.top + (2 + row * 13) * px);
    row = (row + 1) % ROWS;
  }
  ctx.restore();
}
