import { useState } from 'react';
import { InstructorConsole } from './InstructorConsole';
import { ProgressView } from './library/ProgressView';
import { ReviewView } from './ReviewView';
import { useI18n, type MessageKey } from '../i18n';

type Tab = 'console' | 'review' | 'progress';

const TAB_LABELS: Record<Tab, MessageKey> = {
  console: 'consoleTabConsole',
  review: 'consoleTabReview',
  progress: 'progTab',
};

/** The instructor's "Training / 培训" view: the console (with the library), the after-action review, trainees' progress. */
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
        {(['console', 'review', 'progress'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            data-testid={`training-tab-${k}`}
          >
            {t(TAB_LABELS[k])}
          </button>
        ))}
      </div>
      {tab === 'console' && <InstructorConsole runId={runId} onRun={setRunId} />}
      {tab === 'review' && <ReviewView runId={runId} onRun={setRunId} />}
      {tab === 'progress' && <ProgressView />}
    </main>
  );
}
