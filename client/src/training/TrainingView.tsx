import { useState } from 'react';
import { InstructorConsole } from './InstructorConsole';
import { ReviewView } from './ReviewView';
import { useI18n } from '../i18n';

type Tab = 'console' | 'review';

/** The instructor's "Training / 培训" view: the console and the after-action review. */
export default function TrainingView() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('console');
  const [runId, setRunId] = useState<string | null>(
    () => new URLSearchParams(window.location.search).get('exerciseRun') ?? null,
  );
  return (
    <main id="main" className="training">
      <h2 className="training-sr-only">{t('consoleTitle')}</h2>
      <div role="tablist" aria-label={t('consoleTitle')} className="tabs">
        {(['console', 'review'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            data-testid={`training-tab-${k}`}
          >
            {t(k === 'console' ? 'consoleTabConsole' : 'consoleTabReview')}
          </button>
        ))}
      </div>
      {tab === 'console' ? (
        <InstructorConsole runId={runId} onRun={setRunId} />
      ) : (
        <ReviewView runId={runId} onRun={setRunId} />
      )}
    </main>
  );
}
