import type { Comparison } from '@hotline-sim/shared';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { useI18n } from '../i18n';
import { kpiLabel } from '../kpis';
import { OKABE_ITO, useTheme } from '../theme';
import { startChart } from './chart-canvas';

const ROW = 30;
const LEFT = 230;
const TOP = 44;

export interface DifferenceChartHandle {
  png(): Promise<Blob | null>;
}

/**
 * B − A per KPI as a share of A: a bar for the mean difference, whiskers for its 95 % interval.
 * Significant rows are solid, others hollow (shape and colour, not colour alone). Drawn on a canvas,
 * so the PNG export is the chart itself.
 */
export const DifferenceChart = forwardRef<DifferenceChartHandle, { comparison: Comparison }>(
  function DifferenceChart({ comparison }, handle) {
    const i18n = useI18n();
    const { theme } = useTheme();
    const ref = useRef<HTMLCanvasElement>(null);
    const rows = useMemo(
      () => comparison.rows.filter((r) => r.relativeDifference !== null && r.a !== 0),
      [comparison],
    );
    useImperativeHandle(handle, () => ({
      png: () =>
        new Promise((resolve) => (ref.current ? ref.current.toBlob(resolve, 'image/png') : resolve(null))),
    }));

    useEffect(() => {
      const canvas = ref.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const { c, width } = startChart(
        canvas,
        ctx,
        TOP + rows.length * ROW + 36,
        `${comparison.b} − ${comparison.a}  (n = ${comparison.replications})`,
      );
      const rel = (v: number, a: number) => v / Math.abs(a);
      const extent = Math.max(
        0.01,
        ...rows.flatMap((r) => [Math.abs(rel(r.ci95[0], r.a)), Math.abs(rel(r.ci95[1], r.a))]),
      );
      // At most ±100 % of A: a KPI near 0 in A (Little's law error) would otherwise flatten the rest;
      // its whiskers run to the edge, clipped.
      const span = Math.min(extent * 1.1, 1);
      const plotW = width - LEFT - 24;
      const x = (v: number) => LEFT + ((Math.max(-span, Math.min(span, v)) + span) / (2 * span)) * plotW;
      // Zero line and scale.
      ctx.strokeStyle = c.muted;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x(0), TOP - 8);
      ctx.lineTo(x(0), TOP + rows.length * ROW);
      ctx.stroke();
      ctx.fillStyle = c.muted;
      ctx.font = '12px system-ui, sans-serif';
      ctx.textAlign = 'center';
      for (const v of [-span, -span / 2, 0, span / 2, span]) {
        ctx.fillText(i18n.fmt.percent(v, 0), x(v), TOP + rows.length * ROW + 18);
      }
      rows.forEach((r, i) => {
        const y = TOP + i * ROW + ROW / 2;
        ctx.fillStyle = c.fg;
        ctx.textAlign = 'right';
        ctx.font = '13px system-ui, sans-serif';
        ctx.fillText(kpiLabel(i18n, r.kpi), LEFT - 12, y + 4);
        const colour = r.significant ? (r.difference > 0 ? OKABE_ITO.blue : OKABE_ITO.vermillion) : c.muted;
        const lo = x(rel(r.ci95[0], r.a));
        const hi = x(rel(r.ci95[1], r.a));
        const mid = x(rel(r.difference, r.a));
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(lo, y);
        ctx.lineTo(hi, y);
        ctx.moveTo(lo, y - 6);
        ctx.lineTo(lo, y + 6);
        ctx.moveTo(hi, y - 6);
        ctx.lineTo(hi, y + 6);
        ctx.stroke();
        const x0 = Math.min(x(0), mid);
        const w = Math.max(2, Math.abs(mid - x(0)));
        if (r.significant) {
          ctx.fillStyle = colour;
          ctx.fillRect(x0, y - 5, w, 10);
        } else {
          ctx.strokeRect(x0, y - 5, w, 10);
        }
      });
    }, [comparison, rows, i18n, theme]);

    return (
      <canvas
        ref={ref}
        className="difference-chart"
        role="img"
        aria-label={i18n.t('compareChartNote')}
        data-testid="difference-chart"
      />
    );
  },
);
