export { QueuesPanel } from './QueuesPanel';
