import { useState } from 'react';
import type { Bilingual, LessonAnswer } from '@hotline-sim/shared';
import { errorText, lessonsApi } from '../api';
import { ErrorNote } from '../components';
import { useI18n } from '../i18n';

/**
 * A step's question for the class; the presenter reveals the answer, computed by the server from the
 * run's own figures at the moments the steps were shown.
 */
export function QuestionBox({
  lessonId,
  runId,
  step,
  question,
  canReveal,
}: {
  lessonId: string;
  runId: string | null;
  step: number;
  question: Bilingual;
  canReveal: boolean;
}) {
  const { t, pick, fmt } = useI18n();
  const [answer, setAnswer] = useState<LessonAnswer | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'missing' | { error: string }>('idle');

  const reveal = async () => {
    if (!runId) return;
    setState('loading');
    try {
      const found = (await lessonsApi.answers(lessonId, runId)).find((a) => a.step === step);
      setAnswer(found ?? null);
      setState(found ? 'idle' : 'missing');
    } catch (err) {
      setState({ error: errorText(err) });
    }
  };

  return (
    <section
      className="lesson-question"
      aria-labelledby="lesson-question-title"
      data-testid="lesson-question"
    >
      <h3 id="lesson-question-title">{t('lessonQuestion')}</h3>
      <p>{pick(question)}</p>
      {answer ? (
        <p className="lesson-answer" data-testid="lesson-answer" data-answer={answer.answer}>
          <strong>
            {t('lessonAnswer')}: {fmt.number(answer.answer, 1)} {answer.unit}
          </strong>{' '}
          {pick(answer.text)}
        </p>
      ) : (
        canReveal && (
          <button
            type="button"
            className="primary"
            onClick={() => void reveal()}
            disabled={!runId || state === 'loading'}
            data-testid="lesson-reveal"
          >
            {t('lessonReveal')}
          </button>
        )
      )}
      {state === 'missing' && <p className="note">{t('lessonAnswerMissing')}</p>}
      {typeof state === 'object' && <ErrorNote message={t('errorPrefix', { message: state.error })} />}
    </section>
  );
}
