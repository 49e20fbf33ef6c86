export * from './catalogue';
export * from './levers';
export * from './observation';
export * from './schema';
export { runServices } from './service-model';
