import type { SeatAppealView } from '@hotline-sim/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { CatalogueSearch } from './CatalogueSearch';
import { KnowledgeSearch } from './KnowledgeSearch';
import './lookup.css';

type Tab = 'catalogue' | 'knowledge';

/**
 * The seat's look-up panel (issue 18): the 派单目录 (which unit owns which matter where) and the
 * 知识库 (answers for common questions), as tabs. Picking a catalogue row's unit calls `onPickUnit`
 * (主办; an assisting unit `onPickAssisting`, 协办, when given); picking an entry calls `onPickEntry`.
 */
export function LookupPanel({
  runId,
  place,
  pickedEntry = null,
  onPickUnit,
  onPickAssisting,
  onPickEntry,
}: {
  runId: string;
  /** The selected appeal's place: the catalogue can keep to its street. */
  place?: SeatAppealView['place'] | null;
  pickedEntry?: string | null;
  onPickUnit(unit: number): void;
  onPickAssisting?(unit: number): void;
  onPickEntry(id: string): void;
}) {
  const { t, lang } = useI18n();
  const [tab, setTab] = useState<Tab>('catalogue');
  const street =
    place && place.street
      ? {
          key: `${place.district}${place.street}`,
          label: lang === 'zh' ? place.street : place.streetEn,
        }
      : null;
  return (
    <section className="lookup" aria-label={t('lookupTitle')} data-testid="lookup-panel">
      <div role="tablist" aria-label={t('lookupTitle')} className="tabs">
        {(['catalogue', 'knowledge'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            data-testid={`lookup-tab-${k}`}
          >
            {t(k === 'catalogue' ? 'lookupTabCatalogue' : 'lookupTabKnowledge')}
          </button>
        ))}
      </div>
      {tab === 'catalogue' ? (
        <CatalogueSearch
          runId={runId}
          street={street}
          onPickUnit={onPickUnit}
          {...(onPickAssisting ? { onPickAssisting } : {})}
        />
      ) : (
        <KnowledgeSearch runId={runId} picked={pickedEntry} onPickEntry={onPickEntry} />
      )}
    </section>
  );
}
