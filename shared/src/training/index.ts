export * from './score';
export * from './seats';
export * from './seat-text';
export * from './wire';
export * from './roles';
