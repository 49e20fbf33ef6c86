export { ShiftChart, type ShiftChartProps } from './ShiftChart';
export type { ShiftMark } from './draw-marks';
