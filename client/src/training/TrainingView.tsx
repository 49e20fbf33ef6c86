import { useState } from 'react';
import { InstructorConsole } from './InstructorConsole';
import { useTrainingT } from './messages';
import { ReviewView } from './ReviewView';

type Tab = 'console' | 'review';

/** The instructor's "Training / 培训" view: the console and the after-action review. */
export default function TrainingView() {
  const tt = useTrainingT();
  const [tab, setTab] = useState<Tab>('console');
  const [runId, setRunId] = useState<string | null>(
    () => new URLSearchParams(window.location.search).get('exerciseRun') ?? null,
  );
  return (
    <main id="main" className="training">
      <h2 className="training-sr-only">{tt('consoleTitle')}</h2>
      <div role="tablist" aria-label={tt('consoleTitle')} className="tabs">
        {(['console', 'review'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            data-testid={`training-tab-${k}`}
          >
            {tt(k === 'console' ? 'consoleTabConsole' : 'consoleTabReview')}
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
