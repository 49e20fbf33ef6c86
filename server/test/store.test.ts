import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/store/run-store';
import { MIGRATIONS, openStore, type RunStore, type StoredRunInput } from '../src/store';

function makeRun(overrides: Partial<StoredRunInput> = {}): StoredRunInput {
  return {
    id: 'run-1',
    scenarioName: 'mmc',
    scenario: { name: 'mmc', intake: { agents: 50 } },
    seed: 42,
    speed: 60,
    status: 'running',
    createdAt: '2026-01-05T09:00:00.000Z',
    ...overrides,
  };
}

describe('run store', () => {
  let dir: string;
  let path: string;
  let store: RunStore | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-store-'));
    // A directory that does not exist yet: openStore creates it.
    path = join(dir, 'nested', 'hotline.sqlite');
  });
  afterEach(() => {
    store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  function reopen(): RunStore {
    store?.close();
    store = openStore(path);
    return store;
  }

  function inspect<T>(query: (db: Database.Database) => T): T {
    const db = new Database(path, { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  }

  it('creates the file in WAL mode at the latest schema version', () => {
    reopen();
    expect(inspect((db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
    expect(inspect((db) => db.pragma('user_version', { simple: true }))).toBe(MIGRATIONS.length);
  });

  it('reopens an up-to-date file without running migrations again', () => {
    reopen().saveRun(makeRun());
    // Reapplying the first migration would fail (CREATE TABLE runs already exists).
    expect(() => reopen()).not.toThrow();
    expect(store?.listRuns()).toHaveLength(1);
  });

  it('saves a run and reads it back with its scenario parsed', () => {
    const run = makeRun();
    reopen().saveRun(run);
    expect(store?.getRun('run-1')).toEqual({ ...run, finishedAt: null, report: null });
    expect(store?.getRun('no-such-run')).toBeUndefined();
  });

  it('updates a saved run in place, keeping its creation time; saving twice changes nothing', () => {
    const s = reopen();
    s.saveRun(makeRun());
    s.saveRun(makeRun({ status: 'paused', speed: 600, createdAt: '2030-01-01T00:00:00.000Z' }));
    s.saveRun(makeRun({ status: 'paused', speed: 600, createdAt: '2030-01-01T00:00:00.000Z' }));
    expect(s.listRuns()).toHaveLength(1);
    expect(s.getRun('run-1')).toMatchObject({
      status: 'paused',
      speed: 600,
      createdAt: '2026-01-05T09:00:00.000Z',
    });
  });

  it('finishes a run with its report; an unknown id throws', () => {
    const s = reopen();
    s.saveRun(makeRun());
    const report = { kpis: { responseRate: 0.98 }, streets: [{ id: 'x', rated: 3 }] };
    s.finishRun('run-1', 'finished', report, '2026-01-05T10:00:00.000Z');
    expect(s.getRun('run-1')).toMatchObject({
      status: 'finished',
      report,
      finishedAt: '2026-01-05T10:00:00.000Z',
    });
    s.finishRun('run-1', 'stopped', null, '2026-01-05T10:05:00.000Z');
    expect(s.getRun('run-1')).toMatchObject({ status: 'stopped', finishedAt: '2026-01-05T10:05:00.000Z' });
    expect(() => s.finishRun('ghost', 'stopped', {}, '2026-01-05T10:00:00.000Z')).toThrow(/ghost/);
  });

  it('lists runs newest first, ties in the order they were saved', () => {
    const s = reopen();
    s.saveRun(makeRun({ id: 'b', createdAt: '2026-01-05T09:00:00.000Z' }));
    s.saveRun(makeRun({ id: 'a', createdAt: '2026-01-06T09:00:00.000Z' }));
    s.saveRun(makeRun({ id: 'c', createdAt: '2026-01-04T09:00:00.000Z' }));
    s.saveRun(makeRun({ id: 'd', createdAt: '2026-01-05T09:00:00.000Z' }));
    expect(s.listRuns().map((run) => run.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('keeps every record across close and reopen of the file', () => {
    const s = reopen();
    s.saveRun(makeRun({ id: 'live' }));
    s.saveRun(makeRun({ id: 'done' }));
    s.finishRun('done', 'finished', { total: 7 }, '2026-01-05T11:00:00.000Z');
    const before = s.listRuns();
    expect(reopen().listRuns()).toEqual(before);
    expect(store?.getRun('done')?.report).toEqual({ total: 7 });
  });

  it('rejects a status outside the lifecycle (CHECK constraint)', () => {
    const s = reopen();
    expect(() => s.saveRun(makeRun({ status: 'exploded' as never }))).toThrow(/CHECK/);
  });

  it('refuses a file written by newer code', () => {
    reopen();
    store?.close();
    store = undefined;
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => reopen()).toThrow(/newer than this code knows/);
  });
});

describe('migrate', () => {
  it('applies each script once, in order, across repeated calls', () => {
    const db = new Database(':memory:');
    const scripts = ['CREATE TABLE t (n INTEGER)', 'INSERT INTO t VALUES (1)'];
    migrate(db, scripts);
    migrate(db, scripts);
    migrate(db, [...scripts, 'INSERT INTO t VALUES (2)']);
    expect(db.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 2]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('leaves the file untouched when a script fails', () => {
    const db = new Database(':memory:');
    migrate(db, ['CREATE TABLE t (n INTEGER)']);
    expect(() =>
      migrate(db, ['CREATE TABLE t (n INTEGER)', 'INSERT INTO t VALUES (1)', 'NOT SQL']),
    ).toThrow();
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(0);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});
