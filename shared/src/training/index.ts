export * from './order-summary';
export * from './score';
export * from './seats';
export * from './seat-text';
export * from './wire';
export * from './cues';
export * from './knowledge';
export * from './library';
