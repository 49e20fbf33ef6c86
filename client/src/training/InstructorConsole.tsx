import type { Exercise, StartedExercise } from '@hotline-sim/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorText, trainingApi } from '../api';
import { ErrorNote } from '../components';
import { useI18n } from '../i18n';
import { ExerciseForm } from './ExerciseForm';
import { ExerciseRunSelect, useExerciseRuns } from './ExerciseRunSelect';
import { DIFFICULTY_LABELS } from './format';
import { LibraryPanel } from './library/LibraryPanel';
import { RunningExercise } from './RunningExercise';

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
    trainingApi.exercises().then(setExercises, (err: unknown) => setError(errorText(err)));
  }, []);
  useEffect(load, [load]);

  const start = async (id: string) => {
    try {
      const s = await trainingApi.startExercise(id);
      setStarted(s);
      onRun(s.run.id);
      reload();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div className="training-console" data-testid="instructor-console">
      {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
      <LibraryPanel
        onStart={(id) => void start(id)}
        onCopied={(copy) => {
          setEditing(copy);
          load();
        }}
        onError={setError}
      />
      <div className="training-grid">
        <ExerciseForm
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
                    {t(DIFFICULTY_LABELS[e.difficulty])} · {e.seats.join(', ')} · {e.script.length}
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
