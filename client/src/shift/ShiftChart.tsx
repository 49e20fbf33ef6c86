import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { EmptyNote } from '../components';
import { useI18n } from '../i18n';
import { useLive } from '../live';
import { canvasColours, SHIFT_COLOURS, useTheme } from '../theme';
import { shiftData } from './shift-data';

/** Tick steps of the time axis, in virtual seconds: whole hours and days. */
const HOUR_STEPS = [3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 2 * 86_400, 7 * 86_400];

/**
 * 未诉先办: reactive work orders against proactive tasks and grid discoveries, per virtual hour, with
 * the appeals avoided (against the same seed without proactive work). The story the teacher tells,
 * so the big numbers sit above the chart and each line differs by colour and by dash.
 */
export function ShiftChart() {
  const { t, fmt, lang } = useI18n();
  const { theme } = useTheme();
  const { series, run } = useLive();
  const data = useMemo(() => shiftData(series), [series]);
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const start = run?.start ?? '1970-01-01';
  const multiDay = (data.at[data.at.length - 1] ?? 0) - (data.at[0] ?? 0) > 86_400;
  const hasData = data.at.length >= 2;

  useEffect(() => {
    const box = boxRef.current;
    if (!box || !hasData) return;
    const c = canvasColours();
    const axis = {
      stroke: c.muted,
      grid: { stroke: c.grid, width: 1 },
      ticks: { stroke: c.grid, width: 1 },
      font: '12px system-ui, sans-serif',
    };
    const plot = new uPlot(
      {
        width: box.clientWidth,
        height: plotHeight(box),
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false } },
        axes: [
          {
            ...axis,
            incrs: HOUR_STEPS,
            values: (_u, splits) => splits.map((s) => fmt.virtualShort(start, s, multiDay)),
          },
          { ...axis, size: 56, values: (_u, splits) => splits.map((s) => fmt.number(s)) },
        ],
        series: [
          {},
          { label: t('shiftReactive'), stroke: SHIFT_COLOURS.reactive, width: 3 },
          { label: t('shiftProactive'), stroke: SHIFT_COLOURS.proactive, width: 3, dash: [10, 5] },
          { label: t('shiftGrid'), stroke: SHIFT_COLOURS.grid, width: 2.5, dash: [3, 4] },
          { label: t('shiftAvoided'), stroke: SHIFT_COLOURS.avoided, width: 2.5, dash: [12, 4, 3, 4] },
        ],
      },
      [[], [], [], [], []],
      box,
    );
    plotRef.current = plot;
    // Now that the legend is drawn, leave it the room it takes (two lines on a narrow panel).
    plot.setSize({ width: box.clientWidth, height: plotHeight(box) });
    const observer = new ResizeObserver(() =>
      plot.setSize({ width: box.clientWidth, height: plotHeight(box) }),
    );
    observer.observe(box);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
    // The chart is rebuilt when the language, theme, day span or first data arrive; data alone only updates it.
  }, [t, fmt, theme, multiDay, start, hasData]);

  useEffect(() => {
    plotRef.current?.setData([data.at, data.reactive, data.proactive, data.grid, data.avoided]);
  }, [data, hasData, lang, theme]);

  const { totals } = data;
  const work = totals.reactive + totals.proactive + totals.grid;
  const proactiveShare = work > 0 ? (totals.proactive + totals.grid) / work : Number.NaN;

  return (
    <section className="panel shift-panel" aria-labelledby="shift-title" data-testid="shift-chart">
      <header className="panel-head">
        <h2 id="shift-title">{t('shiftTitle')}</h2>
        <span className="muted small">{t('shiftPerHour')}</span>
      </header>
      <dl className="shift-totals">
        <div style={{ borderColor: SHIFT_COLOURS.reactive }}>
          <dt>{t('shiftReactive')}</dt>
          <dd>{fmt.number(totals.reactive)}</dd>
        </div>
        <div style={{ borderColor: SHIFT_COLOURS.proactive }}>
          <dt>{t('shiftProactive')}</dt>
          <dd>{fmt.number(totals.proactive)}</dd>
        </div>
        <div style={{ borderColor: SHIFT_COLOURS.grid }}>
          <dt>{t('shiftGrid')}</dt>
          <dd>{fmt.number(totals.grid)}</dd>
        </div>
        <div className="share">
          <dt>{t('shiftShare')}</dt>
          <dd>{fmt.percent(proactiveShare, 0)}</dd>
        </div>
        <div style={{ borderColor: SHIFT_COLOURS.avoided }} title={t('shiftAvoidedNote')}>
          <dt>{t('shiftAvoided')}</dt>
          <dd>{fmt.number(totals.avoided)}</dd>
        </div>
      </dl>
      {!hasData && <EmptyNote>{t('shiftEmpty')}</EmptyNote>}
      <div className="shift-plot" ref={boxRef} />
    </section>
  );
}

/** Room for uPlot's legend under the plot until it is drawn (one line). */
const LEGEND_PX = 28;
/**
 * The plot fills its box with the legend (one or two lines, as the width allows) below it, and never
 * grows the panel: a short screen shrinks the plot, not the legend.
 */
function plotHeight(box: HTMLElement): number {
  const legend = box.querySelector<HTMLElement>('.u-legend');
  return Math.max(48, box.clientHeight - (legend?.offsetHeight ?? LEGEND_PX));
}
