export * from './queue';
export * from './queued-runs';
export * from './comparisons';
