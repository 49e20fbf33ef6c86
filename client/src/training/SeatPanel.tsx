import { useEffect, useState } from 'react';
import { ErrorNote } from '../components';
import { injectLabel } from '../controls/InjectFields';
import { useI18n, type MessageKey } from '../i18n';
import { useLive } from '../live';
import { DecisionForm, type MergeChoice } from './DecisionForm';
import { decisionText, vclock } from './format';
import { placeName } from './SeatMap';
import { ScoreTable } from './ScoreTable';
import { SeatHistory } from './SeatHistory';
import { SeatMap } from './SeatMap';
import { useSeat } from './use-seat';
import { useUnits } from './use-units';
import { WaitingItem } from './WaitingItem';
import { DecisionStatus, SeatMessages, type SeatStatus } from './SeatParts';
import './training.css';

/**
 * A dispatcher seat (派单员): the appeals waiting (oldest first) with their hold countdown, the
 * decision panel, a map with a pin at the selected appeal's place (SeatMap), the seat's history with
 * consequences, the instructor's messages and the injects; the score once the exercise has ended
 * (always for the instructor watching).
 */
export function SeatPanel({
  runId,
  seat,
  ended: endedProp = false,
}: {
  runId: string;
  seat: string;
  /** The run has ended (the console knows; a trainee's page reads it from the live store). */
  ended?: boolean;
}) {
  const { t, lang } = useI18n();
  const injectName = (kind: string) => (injectLabel(kind) ? t(injectLabel(kind) as MessageKey) : kind);
  const { view, error, refresh } = useSeat(runId, seat);
  const { run } = useLive();
  const liveTime = run && run.id === runId ? run.virtualTime : null;
  const ended =
    endedProp ||
    (run !== null && run.id === runId && (run.status === 'finished' || run.status === 'stopped'));
  const now = Math.max(liveTime ?? 0, view?.virtualTime ?? 0);
  const { units, districtOf, districts } = useUnits();
  const [selected, setSelected] = useState<number | null>(null);
  // Kept here: the form is remounted for the next appeal once the decided one leaves the list.
  const [status, setStatus] = useState<SeatStatus | null>(null);
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(null), 5000);
    return () => window.clearTimeout(timer);
  }, [status]);

  // Once the exercise has ended nothing waits any more: the model's dispatcher has the rest.
  const waiting = ended ? [] : (view?.waiting ?? []);
  const current = waiting.find((a) => a.appealId === selected) ?? waiting[0] ?? null;
  const lastInject = view?.injects[view.injects.length - 1];
  // 并单: the other appeals waiting here (their place) and this seat's orders (their unit).
  const mergeChoices: MergeChoice[] = (view?.mergeTargets ?? []).flatMap((id) => {
    if (id === current?.appealId) return [];
    const w = waiting.find((a) => a.appealId === id);
    if (w) return [{ appealId: id, label: `#${id} · ${t('deskWaiting')} · ${placeName(w.place, lang)}` }];
    const h = view?.history.find((d) => d.appealId === id);
    return h ? [{ appealId: id, label: `#${id} · ${decisionText(t, h.decision, units, lang)}` }] : [];
  });

  return (
    <section className="panel training-seat" data-testid="seat-view" aria-label={t('seatTitle', { seat })}>
      <div className="panel-head">
        <h2>{t('seatTitle', { seat })}</h2>
        <span className="mono" data-testid="seat-clock">
          {vclock(now)}
        </span>
      </div>
      {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
      {lastInject && (
        <p className="training-banner" role="status" data-testid="inject-banner">
          {t('seatInjectBanner', {
            what: injectName(lastInject.kind),
            at: vclock(lastInject.at),
          })}
        </p>
      )}
      {!view ? (
        <p className="note">{t('loading')}</p>
      ) : (
        <div className="training-grid">
          <div>
            <h3>{t('seatWaiting')}</h3>
            {waiting.length === 0 ? (
              <p className="muted">{t('seatNoWaiting')}</p>
            ) : (
              <ul className="training-list" data-testid="waiting">
                {waiting.map((a) => (
                  <WaitingItem
                    key={a.appealId}
                    appeal={a}
                    now={now}
                    active={current?.appealId === a.appealId}
                    onPick={() => setSelected(a.appealId)}
                  />
                ))}
              </ul>
            )}
            {current && (
              <DecisionForm
                key={current.appealId}
                runId={runId}
                seat={seat}
                appeal={current}
                units={units}
                districtOf={districtOf}
                districts={districts}
                mergeChoices={mergeChoices}
                onDone={(text, error) => {
                  setStatus({ text, error });
                  if (!error) refresh();
                }}
              />
            )}
            <DecisionStatus status={status} />
          </div>
          <div>
            {/* Beside the waiting appeals (at the top of the second column): where the selected one is. */}
            <h3>{t('seatMapTitle')}</h3>
            <SeatMap appeal={current} />
            <SeatHistory view={view} units={units} lang={lang} now={now} />
            <SeatMessages messages={view.messages} />
            <h3>{t('seatInjects')}</h3>
            <ul className="training-list" data-testid="seat-injects">
              {view.injects.map((i, n) => (
                <li key={`${i.at}-${n}`}>
                  {vclock(i.at)} · {injectName(i.kind)}
                </li>
              ))}
            </ul>
            <h3>{t('seatScore')}</h3>
            {view.score ? (
              <ScoreTable score={view.score} />
            ) : (
              <p className="muted small" data-testid="score-later">
                {t('seatScoreLater')}
              </p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
