export * from './catalogue';
export * from './knowledge-base';
