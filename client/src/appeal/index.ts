export { AppealDetailDialog } from './AppealDetailDialog';
export { AppealsList } from './AppealsList';
