import type { TraineeProgress } from '@hotline-sim/shared';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../../i18n';
import { canvasColours, OKABE_ITO, useTheme } from '../../theme';

const COLOURS = Object.values(OKABE_ITO);
const DASHES: (number[] | undefined)[] = [undefined, [10, 5], [3, 4], [12, 4, 3, 4]];

/**
 * Each rubric item's value over the trainee's exercise runs (oldest on the left), in percent: the
 * items that are shares (every one but the minutes to decide, which the table shows). A run where an
 * item had no cases leaves a gap the line spans.
 */
export function ProgressChart({ progress }: { progress: TraineeProgress }) {
  const { pick, fmt, lang } = useI18n();
  const { theme } = useTheme();
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const c = canvasColours();
    const items = progress.items.filter((i) => i.id !== 'time-to-decide');
    const axis = {
      stroke: c.muted,
      grid: { stroke: c.grid, width: 1 },
      ticks: { stroke: c.grid, width: 1 },
      font: '12px system-ui, sans-serif',
    };
    const plot = new uPlot(
      {
        width: box.clientWidth,
        height: 260,
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: false }, y: { range: [0, 1] } },
        axes: [
          { ...axis, incrs: [1], values: (_u, splits) => splits.map((n) => `#${n}`) },
          { ...axis, size: 52, values: (_u, splits) => splits.map((v) => fmt.percent(v, 0)) },
        ],
        series: [
          {},
          ...items.map((i, n) => ({
            label: pick(i),
            stroke: COLOURS[n % COLOURS.length],
            width: 2.5,
            dash: DASHES[n % DASHES.length],
            spanGaps: true,
            points: { show: true, size: 7 },
          })),
        ],
      },
      [progress.runs.map((_r, n) => n + 1), ...items.map((i) => i.values)] as uPlot.AlignedData,
      box,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: box.clientWidth, height: 260 }));
    observer.observe(box);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [progress, pick, fmt, lang, theme]);
  return <div className="training-progress-plot" ref={boxRef} data-testid="progress-chart" />;
}
