import { canvasColours } from '../theme';

/**
 * Size a chart's canvas to its panel (at least 640 px wide) at twice the pixel density, paint the
 * theme's background and write the title top left: what the difference and waterfall charts share.
 * Returns the context, the colours and the width to draw in (CSS pixels).
 */
export function startChart(
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  height: number,
  title: string,
) {
  const c = canvasColours();
  const dpr = 2;
  const width = Math.max(640, canvas.parentElement?.clientWidth ?? 800);
  canvas.width = width * dpr;
  canvas.height = height * dpr;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = c.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = c.fg;
  ctx.font = '600 15px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText(title, 12, 22);
  return { c, width };
}
