import { LEVERS, VIOTE_DRIVERS, type Explanation, type KpiName, type VioteDriver } from '@hotline-sim/shared';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n, type I18n } from '../i18n';
import { formatKpiDifference, kpiLabel } from '../kpis';
import { OKABE_ITO, useTheme } from '../theme';
import { startChart } from './chart-canvas';
import { waterfallBars } from './waterfall';

const ROW = 34;
const TOP = 44;

/** A group's name for people: a VIOTE driver, a lever's label, or "everything else". */
export function groupLabel(i18n: I18n, group: string): string {
  if (group === 'total') return i18n.t('explainTotal');
  if (group === 'other') return i18n.t('explainOther');
  if (Object.hasOwn(VIOTE_DRIVERS, group)) return i18n.pick(VIOTE_DRIVERS[group as VioteDriver]);
  const lever = LEVERS.find((l) => l.path === group);
  return lever ? i18n.pick({ zh: lever.zh, en: lever.en }) : group;
}

/**
 * Why one KPI moved from A to B: each group's Shapley part as a step of a waterfall (stacked from 0 in
 * the explanation's order), then the total. Rising steps blue, falling vermillion, parts whose interval
 * includes 0 hollow; whiskers are each part's own 95 % interval.
 */
export function WaterfallChart({ explanation, kpi }: { explanation: Explanation; kpi: KpiName }) {
  const i18n = useI18n();
  const { theme } = useTheme();
  const ref = useRef<HTMLCanvasElement>(null);
  const x = explanation.kpis[kpi];
  const bars = useMemo(() => (x ? waterfallBars(x) : []), [x]);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || bars.length === 0) return;
    const { c, width } = startChart(
      canvas,
      ctx,
      TOP + bars.length * ROW + 36,
      `${kpiLabel(i18n, kpi)}: ${explanation.b} − ${explanation.a}`,
    );
    // The label column fits the longest group name (up to 40 % of the width).
    ctx.font = '600 13px system-ui, sans-serif';
    const labels = bars.map((b) => groupLabel(i18n, b.group));
    const LEFT = Math.min(width * 0.4, 24 + Math.max(...labels.map((l) => ctx.measureText(l).width)));
    const values = bars.flatMap((b) => [b.from, b.to, ...b.ci95]);
    const lo = Math.min(0, ...values);
    const hi = Math.max(0, ...values);
    const pad = (hi - lo || 1) * 0.05;
    const plotW = width - LEFT - 24;
    const px = (v: number) => LEFT + ((v - (lo - pad)) / (hi - lo + 2 * pad)) * plotW;
    ctx.strokeStyle = c.muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(px(0), TOP - 8);
    ctx.lineTo(px(0), TOP + bars.length * ROW);
    ctx.stroke();
    bars.forEach((b, i) => {
      const y = TOP + i * ROW + ROW / 2;
      ctx.fillStyle = c.fg;
      ctx.textAlign = 'right';
      ctx.font = `${b.kind === 'total' ? '600 ' : ''}13px system-ui, sans-serif`;
      ctx.fillText(labels[i] ?? b.group, LEFT - 12, y + 4);
      const colour = b.kind === 'total' ? c.fg : b.to >= b.from ? OKABE_ITO.blue : OKABE_ITO.vermillion;
      const x0 = Math.min(px(b.from), px(b.to));
      const w = Math.max(2, Math.abs(px(b.to) - px(b.from)));
      ctx.strokeStyle = colour;
      ctx.fillStyle = colour;
      ctx.lineWidth = 2;
      if (b.significant) ctx.fillRect(x0, y - 8, w, 16);
      else ctx.strokeRect(x0, y - 8, w, 16);
      // Whisker: the part's own 95 % interval.
      ctx.strokeStyle = c.fg;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(px(b.ci95[0]), y);
      ctx.lineTo(px(b.ci95[1]), y);
      ctx.stroke();
      // A dashed connector to the next step.
      if (i < bars.length - 2) {
        ctx.setLineDash([3, 3]);
        ctx.strokeStyle = c.muted;
        ctx.beginPath();
        ctx.moveTo(px(b.to), y + 8);
        ctx.lineTo(px(b.to), y + ROW - 8);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.fillStyle = c.fg;
      ctx.textAlign = 'left';
      ctx.font = '12px system-ui, sans-serif';
      const value = b.kind === 'total' ? b.to : b.to - b.from;
      ctx.fillText(formatKpiDifference(i18n, kpi, value), Math.max(px(b.from), px(b.to)) + 6, y + 4);
    });
  }, [bars, explanation, kpi, i18n, theme]);

  if (!x) return <p className="note">{i18n.t('explainNoKpi')}</p>;
  return (
    <canvas
      ref={ref}
      className="waterfall-chart"
      role="img"
      aria-label={i18n.t('explainChartNote')}
      data-testid="waterfall-chart"
    />
  );
}
