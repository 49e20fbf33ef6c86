export { RunControls } from './RunControls';
export { NewRunDialog } from './NewRunDialog';
