import type { RunInfo } from '@hotline-sim/shared';
import { useEffect, useState } from 'react';
import type { Lesson, RunLesson } from '@hotline-sim/shared';
import { errorText, lessonsApi } from '../api';
import { ErrorNote } from '../components';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { LessonList } from './LessonList';
import { PresenterView, type CityProps } from './PresenterView';
import { useFollowNewestLesson, useLessonPosition } from './use-lesson-position';
import { usePresenter } from './use-presenter';
import { useStepKeys } from './use-step-keys';
import './lessons.css';

/** Which lesson the instructor presents, from which step, and up to which step it has already run. */
interface Presenting {
  id: string;
  startAt: number;
  ranUpTo: number;
}

/**
 * "Lessons · 课程": the instructor picks a lesson and presents it; everyone else (and the instructor
 * when not presenting) follows the lesson of the run being shown, read-only.
 */
export default function LessonsView({ follow, ...city }: CityProps & { follow(run: RunInfo): void }) {
  const session = useSession();
  const canPresent = session?.role === 'instructor';
  const runId = city.selection.kind === 'run' ? city.selection.runId : null;
  const position = useLessonPosition(runId);
  const [presenting, setPresenting] = useState<Presenting | null>(null);
  useFollowNewestLesson(runId, !presenting, follow);

  if (presenting)
    return (
      <LessonLoader id={presenting.id}>
        {(lesson) => (
          <PresentingLesson
            lesson={lesson}
            at={presenting}
            runId={runId}
            follow={follow}
            city={city}
            onExit={() => setPresenting(null)}
          />
        )}
      </LessonLoader>
    );
  if (!canPresent && position)
    return (
      <LessonLoader id={position.lessonId}>
        {(lesson) => (
          <PresenterView
            lesson={lesson}
            step={Math.min(position.step, lesson.steps.length - 1)}
            runId={runId}
            city={city}
            following
          />
        )}
      </LessonLoader>
    );
  return (
    <LessonList
      canPresent={canPresent}
      position={position}
      onPresent={(id, at?: NonNullable<RunLesson>) =>
        setPresenting({ id, startAt: at?.step ?? 0, ranUpTo: at ? at.step : -1 })
      }
      onMessage={city.onMessage}
    />
  );
}

function PresentingLesson({
  lesson,
  at,
  runId,
  follow,
  city,
  onExit,
}: {
  lesson: Lesson;
  at: Presenting;
  runId: string | null;
  follow(run: RunInfo): void;
  city: CityProps;
  onExit(): void;
}) {
  const presenter = usePresenter(lesson, runId, follow, at.startAt, at.ranUpTo);
  useStepKeys(presenter.move);
  return (
    <PresenterView
      lesson={lesson}
      step={presenter.step}
      runId={runId}
      city={city}
      move={presenter.move}
      busy={presenter.busy}
      error={presenter.error}
      onExit={onExit}
    />
  );
}

/** Fetch one lesson, then render it (a note while loading, an error with a retry). */
function LessonLoader({ id, children }: { id: string; children(lesson: Lesson): React.ReactNode }) {
  const { t } = useI18n();
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    lessonsApi.lesson(id).then(
      (l) => live && setLesson(l),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [id, attempt]);
  if (error)
    return (
      <main id="main" className="centre">
        <ErrorNote
          message={t('errorPrefix', { message: error })}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      </main>
    );
  if (!lesson || lesson.id !== id)
    return (
      <main id="main" className="centre">
        <p className="note">{t('loading')}</p>
      </main>
    );
  return <>{children(lesson)}</>;
}
