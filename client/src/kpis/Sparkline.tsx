import { useEffect, useRef } from 'react';

/** A small line over virtual time on a canvas: no axes, the last point marked. */
export function Sparkline({
  values,
  colour,
  label,
}: {
  values: readonly number[];
  colour: string;
  label: string;
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
  return <canvas className="sparkline" ref={ref} role="img" aria-label={label} />;
}
