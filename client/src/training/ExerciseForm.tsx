import {
  SEAT_ROLES,
  type Difficulty,
  type Exercise,
  type Inject,
  type ScenarioSummary,
  type SeatRole,
} from '@hotline-sim/shared';
import { useEffect, useState } from 'react';
import { api, errorText, trainingApi } from '../api';
import { Select } from '../components';
import { InjectFields, injectOf } from '../controls/InjectFields';
import { exerciseCity } from './exercise-city';
import { useI18n } from '../i18n';
import { DIFFICULTY_LABELS } from './format';
import { ROLE_LABELS } from './library/roles';

/** Goals one a line, `中文 | English`; the number of the first line without both halves, if any. */
function goalList(text: string): { zh: string; en: string }[] | number {
  const goals: { zh: string; en: string }[] = [];
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  for (const [n, line] of lines.entries()) {
    const [zh = '', en = ''] = line.split('|').map((part) => part.trim());
    if (!zh || !en) return n + 1;
    goals.push({ zh, en });
  }
  return goals;
}

const seatList = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The form for a new exercise, or for changing a saved one (`editing`: its next start uses the change;
 * a copy of a built-in is edited here too): name, scenario, difficulty, seats with their roles, script.
 * Learning goals are written one a line, Chinese | English.
 */
export function ExerciseForm({
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
  const [roles, setRoles] = useState<Record<string, SeatRole>>(editing?.roles ?? {});
  const [script, setScript] = useState<Inject[]>(editing?.script ?? []);
  const [goals, setGoals] = useState((editing?.goals ?? []).map((g) => `${g.zh} | ${g.en}`).join('\n'));
  const [busy, setBusy] = useState(false);
  // The script's districts are those of the exercise's city, not of the run the page follows.
  const cityKey = exerciseCity(scenario, scenarios) ?? null;

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
    const goalsOf = goalList(goals);
    if (typeof goalsOf === 'number') {
      onError(t('libGoalsBad', { n: goalsOf }));
      return;
    }
    setBusy(true);
    try {
      const named = seatList(seats);
      const def = {
        name: name.trim(),
        scenario,
        difficulty,
        seats: named,
        roles: Object.fromEntries(named.map((s) => [s, roles[s] ?? 'dispatch'])),
        goals: goalsOf,
        script,
      };
      if (editing) await trainingApi.updateExercise(editing.id, def);
      else await trainingApi.createExercise(def);
      setName('');
      onSaved();
    } catch (err) {
      onError(errorText(err));
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
          <Select
            value={scenario}
            choices={scenarios.map((s) => ({ value: s.name, label: s.name }))}
            onChange={setScenario}
            testid="ex-scenario"
          />
        ) : (
          <strong>{String(scenario.name ?? '')}</strong>
        )}
      </label>{' '}
      <label>
        {t('exDifficulty')}{' '}
        <Select<Difficulty>
          value={difficulty}
          choices={(Object.keys(DIFFICULTY_LABELS) as Difficulty[]).map((d) => ({
            value: d,
            label: t(DIFFICULTY_LABELS[d]),
          }))}
          onChange={setDifficulty}
          testid="ex-difficulty"
        />
      </label>
      <p>
        <label>
          {t('exSeats')}{' '}
          <input value={seats} onChange={(e) => setSeats(e.target.value)} data-testid="ex-seats" />
        </label>
      </p>
      <p className="small">
        {seatList(seats).map((s) => (
          <label key={s}>
            {s}{' '}
            <Select<SeatRole>
              value={roles[s] ?? 'dispatch'}
              choices={SEAT_ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
              onChange={(r) => setRoles({ ...roles, [s]: r })}
              testid={`ex-role-${s}`}
            />{' '}
          </label>
        ))}
      </p>
      <p>
        <label>
          {t('libGoalsField')}
          <br />
          <textarea
            value={goals}
            rows={3}
            cols={72}
            placeholder={t('libGoalsHint')}
            onChange={(e) => setGoals(e.target.value)}
            data-testid="ex-goals"
          />
        </label>
      </p>
      <fieldset>
        <legend>{t('exScript')}</legend>
        {script.map((inject, n) => (
          <div key={n}>
            <InjectFields
              inject={inject}
              city={cityKey}
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
