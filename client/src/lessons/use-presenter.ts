import type { RunInfo } from '@hotline-sim/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lesson } from '@hotline-sim/shared';
import { errorText, lessonsApi } from '../api';
import { useI18n } from '../i18n';
import { moveStep } from './lesson-steps';
import { NoRunError, runStepActions } from './run-step';

export interface Presenter {
  step: number;
  /** A step's actions are under way: moving waits for them. */
  busy: boolean;
  error: string | null;
  move(by: number): void;
}

/**
 * The instructor's side of a lesson: entering a step the first time runs its actions (so going
 * back and forth never starts a scenario twice), then tells the room which step the class is at.
 * `ranUpTo`: the last step whose actions have already run (when continuing a presentation).
 */
export function usePresenter(
  lesson: Lesson,
  runId: string | null,
  follow: (run: RunInfo) => void,
  startAt: number,
  ranUpTo: number,
): Presenter {
  const { t } = useI18n();
  const [step, setStep] = useState(startAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ran = useRef(ranUpTo);
  const run = useRef(runId);
  const entered = useRef(false);
  useEffect(() => {
    run.current = runId;
  }, [runId]);

  const enter = useCallback(
    async (next: number) => {
      setStep(next);
      setError(null);
      try {
        if (next > ran.current) {
          ran.current = next;
          setBusy(true);
          const done = await runStepActions(lesson.steps[next]?.run, run.current);
          run.current = done.runId;
          if (done.started) follow(done.started);
        }
        if (run.current) await lessonsApi.present(lesson.id, run.current, next);
      } catch (err) {
        setError(
          err instanceof NoRunError ? t('lessonNoRun') : t('errorPrefix', { message: errorText(err) }),
        );
      } finally {
        setBusy(false);
      }
    },
    [lesson, follow, t],
  );

  // The first step is entered once (StrictMode runs effects twice; refs survive that).
  useEffect(() => {
    if (entered.current) return;
    entered.current = true;
    void enter(startAt);
  }, [enter, startAt]);

  const move = useCallback(
    (by: number) => {
      if (busy) return;
      const next = moveStep(step, by, lesson.steps.length);
      if (next !== step) void enter(next);
    },
    [busy, step, lesson.steps.length, enter],
  );

  return { step, busy, error, move };
}
