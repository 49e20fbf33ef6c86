export * from './scenario-levers';
export * from './sensitivity';
