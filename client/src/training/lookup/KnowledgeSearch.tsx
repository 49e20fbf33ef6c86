import { useState } from 'react';
import { lookupApi } from '../../api';
import { ErrorNote, SearchField } from '../../components';
import { useI18n } from '../../i18n';
import { useLookup } from './use-lookup';

/**
 * The 知识库 search: the caller's question in, entries out (title, how callers ask it, the answer,
 * the responsible unit and its hours); "answer with this entry" picks the entry for the decision.
 */
export function KnowledgeSearch({
  runId,
  picked,
  onPickEntry,
}: {
  runId: string;
  /** The entry the decision carries now, if any. */
  picked: string | null;
  onPickEntry(id: string): void;
}) {
  const { t, pick, lang } = useI18n();
  const [q, setQ] = useState('');
  const { result, error } = useLookup(q, (signal) => lookupApi.knowledge(runId, q, signal));
  return (
    <div className="lookup-search" data-testid="lookup-knowledge">
      <SearchField label={t('lookupKnowledgeSearch')} value={q} onChange={setQ} testid="lookup-knowledge-q" />
      {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
      {result && <p className="muted small">{pick(result.notice)}</p>}
      {result && result.entries.length === 0 && <p className="muted">{t('lookupNoEntries')}</p>}
      {result && result.entries.length > 0 && (
        <ul className="lookup-rows" data-testid="lookup-entries">
          {result.entries.map((e) => (
            <li key={e.id} data-testid="lookup-entry" data-entry={e.id}>
              <details>
                <summary>
                  <strong>{pick(e.title)}</strong> <span className="muted small">{pick(e.categoryName)}</span>
                </summary>
                <p className="muted small">
                  {t('lookupAsked')}: {(lang === 'zh' ? e.questions.zh : e.questions.en).join(' / ')}
                </p>
                <p>{pick(e.answer)}</p>
                <p className="small">
                  {t('lookupResponsible', { unit: pick(e.unit) })} ·{' '}
                  {t('lookupHours', { hours: pick(e.hours) })}
                </p>
              </details>
              <button
                type="button"
                aria-pressed={picked === e.id}
                onClick={() => onPickEntry(e.id)}
                data-testid="lookup-pick-entry"
              >
                {picked === e.id ? t('lookupPicked') : t('lookupUseEntry')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
