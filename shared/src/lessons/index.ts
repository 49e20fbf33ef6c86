export * from './lesson-schema';
export * from './parse-lesson';
export * from './answers';
export * from './lesson-json-schema';
export { BUILT_IN_LESSONS, builtInLesson } from './builtin';
