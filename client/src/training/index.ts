export { SeatHome } from './SeatHome';
export { SeatPanel } from './SeatPanel';
