export * from './queue';
export * from './experiment-worker';
export * from './queued-runs';
export * from './comparisons';
