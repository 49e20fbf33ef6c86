import { randomUUID } from 'node:crypto';
import {
  DIFFICULTY,
  meanPerHour,
  scoreSeat,
  type Exercise,
  type ExerciseDefinition,
  type HotWash,
  type Scenario,
  type SeatScore,
  type StartedExercise,
  type TrainingResult,
} from '@hotline-sim/shared';
import type Database from 'better-sqlite3';
import type { JoinCodes } from '../auth/codes';
import { ApiError, notFound } from '../http/errors';
import { resolveScenario } from '../live/run-info';
import type { RunManager } from '../live/run-manager';

/**
 * Training exercises (issue 7): a scenario, a script of injects on a timeline (the master scenario
 * events list) and a difficulty, saved, editable and reusable. Starting one starts a live run whose
 * scenario carries the seats (lifecycle.training), puts the script in the run's schedule (where the
 * instructor can still edit it, add to it or fire an entry early: `InjectSchedule`), and makes each
 * seat's join code. When the run ends, every seat's score is kept with the trainee's history.
 */

/**
 * The exercise's scenario as it runs: the base, with the seats. The script is not part of it (it goes
 * into the run's schedule), but is checked against it: units, categories and districts it names
 * exist, and every inject comes before the end of arrivals.
 */
export function exerciseScenario(base: Scenario, def: ExerciseDefinition): Record<string, unknown> {
  if (!base.lifecycle) {
    throw new ApiError(
      422,
      `scenario "${base.name}" has no lifecycle section: an exercise needs appeals to dispatch`,
    );
  }
  const d = DIFFICULTY[def.difficulty];
  // Calls go to the dispatch seats only (review and callback seats take returns and callbacks).
  const dispatchers = def.seats.filter((s) => (def.roles?.[s] ?? 'dispatch') === 'dispatch').length;
  const share = Math.min(1, (dispatchers * d.perSeatHour) / meanPerHour(base));
  const plain = JSON.parse(JSON.stringify(base)) as Record<string, unknown> & {
    lifecycle: Record<string, unknown>;
  };
  const late = def.script.findIndex((i) => i.atHours >= base.hours);
  if (late >= 0)
    throw new ApiError(
      422,
      `script.${late}.atHours: ${def.script[late]?.atHours} h is at or after the end of the scenario's arrivals (${base.hours} h)`,
    );
  const scenario = {
    ...plain,
    name: `${base.name} · ${def.name}`,
    lifecycle: {
      ...plain.lifecycle,
      training: {
        seats: def.seats,
        share,
        holdMinutes: d.holdMinutes,
        ambiguity: d.ambiguity,
        ...(def.roles ? { roles: def.roles } : {}),
      },
    },
  };
  try {
    resolveScenario({ ...scenario, lifecycle: { ...scenario.lifecycle, injects: def.script } });
  } catch (err) {
    if (err instanceof ApiError)
      throw new ApiError(422, err.message.replaceAll('lifecycle.injects.', 'script.'));
    throw err;
  }
  return scenario;
}

interface ResultRow {
  run_id: string;
  exercise_id: string;
  seat: string;
  passed: number;
  finished_at: string;
  score_json: string;
}

export class Exercises {
  private readonly db: {
    insert: Database.Statement;
    update: Database.Statement;
    get: Database.Statement<[string], { id: string; definition_json: string; created_at: string }>;
    list: Database.Statement<[], { id: string; definition_json: string; created_at: string }>;
    link: Database.Statement;
    exerciseOf: Database.Statement<[string], { exercise_id: string }>;
    runs: Database.Statement<[], { run_id: string; exercise_id: string; started_at: string }>;
    saveResult: Database.Statement;
    resultsOf: Database.Statement<[string], ResultRow>;
    allResults: Database.Statement<[], ResultRow>;
  };

  constructor(
    db: Database.Database,
    private readonly manager: RunManager,
    private readonly codes: JoinCodes,
  ) {
    this.db = {
      insert: db.prepare('INSERT INTO exercises (id, name, definition_json, created_at) VALUES (?, ?, ?, ?)'),
      update: db.prepare('UPDATE exercises SET name = ?, definition_json = ? WHERE id = ?'),
      get: db.prepare('SELECT id, definition_json, created_at FROM exercises WHERE id = ?'),
      list: db.prepare(
        'SELECT id, definition_json, created_at FROM exercises ORDER BY created_at DESC, rowid DESC',
      ),
      link: db.prepare('INSERT INTO exercise_runs (run_id, exercise_id, started_at) VALUES (?, ?, ?)'),
      exerciseOf: db.prepare('SELECT exercise_id FROM exercise_runs WHERE run_id = ?'),
      runs: db.prepare('SELECT * FROM exercise_runs ORDER BY started_at DESC, rowid DESC'),
      saveResult: db.prepare(
        `INSERT INTO training_results (run_id, seat, exercise_id, passed, score_json, finished_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, seat) DO UPDATE SET passed = excluded.passed,
         score_json = excluded.score_json, finished_at = excluded.finished_at`,
      ),
      resultsOf: db.prepare('SELECT * FROM training_results WHERE seat = ? ORDER BY finished_at'),
      allResults: db.prepare('SELECT * FROM training_results ORDER BY finished_at, seat'),
    };
  }

