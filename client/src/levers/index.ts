export { LeversPanel } from './LeversPanel';
export { LiveLeversPanel } from './LiveLeversPanel';
export { getPath, setPath } from './lever-values';
export {
  changeMarks,
  chartMarks,
  type ChangeMark,
  type HeldLeverChange,
  type LeverHistory,
} from './lever-history';
export { useRunLevers, type LiveLevers } from './use-run-levers';
