export * from './role-events';
export * from './role-score';
export * from './role-views';
export { seatsOfRole } from './role-seats';
export type { RoleInput } from './role-desks';