  create(def: ExerciseDefinition): Exercise {
    // Validated now, so a saved exercise always starts.
    exerciseScenario(resolveScenario(def.scenario), def);
    const exercise: Exercise = { id: randomUUID().slice(0, 8), createdAt: new Date().toISOString(), ...def };
    this.db.insert.run(exercise.id, def.name, JSON.stringify(def), exercise.createdAt);
    return exercise;
  }

  /** Change a saved exercise (its next start uses the new definition; runs started keep theirs). */
  update(id: string, def: ExerciseDefinition): Exercise {
    const old = this.get(id);
    exerciseScenario(resolveScenario(def.scenario), def);
    this.db.update.run(def.name, JSON.stringify(def), id);
    return { id, createdAt: old.createdAt, ...def };
  }

  list(): Exercise[] {
    return this.db.list.all().map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      ...(JSON.parse(r.definition_json) as ExerciseDefinition),
    }));
  }

  get(id: string): Exercise {
    const r = this.db.get.get(id);
    if (!r) throw notFound(`exercise "${id}"`);
    return { id: r.id, createdAt: r.created_at, ...(JSON.parse(r.definition_json) as ExerciseDefinition) };
  }

  /** Start a run of the exercise, paused so the instructor can hand out the codes first. */
  async start(id: string): Promise<StartedExercise> {
    const exercise = this.get(id);
    const scenario = exerciseScenario(resolveScenario(exercise.scenario), exercise);
    const run = await this.manager.create({
      scenario,
      speed: DIFFICULTY[exercise.difficulty].speed,
      paused: true,
    });
    this.db.link.run(run.id, id, new Date().toISOString());
    // The run is paused: the script is in its schedule before any virtual time passes.
    for (const inject of exercise.script) await this.manager.schedule.add(run.id, inject);
    const codes = await Promise.all(
      exercise.seats.map(async (seat) => {
        const code = await this.codes.create({ role: 'trainee', runId: run.id, seat, ttlHours: 12 });
        return { seat, code: code.code };
      }),
    );
    return { exercise: id, run, codes };
  }

  /** Every exercise run started, newest first. */
  runs(): { runId: string; exerciseId: string; startedAt: string }[] {
    return this.db.runs
      .all()
      .map((r) => ({ runId: r.run_id, exerciseId: r.exercise_id, startedAt: r.started_at }));
  }

  /** The exercise a run belongs to, if any. */
  exerciseOfRun(runId: string): string | undefined {
    return this.db.exerciseOf.get(runId)?.exercise_id;
  }

  /** Keep every seat's score of an exercise run (called when the run ends; repeating it overwrites). */
  async recordResults(runId: string): Promise<void> {
    const exerciseId = this.exerciseOfRun(runId);
    if (!exerciseId) return;
    const seats = this.get(exerciseId).seats;
    const events = await this.manager.seatEvents(runId);
    const finishedAt = new Date().toISOString();
    for (const seat of seats) {
      const score = scoreSeat(events, seat);
      this.db.saveResult.run(
        runId,
        seat,
        exerciseId,
        score.passed ? 1 : 0,
        JSON.stringify(score),
        finishedAt,
      );
    }
  }

  /** A trainee's results across exercises, oldest first; every trainee's when `seat` is omitted. */
  results(seat?: string): TrainingResult[] {
    const rows = seat === undefined ? this.db.allResults.all() : this.db.resultsOf.all(seat);
    return rows.map((r) => ({
      runId: r.run_id,
      exerciseId: r.exercise_id,
      seat: r.seat,
      passed: r.passed === 1,
      finishedAt: r.finished_at,
      score: JSON.parse(r.score_json) as SeatScore,
    }));
  }

  /** The hot wash of one exercise run, live while it runs. */
  async hotWash(runId: string): Promise<HotWash> {
    const exerciseId = this.exerciseOfRun(runId);
    if (!exerciseId) throw notFound(`exercise run "${runId}"`);
    const exercise = this.get(exerciseId);
    const [run, events, injects] = await Promise.all([
      this.manager.info(runId),
      this.manager.seatEvents(runId),
      this.manager.schedule.fired(runId),
    ]);
    return {
      exercise,
      runId,
      status: run.status,
      injects,
      trainees: exercise.seats.map((seat) => {
        const score = scoreSeat(events, seat);
        const line = (i: SeatScore['items'][number]) =>
          i.id === 'time-to-decide'
            ? {
                zh: `${i.zh}：${i.value.toFixed(1)}（标准 ≤ ${i.threshold}）`,
                en: `${i.en}: ${i.value.toFixed(1)} (mark ≤ ${i.threshold})`,
              }
            : { zh: `${i.zh}：${i.met}/${i.cases}`, en: `${i.en}: ${i.met}/${i.cases}` };
        return {
          seat,
          passed: score.passed,
          decided: score.decided,
          correct: score.correct,
          strengths: score.items.filter((i) => i.passed && i.cases > 0).map(line),
          misses: [
            ...score.items.filter((i) => !i.passed).map(line),
            ...(score.timedOut > 0
              ? [
                  {
                    zh: `${score.timedOut} 件诉求未及时处置，由系统派单`,
                    en: `${score.timedOut} appeal(s) left to the model's dispatcher (not decided in time)`,
                  },
                ]
              : []),
          ],
          score,
        };
      }),
    };
  }
}
