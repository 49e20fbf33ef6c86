export { default as LessonsView } from './LessonsView';
