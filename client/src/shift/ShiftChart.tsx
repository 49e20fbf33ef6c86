import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { EmptyNote } from '../components';
import { useI18n } from '../i18n';
import { useLive } from '../live';
import { canvasColours, SHIFT_COLOURS, useTheme } from '../theme';
import { drawMarks, uniqueMarks, type ShiftMark } from './draw-marks';
import { periodAxis, periodShiftData } from './period-shift-data';
import { shiftData } from './shift-data';
import { hourlyOptions, periodOptions } from './shift-plot';
import { useRunTimeline } from './use-run-timeline';

const NO_MARKS: readonly ShiftMark[] = [];

export interface ShiftChartProps {
  /** Moments to mark on the time axis besides the timeline's reforms (e.g. levers changed live). */
  marks?: readonly ShiftMark[];
}

/**
 * 未诉先办: reactive work orders against proactive tasks and grid discoveries. Per virtual hour, with
 * the appeals avoided (against the same seed without proactive work); for a run with a timeline
 * (reform-timeline), per period with the proactive share, so the shift shows as a shift. The reforms
 * and `marks` are drawn on the time axis. The story the teacher tells, so the big numbers sit above
 * the chart and each line differs by colour and by dash.
 */
export function ShiftChart({ marks = NO_MARKS }: ShiftChartProps) {
  const { t, fmt, lang } = useI18n();
  const { theme } = useTheme();
  const { series, run } = useLive();
  const timeline = useRunTimeline(run?.scenario);
  const hourly = useMemo(() => shiftData(series), [series]);
  const byPeriod = useMemo(
    () => (timeline ? periodShiftData(series, timeline.periods) : null),
    [series, timeline],
  );
  const allMarks = useMemo(() => uniqueMarks([...(timeline?.marks ?? []), ...marks]), [timeline, marks]);
  const marksRef = useRef(allMarks);
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const start = run?.start ?? '1970-01-01';
  const multiDay = (hourly.at[hourly.at.length - 1] ?? 0) - (hourly.at[0] ?? 0) > 86_400;
  const hasData = byPeriod ? byPeriod.at.length >= 1 : hourly.at.length >= 2;

  // Before the plot is built below, so a new plot draws the marks of this render.
  useEffect(() => {
    marksRef.current = allMarks;
    plotRef.current?.redraw(false, false);
  }, [allMarks]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || !hasData) return;
    const c = canvasColours();
    const labels = {
      reactive: t('shiftReactive'),
      proactive: t('shiftProactive'),
      grid: t('shiftGrid'),
      avoided: t('shiftAvoided'),
      share: t('shiftShare'),
    };
    const count = (n: number) => fmt.number(n);
    const axis = timeline && periodAxis(timeline.periods);
    const options = axis
      ? periodOptions(c, labels, axis.ticks, axis.range, count)
      : hourlyOptions(c, labels, (s) => fmt.virtualShort(start, s, multiDay), count);
    const plot = new uPlot(
      {
        ...options,
        width: box.clientWidth,
        height: plotHeight(box),
        hooks: { draw: [(u) => drawMarks(u, marksRef.current, lang, c.muted)] },
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
    // Rebuilt when the language, theme, day span, timeline (hourly or by period) or first data
    // change; data alone only updates it.
  }, [t, fmt, lang, theme, multiDay, start, hasData, timeline]);

  useEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    if (byPeriod)
      plot.setData([byPeriod.at, byPeriod.reactive, byPeriod.proactive, byPeriod.grid, byPeriod.share]);
    else plot.setData([hourly.at, hourly.reactive, hourly.proactive, hourly.grid, hourly.avoided]);
  }, [hourly, byPeriod, hasData, lang, theme]);

  const { totals } = hourly;
  const work = totals.reactive + totals.proactive + totals.grid;
  const proactiveShare = work > 0 ? (totals.proactive + totals.grid) / work : Number.NaN;

  return (
    <section className="panel shift-panel" aria-labelledby="shift-title" data-testid="shift-chart">
      <header className="panel-head">
        <h2 id="shift-title">{t('shiftTitle')}</h2>
        <span className="muted small" data-testid="shift-unit">
          {byPeriod ? t('shiftPerPeriod') : t('shiftPerHour')}
        </span>
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
      {!hasData && <EmptyNote>{byPeriod ? t('shiftPeriodEmpty') : t('shiftEmpty')}</EmptyNote>}
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
