import { useMemo, useState } from 'react';
import { AppealsList } from '../appeal';
import { EmptyNote, ErrorNote } from '../components';
import { RunControls } from '../controls';
import { useI18n, type MessageKey } from '../i18n';
import { KpiPanel } from '../kpis';
import { LeagueTable } from '../league';
import { changeMarks, chartMarks, LiveLeversPanel, useRunLevers } from '../levers';
import { useLive } from '../live';
import { useCanControl } from '../session';
import { CityMapView, type MapFocus } from '../map';
import { QueuesPanel } from '../queues';
import { ShiftChart } from '../shift';
import type { Selection } from './use-run-selection';

type Tab = 'league' | 'queues' | 'appeals' | 'levers';
const TABS: Record<Tab, MessageKey> = {
  league: 'leagueTitle',
  queues: 'queuesTitle',
  appeals: 'appealsTitle',
  levers: 'leversLiveTitle',
};

/**
 * The panels a lesson step may point at (its `focus.panel`, shared FOCUS_PANELS): the focused one
 * is outlined and the others dimmed (client/src/lessons/lessons.css); a tab's name opens that tab.
 */
const isTab = (panel: string | undefined): panel is Tab => panel !== undefined && panel in TABS;

/** The live city: controls, map and 未诉先办 chart on the left; KPIs and the tabbed tables on the right. */
export function LiveView({
  selection,
  onNewRun,
  onOpenAppeal,
  onMessage,
  focus: panel,
  place = null,
}: {
  selection: Selection;
  onNewRun(): void;
  onOpenAppeal(id: number): void;
  onMessage(message: string, error?: boolean): void;
  /** A panel to highlight (presenter mode): controls, map, shift, kpis or a tab's name. */
  focus?: string;
  /** A place for the map to zoom on (a lesson step's focus): its street, or a unit's or district's id. */
  place?: MapFocus | null;
}) {
  const { t } = useI18n();
  const { run, joinError, connection } = useLive();
  const canControl = useCanControl();
  const [tab, setTab] = useState<Tab>(isTab(panel) ? panel : 'league');
  const [focus, setFocus] = useState<MapFocus | null>(place);
  // A step pointing at a tab opens it (once: the tab stays the user's to change).
  const [shownPanel, setShownPanel] = useState(panel);
  if (panel !== shownPanel) {
    setShownPanel(panel);
    if (isTab(panel)) setTab(panel);
  }
  // A step naming a place zooms the map on it (once: the user may zoom out or elsewhere).
  const placeKey = place ? `${place.kind}:${place.id}` : '';
  const [shownPlace, setShownPlace] = useState(placeKey);
  if (placeKey !== shownPlace) {
    setShownPlace(placeKey);
    setFocus(place);
  }
  const levers = useRunLevers(selection.kind === 'run' ? selection.runId : null, connection);
  const changes = levers.history?.changes;
  const kpiMarks = useMemo(() => changeMarks(changes ?? []), [changes]);
  const shiftMarks = useMemo(() => chartMarks(changes ?? []), [changes]);

  if (selection.kind === 'loading')
    return (
      <main id="main" className="centre">
        <p className="note">{t('loading')}</p>
      </main>
    );
  if (selection.kind === 'unreachable')
    return (
      <main id="main" className="centre">
        <EmptyNote title={t('serverDownTitle')}>
          <p>{t('serverDownBody')}</p>
          <p className="muted small">{selection.message}</p>
        </EmptyNote>
      </main>
    );
  if (selection.kind === 'none')
    return (
      <main id="main" className="centre">
        <EmptyNote title={t('noRunTitle')}>
          <p>{canControl ? t('noRunBody') : t('readOnly')}</p>
          {canControl && (
            <button type="button" className="primary" onClick={onNewRun}>
              {t('newRun')}
            </button>
          )}
        </EmptyNote>
      </main>
    );

  return (
    <main id="main" className="live" data-focus={panel}>
      <RunControls onNewRun={onNewRun} onMessage={onMessage} />
      {joinError && <ErrorNote message={t('errorPrefix', { message: joinError })} />}
      {!run && !joinError && <p className="note">{t('loading')}</p>}
      <div className="live-grid">
        <div className="live-left">
          <CityMapView focus={focus} onClearFocus={() => setFocus(null)} onOpenAppeal={onOpenAppeal} />
          <ShiftChart marks={shiftMarks} />
        </div>
        <div className="live-right">
          <KpiPanel marks={kpiMarks} />
          <section className="panel tabs-panel">
            <div role="tablist" aria-label={t('leagueTitle')} className="tabs">
              {(Object.keys(TABS) as Tab[]).map((k) => (
                <button
                  key={k}
                  type="button"
                  role="tab"
                  id={`tab-${k}`}
                  aria-selected={tab === k}
                  aria-controls={`tabpanel-${k}`}
                  onClick={() => setTab(k)}
                  data-testid={`tab-${k}`}
                >
                  {t(TABS[k])}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
              {tab === 'league' && <LeagueTable focus={focus} onFocus={setFocus} />}
              {tab === 'queues' && <QueuesPanel />}
              {tab === 'appeals' && <AppealsList runId={selection.runId} onOpen={onOpenAppeal} />}
              {tab === 'levers' && run && <LiveLeversPanel run={run} levers={levers} />}
            </div>
          </section>
        </div>
      </div>
    </main>
  );
}
