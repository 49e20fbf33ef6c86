export { SeatHome } from './SeatHome';
export { SeatPanel } from './SeatPanel';
export { useTrainingT, type TrainingKey } from './messages';
