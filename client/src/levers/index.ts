export { LeversPanel } from './LeversPanel';
export { getPath, setPath } from './lever-values';
