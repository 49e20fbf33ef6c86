export { ErrorNote, EmptyNote } from './Notes';
export { CheckField, NumberField, Select, type Choice } from './Fields';
