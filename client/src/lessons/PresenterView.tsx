import { lazy, Suspense, type ReactNode } from 'react';
import type { Lesson } from '@hotline-sim/shared';
import { lessonsApi } from '../api';
import { ErrorNote } from '../components';
import { useI18n } from '../i18n';
import { LiveView } from '../app/LiveView';
import type { Selection } from '../app/use-run-selection';
import { focusPanel, focusPlace } from './lesson-steps';
import { QuestionBox } from './QuestionBox';

const CompareView = lazy(() => import('../compare/CompareView'));

/** What the live city beside the narration needs (LiveView's own props). */
export interface CityProps {
  selection: Selection;
  onNewRun(): void;
  onOpenAppeal(id: number): void;
  onMessage(message: string, error?: boolean): void;
}

/**
 * A lesson on the projector: the step's narration in large type beside the live city, whose panel
 * the step points at is outlined. The presenter gets the buttons (`move`); a follower reads along.
 */
export function PresenterView({
  lesson,
  step,
  runId,
  city,
  move,
  busy = false,
  error = null,
  onExit,
  following = false,
}: {
  lesson: Lesson;
  step: number;
  runId: string | null;
  city: CityProps;
  /** Next/previous; absent for a follower. */
  move?: (by: number) => void;
  busy?: boolean;
  error?: string | null;
  /** Back to the list; absent for a follower (who leaves through the header's views). */
  onExit?(): void;
  following?: boolean;
}) {
  const { t, pick, lang } = useI18n();
  const current = lesson.steps[step];
  const total = lesson.steps.length;
  return (
    <div className="presenter" data-testid="presenter" data-step={step} data-lesson={lesson.id}>
      <aside className="narration" aria-labelledby="lesson-title" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <header className="narration-head">
          <h2 id="lesson-title">{pick(lesson.title)}</h2>
          <p className="step-counter" data-testid="step-counter">
            {t('lessonStepCounter', { n: step + 1, total })}
          </p>
          {following && (
            <p className="muted" data-testid="lesson-following">
              {t('lessonFollowing')}
            </p>
          )}
        </header>
        <div className="narration-body" data-testid="narration" aria-live={following ? 'polite' : undefined}>
          {current ? paragraphs(pick(current.narration)) : null}
        </div>
        {current?.question && (
          <QuestionBox
            key={`${lesson.id}:${step}`}
            lessonId={lesson.id}
            runId={runId}
            step={step}
            question={current.question}
            canReveal={!following}
          />
        )}
        {busy && <p className="note">{t('lessonWorking')}</p>}
        {error && <ErrorNote message={error} />}
        <footer className="narration-foot">
          {move && (
            <div className="step-buttons">
              <button
                type="button"
                onClick={() => move(-1)}
                disabled={busy || step === 0}
                data-testid="lesson-prev"
              >
                ← {t('lessonPrev')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => move(1)}
                disabled={busy || step >= total - 1}
                data-testid="lesson-next"
              >
                {step >= total - 1 ? t('lessonEnd') : `${t('lessonNext')} →`}
              </button>
            </div>
          )}
          {move && <p className="muted small">{t('lessonKeysHelp')}</p>}
          <p className="narration-links">
            {runId && (
              <a
                href={lessonsApi.worksheetUrl(lesson.id, runId, lang)}
                download
                data-testid="lesson-worksheet"
              >
                {t('lessonWorksheet')}
              </a>
            )}
            {onExit && (
              <button type="button" onClick={onExit} data-testid="lesson-exit">
                {t('lessonExit')}
              </button>
            )}
          </p>
        </footer>
      </aside>
      {/* A step about "why did it move" or the three cities shows the Compare view instead of the city. */}
      {focusPanel(current?.focus) === 'compare' || focusPanel(current?.focus) === 'cities' ? (
        <Suspense fallback={<p className="note">{t('loading')}</p>}>
          <CompareView
            key={focusPanel(current?.focus)}
            initialMode={focusPanel(current?.focus) === 'cities' ? 'cities' : 'two'}
          />
        </Suspense>
      ) : (
        <LiveView {...city} focus={focusPanel(current?.focus)} place={focusPlace(current?.focus)} />
      )}
    </div>
  );
}

/** Narration as written: blank lines part paragraphs. */
function paragraphs(text: string): ReactNode {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p, i) => <p key={i}>{p}</p>);
}
