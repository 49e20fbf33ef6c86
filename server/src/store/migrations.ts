/**
 * The store's schema, one SQL script per version: script i takes the file from `user_version` i to
 * i + 1. Append only; never edit a script that has shipped (files in the wild have already run it).
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE runs (
     id            TEXT PRIMARY KEY,
     scenario_name TEXT NOT NULL,
     scenario_json TEXT NOT NULL,
     seed          INTEGER NOT NULL,
     speed         REAL NOT NULL,
     status        TEXT NOT NULL CHECK (status IN ('running', 'paused', 'finished', 'stopped')),
     created_at    TEXT NOT NULL,
     finished_at   TEXT,
     report_json   TEXT
   );
   CREATE INDEX runs_created_at ON runs (created_at);`,
  `CREATE TABLE settings (
     key   TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
];
