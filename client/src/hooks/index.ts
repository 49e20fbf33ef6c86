export { useKeyedState } from './use-keyed-state';
