import { APPEAL_STATES, STATE_LABELS, type OpenAppeals } from '@hotline-sim/shared';
import { useEffect, useState } from 'react';
import { EmptyNote } from '../components';
import { useI18n } from '../i18n';
import { useLive, useLiveStore } from '../live';
import { loadCity, useRunCityKey } from '../map/city-data';
import { THROUGHPUT_WINDOW_S, UnitKindThroughput, type UnitKindRates } from './unit-kind-throughput';

/**
 * Appeal moves a second by the kind of unit holding the appeal, over the last few seconds, from the
 * moves of the run's updates (the unit's kind from GET /api/city). Null until the city is loaded.
 */
function useUnitKindThroughput(): UnitKindRates | null {
  const store = useLiveStore();
  const [rates, setRates] = useState<UnitKindRates | null>(null);
  // Unit indexes are the run city's: another city's run counts afresh with its units.
  const cityKey = useRunCityKey();
  useEffect(() => {
    if (cityKey === null) return;
    let live = true;
    let stop: (() => void)[] = [];
    loadCity(cityKey).then(
      (city) => {
        if (!live) return;
        const counter = new UnitKindThroughput(city.units.map((u) => u.kind));
        let runId = store.getState().runId;
        const offMoves = store.onMoves((batch) => counter.add(batch.moves, batch.dropped, Date.now()));
        const offRun = store.subscribe(() => {
          if (store.getState().runId !== runId) {
            runId = store.getState().runId;
            counter.clear();
          }
        });
        const timer = setInterval(() => setRates(counter.rates(Date.now())), 1000);
        setRates(counter.rates(Date.now()));
        stop = [offMoves, offRun, () => clearInterval(timer)];
      },
      () => live && setRates(null),
    );
    return () => {
      live = false;
      for (const s of stop) s();
    };
  }, [store, cityKey]);
  return rates;
}

/** Depth and throughput of each stage queue of the live runtime, workers connected, appeals by state. */
export function QueuesPanel() {
  const { t, fmt, pick } = useI18n();
  const { queues, throughput, workers, states, open } = useLive();
  const moves = useUnitKindThroughput();
  const stages = Object.entries(queues);
  const maxDepth = Math.max(1, ...stages.map(([, d]) => d.waiting + d.active));
  const maxState = Math.max(1, ...APPEAL_STATES.map((s) => states[s] ?? 0));
  return (
    <div className="queues" data-testid="queues">
      <p>{t('queuesWorkers', { n: fmt.number(workers) })}</p>
      {stages.length === 0 ? (
        <EmptyNote>{t('queuesEmpty')}</EmptyNote>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('queuesStage')}</th>
              <th scope="col">{t('queuesWaiting')}</th>
              <th scope="col">{t('queuesActive')}</th>
              <th scope="col">{t('queuesCompleted')}</th>
              <th scope="col">{t('queuesThroughput')}</th>
              <th scope="col" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {stages.map(([stage, d]) => (
              <tr key={stage}>
                <th scope="row">{stageLabel(stage, pick)}</th>
                <td className="num">{fmt.number(d.waiting)}</td>
                <td className="num">{fmt.number(d.active)}</td>
                <td className="num">{fmt.number(d.completed)}</td>
                <td className="num">{fmt.number(throughput[stage] ?? 0, 1)}</td>
                <td className="bar-cell">
                  <span className="bar" style={{ width: `${((d.waiting + d.active) / maxDepth) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <>
          <h3>{t('queuesByUnitKind', { n: fmt.number(open.total) })}</h3>
          <table className="unit-kinds" data-testid="open-by-unit-kind">
            <thead>
              <tr>
                <th scope="col">{t('queuesUnitKind')}</th>
                <th scope="col">{t('queuesOpen')}</th>
                <th scope="col" aria-hidden="true" />
                <th scope="col" title={t('queuesMovesTitle', { s: fmt.number(THROUGHPUT_WINDOW_S) })}>
                  {t('queuesMovesPerSecond')}
                </th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(UNIT_KIND_LABELS) as (keyof typeof UNIT_KIND_LABELS)[]).map((kind) => (
                <tr key={kind}>
                  <th scope="row">{pick(UNIT_KIND_LABELS[kind])}</th>
                  <td className="num">{fmt.number(open.byUnitKind[kind])}</td>
                  <td className="bar-cell">
                    <span
                      className="bar"
                      style={{ width: `${(open.byUnitKind[kind] / Math.max(1, open.total)) * 100}%` }}
                    />
                  </td>
                  <td className="num" data-testid={`moves-${kind}`}>
                    {moves ? fmt.number(moves.perSecond[kind], 1) : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            {t('queuesMovesNote', { s: fmt.number(THROUGHPUT_WINDOW_S) })}
            {moves && moves.droppedPerSecond > 0 && (
              <> {t('queuesMovesDropped', { n: fmt.number(moves.droppedPerSecond, 1) })}</>
            )}
          </p>
        </>
      )}
      <h3>{t('queuesStates')}</h3>
      <ul className="state-bars">
        {APPEAL_STATES.map((s) => (
          <li key={s}>
            <span className="state-name">{pick(STATE_LABELS[s])}</span>
            <span className="bar" style={{ width: `${((states[s] ?? 0) / maxState) * 100}%` }} />
            <span className="num">{fmt.number(states[s] ?? 0)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where open appeals wait: at the hotline (not dispatched yet) or with a kind of unit. */
const UNIT_KIND_LABELS: Record<keyof OpenAppeals['byUnitKind'], { zh: string; en: string }> = {
  none: { zh: '热线（未派单）', en: 'At the hotline (not dispatched)' },
  district: { zh: '区政府', en: 'District governments' },
  street: { zh: '街乡', en: 'Streets and townships' },
  department: { zh: '委办局', en: 'City departments' },
  utility: { zh: '公共服务企业', en: 'Utilities' },
};

/** Stage names of the live runtime (server/src/live/stages.ts), translated. */
const STAGE_LABELS: Record<string, { zh: string; en: string }> = {
  intake: { zh: '受理', en: 'Intake' },
  dispatch: { zh: '派单与签收', en: 'Dispatch and signing' },
  'unit-work': { zh: '承办单位办理', en: 'Units at work' },
  callback: { zh: '回访与办结', en: 'Callback and close' },
};

function stageLabel(stage: string, pick: (l: { zh: string; en: string }) => string): string {
  const label = STAGE_LABELS[stage];
  return label ? pick(label) : stage;
}
