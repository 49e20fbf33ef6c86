import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

/** A run's lifecycle as recorded; `finished` ran to its end, `stopped` was ended by a user. */
export type RunStatus = 'running' | 'paused' | 'finished' | 'stopped';

/** What {@link RunStore.saveRun} records: a run as it starts or changes. */
export interface StoredRunInput {
  readonly id: string;
  readonly scenarioName: string;
  /** The scenario as run (a copy, so the record outlives edits to the file or built-in). */
  readonly scenario: unknown;
  readonly seed: number;
  readonly speed: number;
  readonly status: RunStatus;
  /** ISO 8601, e.g. `new Date().toISOString()`. */
  readonly createdAt: string;
}

/** A recorded run; `finishedAt` and `report` are null until {@link RunStore.finishRun}. */
export interface StoredRun extends StoredRunInput {
  readonly finishedAt: string | null;
  readonly report: unknown;
}

/** Durable run records in one SQLite file. Synchronous: each call is one short statement. */
export interface RunStore {
  /** Insert the run, or update it (all but `createdAt`); repeating a call changes nothing. */
  saveRun(run: StoredRunInput): void;
  /** Record the end of a run with its report. Throws for an unknown id. */
  finishRun(id: string, status: 'finished' | 'stopped', report: unknown, finishedAt: string): void;
  getRun(id: string): StoredRun | undefined;
  /** Every run, newest first. */
  listRuns(): StoredRun[];
  /** A server setting (say, the instructor password's hash), or undefined. */
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;
  /** Throws when the file cannot be read (readiness check). */
  ping(): void;
  /** The open file, for the stores that share it (training exercises and results). */
  readonly db: Database.Database;
  close(): void;
}

interface RunRow {
  id: string;
  scenario_name: string;
  scenario_json: string;
  seed: number;
  speed: number;
  status: RunStatus;
  created_at: string;
  finished_at: string | null;
  report_json: string | null;
}

/** Open (creating it and its directory if needed) the store at `path` and bring its schema up to date. */
export function openStore(path: string): RunStore {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // WAL: readers (a second server, `hotline audit`) never block the writer.
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS);

  const save = db.prepare(
    `INSERT INTO runs (id, scenario_name, scenario_json, seed, speed, status, created_at)
     VALUES (@id, @scenarioName, @scenarioJson, @seed, @speed, @status, @createdAt)
     ON CONFLICT (id) DO UPDATE SET scenario_name = excluded.scenario_name,
       scenario_json = excluded.scenario_json, seed = excluded.seed, speed = excluded.speed,
       status = excluded.status`,
  );
  const finish = db.prepare('UPDATE runs SET status = ?, report_json = ?, finished_at = ? WHERE id = ?');
  const get = db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?');
  const list = db.prepare<[], RunRow>('SELECT * FROM runs ORDER BY created_at DESC, rowid DESC');
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const setSetting = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const ping = db.prepare('SELECT count(*) FROM settings');

  return {
    saveRun(run) {
      save.run({
        id: run.id,
        scenarioName: run.scenarioName,
        scenarioJson: JSON.stringify(run.scenario),
        seed: run.seed,
        speed: run.speed,
        status: run.status,
        createdAt: run.createdAt,
      });
    },
    finishRun(id, status, report, finishedAt) {
      const { changes } = finish.run(status, JSON.stringify(report), finishedAt, id);
      if (changes === 0) throw new Error(`finishRun: no run with id ${JSON.stringify(id)}`);
    },
    getRun(id) {
      const row = get.get(id);
      return row && fromRow(row);
    },
    listRuns() {
      return list.all().map(fromRow);
    },
    getSetting(key) {
      return getSetting.get(key)?.value;
    },
    setSetting(key, value) {
      setSetting.run(key, value);
    },
    ping() {
      ping.get();
    },
    db,
    close() {
      db.close();
    },
  };
}

/**
 * Apply the scripts the file has not seen (`PRAGMA user_version` counts those it has), all in one
 * transaction: a failing script leaves the file as it was. Refuses a file from newer code.
 */
export function migrate(db: Database.Database, migrations: readonly string[]): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      throw new Error(
        `${db.name} has schema version ${version}, newer than this code knows (${migrations.length})`,
      );
    }
    for (const sql of migrations.slice(version)) db.exec(sql);
    // PRAGMA takes no bound parameters; the value is a number we computed.
    db.pragma(`user_version = ${migrations.length}`);
  })();
}

function fromRow(row: RunRow): StoredRun {
  return {
    id: row.id,
    scenarioName: row.scenario_name,
    scenario: JSON.parse(row.scenario_json) as unknown,
    seed: row.seed,
    speed: row.speed,
    status: row.status,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    report: row.report_json === null ? null : (JSON.parse(row.report_json) as unknown),
  };
}
