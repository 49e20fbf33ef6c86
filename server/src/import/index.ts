/**
 * `hotline import`: 311 exports (NYC, Boston, any city's recognised by its columns, or through a
 * column mapping) → an arrival trace a scenario replays, or a demand profile a scenario draws from.
 * Everything here but `import-command.ts` is pure apart from reading the stream it is handed.
 */
export * from './created-time';
export * from './category-map';
export * from './channel-map';
export * from './import-error';
export * from './mapping';
export * from './layouts';
export * from './row-reader';
export * from './import-csv';
export * from './to-scenario';
export * from './format-summary';
export * from './keywords';
export * from './location';
export * from './infer-layout';
export * from './profile';
export * from './profile-scenario';
export * from './format-profile';
