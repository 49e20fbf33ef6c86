export * from './score';
export * from './seats';
