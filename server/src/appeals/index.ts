/** The stored appeal record (one shape, read and written here) and the views the API builds on it. */
export * from './appeal-record';
export * from './appeal-store';
export * from './appeal-views';
