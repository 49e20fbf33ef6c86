import { useEffect, useState } from 'react';
import type { LessonSummary, RunLesson } from '@hotline-sim/shared';
import { errorText, lessonsApi } from '../api';
import { EmptyNote, ErrorNote } from '../components';
import { useI18n } from '../i18n';
import { LessonUpload } from './LessonUpload';

/**
 * The lessons to present (instructor) or to wait for (everyone else), with the instructor's upload
 * and, when the followed run is already being taught, a way back into that lesson.
 */
export function LessonList({
  canPresent,
  position,
  onPresent,
  onMessage,
}: {
  canPresent: boolean;
  position: RunLesson | undefined;
  onPresent(id: string, at?: NonNullable<RunLesson>): void;
  onMessage(message: string): void;
}) {
  const { t, pick } = useI18n();
  const [lessons, setLessons] = useState<LessonSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    lessonsApi.list().then(
      (list) => live && setLessons(list),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const load = () => {
    setError(null);
    setAttempt((n) => n + 1);
  };

  const taught = position ? lessons?.find((l) => l.id === position.lessonId) : undefined;
  return (
    <main id="main" className="lessons" data-testid="lessons">
      <header className="lessons-head">
        <h2>{t('lessonsTitle')}</h2>
        {canPresent && (
          <LessonUpload
            onUploaded={(id) => {
              onMessage(t('lessonUploaded', { id }));
              load();
            }}
          />
        )}
      </header>
      {!canPresent && <p className="note">{t('lessonFollowNote')}</p>}
      {canPresent && position && taught && (
        <div className="note empty" data-testid="lesson-continue">
          <p>{t('lessonContinueNote', { step: position.step + 1, title: pick(taught.title) })}</p>
          <button type="button" className="primary" onClick={() => onPresent(taught.id, position)}>
            {t('lessonContinue')}
          </button>
        </div>
      )}
      {error ? (
        <ErrorNote message={t('lessonsError', { message: error })} onRetry={load} />
      ) : !lessons ? (
        <p className="note">{t('loading')}</p>
      ) : lessons.length === 0 ? (
        <EmptyNote title={t('lessonsEmptyTitle')}>
          <p>{canPresent ? t('lessonsEmptyBody') : t('lessonsEmptyObserver')}</p>
        </EmptyNote>
      ) : (
        <ol className="lesson-list">
          {lessons.map((l) => (
            <li key={l.id} data-testid="lesson-item" data-lesson-id={l.id}>
              <span className="lesson-name">{pick(l.title)}</span>
              <span className="muted">{t('lessonStepCount', { n: l.steps })}</span>
              {canPresent && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => onPresent(l.id)}
                  data-testid="lesson-present"
                >
                  {t('lessonPresent')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
