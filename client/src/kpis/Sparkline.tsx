import { useEffect, useRef } from 'react';
import type { SparkMark } from './spark-marks';

/**
 * A small line over virtual time on a canvas: no axes, the last point marked. Lever changes are
 * thin vertical marks over it, as elements rather than canvas strokes so each has its own tooltip.
 */
export function Sparkline({
  values,
  colour,
  label,
  marks = [],
}: {
  values: readonly number[];
  colour: string;
  label: string;
  marks?: readonly SparkMark[];
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const finite = values.filter(Number.isFinite);
    if (finite.length < 2) return;
    let min = Math.min(...finite);
    let max = Math.max(...finite);
    if (max - min < 1e-9) {
      min -= 0.5;
      max += 0.5;
    }
    const x = (i: number) => 2 + (i / (values.length - 1)) * (w - 6);
    const y = (v: number) => h - 3 - ((v - min) / (max - min)) * (h - 6);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.6;
    ctx.beginPath();
    let started = false;
    values.forEach((v, i) => {
      if (!Number.isFinite(v)) return;
      if (started) ctx.lineTo(x(i), y(v));
      else ctx.moveTo(x(i), y(v));
      started = true;
    });
    ctx.stroke();
    const last = values[values.length - 1];
    if (last !== undefined && Number.isFinite(last)) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.arc(x(values.length - 1), y(last), 2.5, 0, Math.PI * 2);
      ctx.fill();
    }
  }, [values, colour]);
  // Always wrapped, so the canvas is not remounted (and left blank) when the first mark comes.
  return (
    <div className="sparkline-box">
      <canvas className="sparkline" ref={ref} role="img" aria-label={label} />
      {marks.map((m, i) => (
        <span
          key={i}
          className="spark-mark"
          // The line's x: 2 px in, 6 px narrower than the canvas (see x() above).
          style={{ left: `calc(2px + ${m.position} * (100% - 6px))` }}
          title={m.title}
          role="img"
          aria-label={m.title}
          data-testid="lever-mark"
        />
      ))}
    </div>
  );
}
