import type { Inject, RunInfo, ScenarioSummary } from '@hotline-sim/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, trainingApi } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { InjectFields, injectOf } from '../controls/InjectFields';
import { ExerciseRunSelect, useExerciseRuns } from './ExerciseRunSelect';
import { ScheduleEditor } from './ScheduleEditor';
import { SeatPanel } from './SeatPanel';
import type { Difficulty, Exercise, SeatSummary, StartedExercise } from '@hotline-sim/shared';
import { vclock } from './format';

const DIFFICULTIES: Record<Difficulty, MessageKey> = {
  beginner: 'diffBeginner',
  intermediate: 'diffIntermediate',
  advanced: 'diffAdvanced',
};

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The instructor's console: create and save exercises (scenario, difficulty, seats, a script of
 * injects), start one and hand out the join codes, then run it: every seat at a glance, pause,
 * resume, speed, injects (fired now, or the script to come edited), messages, and any seat watched live.
 */
export function InstructorConsole({
  runId,
  onRun,
}: {
  runId: string | null;
  onRun(id: string | null): void;
}) {
  const { t } = useI18n();
  const [exercises, setExercises] = useState<Exercise[]>([]);
  const [started, setStarted] = useState<StartedExercise | null>(null);
  const [editing, setEditing] = useState<Exercise | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { runs, reload } = useExerciseRuns();

  const load = useCallback(() => {
    trainingApi.exercises().then(setExercises, (err: unknown) => setError(errText(err)));
  }, []);
  useEffect(load, [load]);

  const start = async (id: string) => {
    try {
      const s = await trainingApi.startExercise(id);
      setStarted(s);
      onRun(s.run.id);
      reload();
    } catch (err) {
      setError(errText(err));
    }
  };

  return (
    <div className="training-console" data-testid="instructor-console">
      {error && (
        <p className="error" role="alert">
          {t('errorPrefix', { message: error })}
        </p>
      )}
      <div className="training-grid">
        <NewExercise
          key={editing?.id ?? 'new'}
          editing={editing}
          onSaved={() => {
            setEditing(null);
            load();
          }}
          onCancel={() => setEditing(null)}
          onError={setError}
        />
        <section className="panel">
          <h2>{t('exSaved')}</h2>
          {exercises.length === 0 ? (
            <p className="muted">{t('exNone')}</p>
          ) : (
            <ul className="training-list" data-testid="exercises">
              {exercises.map((e) => (
                <li key={e.id} data-testid="exercise" data-exercise-id={e.id}>
                  <strong>{e.name}</strong>{' '}
                  <span className="muted small">
                    {typeof e.scenario === 'string' ? e.scenario : String(e.scenario.name ?? '')} ·{' '}
                    {t(DIFFICULTIES[e.difficulty])} · {e.seats.join(', ')} · {e.script.length}
                  </span>{' '}
                  <button type="button" onClick={() => void start(e.id)} data-testid="exercise-start">
                    {t('exStart')}
                  </button>{' '}
                  <button
                    type="button"
                    aria-pressed={editing?.id === e.id}
                    onClick={() => setEditing(e)}
                    data-testid="exercise-edit"
                  >
                    {t('schedEdit')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {started && (
            <div data-testid="join-codes">
              <h3>{t('exCodes')}</h3>
              <ul>
                {started.codes.map((c) => (
                  <li key={c.seat}>
                    {c.seat}:{' '}
                    <code className="mono" data-testid={`code-${c.seat}`}>
                      {c.code}
                    </code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ExerciseRunSelect runId={runId} onRun={onRun} runs={runs} reload={reload} testid="console-run" />
        </section>
      </div>
      {runId && <RunningExercise runId={runId} />}
    </div>
  );
}

/** The form for a new exercise, or for changing a saved one (`editing`: its next start uses the change). */
function NewExercise({
  editing,
  onSaved,
  onCancel,
  onError,
}: {
  editing: Exercise | null;
  onSaved(): void;
  onCancel(): void;
  onError(message: string): void;
}) {
  const { t } = useI18n();
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [name, setName] = useState(editing?.name ?? '');
  const [scenario, setScenario] = useState<string | Record<string, unknown>>(editing?.scenario ?? '');
  const [difficulty, setDifficulty] = useState<Difficulty>(editing?.difficulty ?? 'intermediate');
  const [seats, setSeats] = useState(editing ? editing.seats.join(', ') : 'T1, T2');
  const [script, setScript] = useState<Inject[]>(editing?.script ?? []);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.scenarios().then(
      (all) => {
        const usable = all.filter((s) => s.lifecycle);
        setScenarios(usable);
        setScenario((s) => s || (usable[0]?.name ?? ''));
      },
      () => undefined,
    );
  }, []);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const def = {
        name: name.trim(),
        scenario,
        difficulty,
        seats: seats
          .split(/[,\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        script,
      };
      if (editing) await trainingApi.updateExercise(editing.id, def);
      else await trainingApi.createExercise(def);
      setName('');
      onSaved();
    } catch (err) {
      onError(errText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel training-form" onSubmit={(e) => void save(e)} data-testid="new-exercise">
      <h2>{editing ? t('exEditing', { name: editing.name }) : t('exNew')}</h2>
      <label>
        {t('exName')}{' '}
        <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="ex-name" />
      </label>{' '}
      <label>
        {t('exScenario')}{' '}
        {typeof scenario === 'string' ? (
          <select value={scenario} onChange={(e) => setScenario(e.target.value)} data-testid="ex-scenario">
            {scenarios.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        ) : (
          <strong>{String(scenario.name ?? '')}</strong>
        )}
      </label>{' '}
      <label>
        {t('exDifficulty')}{' '}
        <select
          value={difficulty}
          onChange={(e) => setDifficulty(e.target.value as Difficulty)}
          data-testid="ex-difficulty"
        >
          {(Object.keys(DIFFICULTIES) as Difficulty[]).map((d) => (
            <option key={d} value={d}>
              {t(DIFFICULTIES[d])}
            </option>
          ))}
        </select>
      </label>
      <p>
        <label>
          {t('exSeats')}{' '}
          <input value={seats} onChange={(e) => setSeats(e.target.value)} data-testid="ex-seats" />
        </label>
      </p>
      <fieldset>
        <legend>{t('exScript')}</legend>
        {script.map((inject, n) => (
          <div key={n}>
            <InjectFields
              inject={inject}
              withHour
              testid={`script-${n}`}
              onChange={(next) => setScript(script.map((x, i) => (i === n ? next : x)))}
            />{' '}
            <button type="button" onClick={() => setScript(script.filter((_, i) => i !== n))}>
              {t('exRemove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setScript([...script, injectOf('surge', 1)])}
          data-testid="script-add"
        >
          {t('exAddInject')}
        </button>
      </fieldset>
      <button
        type="submit"
        className="primary"
        disabled={busy || !name.trim() || !scenario}
        data-testid="ex-create"
      >
        {editing ? t('exSaveChanges') : t('exCreate')}
      </button>
      {editing && (
        <>
          {' '}
          <button type="button" onClick={onCancel}>
            {t('schedCancel')}
          </button>
        </>
      )}
    </form>
  );
}

function RunningExercise({ runId }: { runId: string }) {
  const { t, fmt } = useI18n();
  const [run, setRun] = useState<RunInfo | null>(null);
  const [seats, setSeats] = useState<SeatSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [watch, setWatch] = useState<string | null>(null);
  const [speed, setSpeed] = useState('60');
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState<string | null>(null);

  const poll = useCallback(() => {
    api.run(runId).then(setRun, (err: unknown) => setError(errText(err)));
    trainingApi.seats(runId).then(
      (s) => {
        setSeats(s);
        setError(null);
      },
      (err: unknown) => setError(errText(err)),
    );
  }, [runId]);
  useEffect(() => {
    poll();
    const timer = window.setInterval(poll, 2000);
    return () => window.clearInterval(timer);
  }, [poll]);

  const act = async (what: () => Promise<unknown>, done?: string) => {
    try {
      await what();
      if (done) setNote(done);
      poll();
    } catch (err) {
      setError(errText(err));
    }
  };

  const ended = run?.status === 'finished' || run?.status === 'stopped';
  return (
    <section className="panel" data-testid="running-exercise">
      <div className="panel-head">
        <h2>{t('exRunning', { run: runId.slice(0, 8) })}</h2>
        {run && (
          <span data-testid="console-status">
            {t(
              run.status === 'running'
                ? 'statusRunning'
                : run.status === 'paused'
                  ? 'statusPaused'
                  : run.status === 'finished'
                    ? 'statusFinished'
                    : 'statusStopped',
            )}{' '}
            · {vclock(run.virtualTime)} · {t('speedValue', { x: fmt.number(run.speed) })}
          </span>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {t('errorPrefix', { message: error })}
        </p>
      )}
      {note && (
        <p className="muted" role="status" data-testid="console-note">
          {note}
        </p>
      )}
      {!ended && (
        <div className="controls">
          <button
            type="button"
            onClick={() => void act(() => api.resume(runId))}
            data-testid="console-resume"
          >
            {t('resume')}
          </button>
          <button type="button" onClick={() => void act(() => api.pause(runId))} data-testid="console-pause">
            {t('pause')}
          </button>
          <button type="button" onClick={() => void act(() => api.stop(runId))} data-testid="console-stop">
            {t('stop')}
          </button>
          <label>
            {t('speed')}{' '}
            <input
              type="number"
              min={0.5}
              max={10000}
              value={speed}
              onChange={(e) => setSpeed(e.target.value)}
              style={{ width: '6em' }}
              data-testid="console-speed"
            />
          </label>
          <button
            type="button"
            onClick={() => void act(() => api.speed(runId, Number(speed)))}
            data-testid="console-speed-set"
          >
            ✓
          </button>
        </div>
      )}
      <table className="training-table" data-testid="seats-glance">
        <thead>
          <tr>
            <th>{t('colSeat')}</th>
            <th>{t('colWaiting')}</th>
            <th>{t('colDecided')}</th>
            <th>{t('colTimedOut')}</th>
            <th>{t('colAccuracy')}</th>
            <th>{t('colMeanMinutes')}</th>
            <th>{t('colPassed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {seats.map((s) => (
            <tr key={s.seat} data-testid={`glance-${s.seat}`}>
              <td>{s.seat}</td>
              <td className="num">{s.waiting}</td>
              <td className="num" data-testid="glance-decided">
                {s.decided}
              </td>
              <td className="num">{s.timedOut}</td>
              <td className="num">{s.accuracy === null ? '—' : fmt.percent(s.accuracy, 0)}</td>
              <td className="num">
                {s.meanMinutesToDecide === null ? '—' : fmt.number(s.meanMinutesToDecide, 1)}
              </td>
              <td>{s.passed ? '✓' : '✗'}</td>
              <td>
                <button
                  type="button"
                  aria-pressed={watch === s.seat}
                  onClick={() => setWatch(watch === s.seat ? null : s.seat)}
                  data-testid={`watch-${s.seat}`}
                >
                  {t('watch')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {run && <ScheduleEditor runId={runId} virtualTime={run.virtualTime} ended={ended} />}
      <form
        className="training-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          void act(() => trainingApi.message(runId, text.trim(), to || undefined), t('msgSent')).then(() =>
            setText(''),
          );
        }}
        data-testid="console-message"
      >
        <strong>{t('msgTitle')}</strong>{' '}
        <label>
          {t('msgTo')}{' '}
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="message-to">
            <option value="">{t('msgAll')}</option>
            {seats.map((s) => (
              <option key={s.seat} value={s.seat}>
                {s.seat}
              </option>
            ))}
          </select>
        </label>{' '}
        <input
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('msgTitle')}
          data-testid="message-text"
        />{' '}
        <button type="submit" data-testid="message-send">
          {t('msgSend')}
        </button>
      </form>
      {watch && <SeatPanel runId={runId} seat={watch} ended={ended} />}
    </section>
  );
}
