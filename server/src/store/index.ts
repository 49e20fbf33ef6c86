export { openStore, type RunStatus, type RunStore, type StoredRun, type StoredRunInput } from './run-store';
export { MIGRATIONS } from './migrations';
