export { LeversPanel } from './LeversPanel';
export { LiveLeversPanel } from './LiveLeversPanel';
export { getPath, setPath } from './lever-values';
export { changeMarks, type ChangeMark, type LeverChangeView, type LeverHistory } from './lever-history';
export { useRunLevers, type RunLevers } from './use-run-levers';
