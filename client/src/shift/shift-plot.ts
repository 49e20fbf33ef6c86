import type uPlot from 'uplot';
import { SHIFT_COLOURS, type CanvasColours } from '../theme';
import type { PeriodTick } from './period-shift-data';

/** Tick steps of the hourly time axis, in virtual seconds: whole hours and days. */
const HOUR_STEPS = [3600, 2 * 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 2 * 86_400, 7 * 86_400];

/** Labels of the chart's series, in the reader's language. */
export interface ShiftLabels {
  reactive: string;
  proactive: string;
  grid: string;
  avoided: string;
  share: string;
}

function axisStyle(c: CanvasColours) {
  return {
    stroke: c.muted,
    grid: { stroke: c.grid, width: 1 },
    ticks: { stroke: c.grid, width: 1 },
    font: '12px system-ui, sans-serif',
  };
}

/** The three kinds of work, each by colour and by dash (readable in grey and for colour-blind readers). */
function workSeries(labels: ShiftLabels, points: boolean): uPlot.Series[] {
  const dots = { show: points, size: 6 };
  return [
    { label: labels.reactive, stroke: SHIFT_COLOURS.reactive, width: 3, points: dots },
    { label: labels.proactive, stroke: SHIFT_COLOURS.proactive, width: 3, dash: [10, 5], points: dots },
    { label: labels.grid, stroke: SHIFT_COLOURS.grid, width: 2.5, dash: [3, 4], points: dots },
  ];
}

/** Per virtual hour over a day or a few: the three kinds of work and the appeals avoided. */
export function hourlyOptions(
  c: CanvasColours,
  labels: ShiftLabels,
  tickLabel: (seconds: number) => string,
  count: (n: number) => string,
): Omit<uPlot.Options, 'width' | 'height'> {
  const axis = axisStyle(c);
  return {
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false } },
    axes: [
      { ...axis, incrs: HOUR_STEPS, values: (_u, splits) => splits.map(tickLabel) },
      { ...axis, size: 56, values: (_u, splits) => splits.map(count) },
    ],
    series: [
      {},
      ...workSeries(labels, false),
      { label: labels.avoided, stroke: SHIFT_COLOURS.avoided, width: 2.5, dash: [12, 4, 3, 4] },
    ],
  };
}

/**
 * By period over a timeline (reform-timeline: quarters from 2018 to 2024): each period's work as a
 * point at its middle, and the proactive share on its own axis (0-100 %, right), the line the
 * reforms should bend. The x range is the whole timeline, so the periods to come show as room.
 */
export function periodOptions(
  c: CanvasColours,
  labels: ShiftLabels,
  ticks: readonly PeriodTick[],
  range: readonly [number, number],
  count: (n: number) => string,
): Omit<uPlot.Options, 'width' | 'height'> {
  const axis = axisStyle(c);
  return {
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false, range: () => [range[0], range[1]] }, share: { range: [0, 100] } },
    axes: [
      {
        ...axis,
        splits: () => ticks.map((t) => t.at),
        values: () => ticks.map((t) => t.label),
      },
      { ...axis, size: 56, values: (_u, splits) => splits.map(count) },
      {
        ...axis,
        scale: 'share',
        side: 1,
        size: 48,
        grid: { show: false },
        values: (_u, s) => s.map((v) => `${v} %`),
      },
    ],
    series: [
      {},
      ...workSeries(labels, true),
      { label: labels.share, scale: 'share', stroke: c.fg, width: 3.5, points: { show: true, size: 7 } },
    ],
  };
}
