import type { RunInfo } from '@hotline-sim/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, trainingApi } from '../api';
import { useI18n } from '../i18n';

/** Runs that are exercises (the server keeps which runs each exercise started). */
export function useExerciseRuns(): { runs: RunInfo[]; reload(): void } {
  const [runs, setRuns] = useState<RunInfo[]>([]);
  const reload = useCallback(() => {
    Promise.all([api.runs(), trainingApi.exerciseRuns()]).then(
      ([all, exerciseRuns]) => {
        const ids = new Set(exerciseRuns.map((r) => r.runId));
        setRuns(all.filter((r) => ids.has(r.id)));
      },
      () => undefined,
    );
  }, []);
  useEffect(reload, [reload]);
  return { runs, reload };
}

/** Pick an exercise run (the console's and the review's); the list is read again on focus. */
export function ExerciseRunSelect({
  runId,
  onRun,
  runs,
  reload,
  testid,
}: {
  runId: string | null;
  onRun(id: string | null): void;
  runs: RunInfo[];
  reload(): void;
  testid: string;
}) {
  const { t } = useI18n();
  return (
    <label>
      {t('reviewRun')}{' '}
      <select
        value={runId ?? ''}
        onChange={(e) => onRun(e.target.value || null)}
        onFocus={reload}
        data-testid={testid}
      >
        <option value="">—</option>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {r.scenario} ({r.id.slice(0, 8)}, {r.status})
          </option>
        ))}
        {runId && !runs.some((r) => r.id === runId) && <option value={runId}>{runId}</option>}
      </select>
    </label>
  );
}
