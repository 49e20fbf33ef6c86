import type { Ref } from 'react';

/** Mean (dot, joined by a line) and its 95 % interval (whisker) at each value, as SVG. */
export function SweepChart({
  svgRef,
  points,
  format,
  formatX,
  label,
  xLabel,
}: {
  svgRef: Ref<SVGSVGElement>;
  points: { value: number; mean: number; low: number; high: number }[];
  format(v: number): string;
  formatX(v: number): string;
  label: string;
  xLabel: string;
}) {
  const W = 640;
  const H = 280;
  const pad = { l: 90, r: 20, t: 16, b: 44 };
  if (points.length === 0) return null;
  const xs = points.map((p) => p.value);
  const lo = Math.min(...points.map((p) => p.low));
  const hi = Math.max(...points.map((p) => p.high));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const ySpan = hi - lo || Math.abs(hi) || 1;
  const [y0, y1] = [lo - ySpan * 0.08, hi + ySpan * 0.08];
  const x = (v: number) => pad.l + (x1 === x0 ? 0.5 : (v - x0) / (x1 - x0)) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - (v - y0) / (y1 - y0)) * (H - pad.t - pad.b);
  const sorted = [...points].sort((a, b) => a.value - b.value);
  const ticks = [y0 + (y1 - y0) * 0.1, (y0 + y1) / 2, y1 - (y1 - y0) * 0.1];
  return (
    <svg
      ref={svgRef}
      viewBox={`0 0 ${W} ${H}`}
      className="sweep-chart"
      role="img"
      aria-label={label}
      data-testid="sweep-chart"
      style={{ width: '100%', maxWidth: W, height: 'auto' }}
    >
      <line x1={pad.l} x2={W - pad.r} y1={H - pad.b} y2={H - pad.b} stroke="currentColor" opacity={0.4} />
      <line x1={pad.l} x2={pad.l} y1={pad.t} y2={H - pad.b} stroke="currentColor" opacity={0.4} />
      {ticks.map((v) => (
        <text key={v} x={pad.l - 6} y={y(v) + 4} textAnchor="end" fontSize={12} fill="currentColor">
          {format(v)}
        </text>
      ))}
      {points.map((p) => (
        <text
          key={p.value}
          x={x(p.value)}
          y={H - pad.b + 16}
          textAnchor="middle"
          fontSize={12}
          fill="currentColor"
        >
          {formatX(p.value)}
        </text>
      ))}
      <text x={(pad.l + W - pad.r) / 2} y={H - 6} textAnchor="middle" fontSize={12} fill="currentColor">
        {xLabel}
      </text>
      <polyline
        points={sorted.map((p) => `${x(p.value)},${y(p.mean)}`).join(' ')}
        fill="none"
        stroke="#0072B2"
        strokeWidth={2}
      />
      {points.map((p) => (
        <g key={p.value}>
          <title>{`${formatX(p.value)}: ${format(p.mean)} [${format(p.low)}, ${format(p.high)}]`}</title>
          <line
            x1={x(p.value)}
            x2={x(p.value)}
            y1={y(p.low)}
            y2={y(p.high)}
            stroke="#E69F00"
            strokeWidth={2}
          />
          {[p.low, p.high].map((end) => (
            <line
              key={end}
              x1={x(p.value) - 6}
              x2={x(p.value) + 6}
              y1={y(end)}
              y2={y(end)}
              stroke="#E69F00"
              strokeWidth={2}
            />
          ))}
          <circle cx={x(p.value)} cy={y(p.mean)} r={4.5} fill="#0072B2" />
        </g>
      ))}
    </svg>
  );
}
