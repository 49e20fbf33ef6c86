export { ErrorNote, EmptyNote } from './Notes';
export { CheckField, NumberField, SearchField, Select, type Choice } from './Fields';
export { TableHead } from './TableHead';
export { LazyView } from './LazyView';
