export * from './queue';
export * from './queued-runs';
