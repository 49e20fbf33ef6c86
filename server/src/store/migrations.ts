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
  `CREATE TABLE exercises (
     id              TEXT PRIMARY KEY,
     name            TEXT NOT NULL,
     definition_json TEXT NOT NULL,
     created_at      TEXT NOT NULL
   );
   CREATE TABLE exercise_runs (
     run_id      TEXT PRIMARY KEY,
     exercise_id TEXT NOT NULL REFERENCES exercises (id),
     started_at  TEXT NOT NULL
   );
   CREATE TABLE training_results (
     run_id      TEXT NOT NULL,
     seat        TEXT NOT NULL,
     exercise_id TEXT NOT NULL,
     passed      INTEGER NOT NULL,
     score_json  TEXT NOT NULL,
     finished_at TEXT NOT NULL,
     PRIMARY KEY (run_id, seat)
   );
   CREATE INDEX training_results_seat ON training_results (seat, finished_at);`,
];
