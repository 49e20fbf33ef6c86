export { ErrorNote, EmptyNote } from './Notes';
