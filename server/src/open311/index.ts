export { open311Routes, type Open311Deps } from './open311-routes';
