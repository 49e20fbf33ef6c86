export { ShiftChart } from './ShiftChart';
