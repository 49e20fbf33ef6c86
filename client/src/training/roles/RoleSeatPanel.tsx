import { useEffect, useState } from 'react';
import { ErrorNote } from '../../components';
import { useI18n } from '../../i18n';
import { useLive } from '../../live';
import { CallbackSeat } from '../callback/CallbackSeat';
import { vclock } from '../format';
import { ReviewSeat } from '../review/ReviewSeat';
import { ScoreTable } from '../ScoreTable';
import { useSeat } from '../use-seat';
import { useUnits } from '../use-units';
import { RoleRows } from './RoleRows';
import { DecisionStatus, SeatMessages, type SeatStatus } from '../SeatParts';
import '../training.css';

/**
 * A review (退单审核) or callback (回访) seat: what waits at it, the instructor's messages, and the
 * score with every return or callback beside the right answer once the exercise has ended (always
 * for the instructor).
 */
export function RoleSeatPanel({ runId, seat }: { runId: string; seat: string }) {
  const { t, lang } = useI18n();
  const { view, error, refresh } = useSeat(runId, seat);
  const { run } = useLive();
  const { units } = useUnits();
  const ended = run !== null && run.id === runId && (run.status === 'finished' || run.status === 'stopped');
  const now = Math.max(run && run.id === runId ? run.virtualTime : 0, view?.virtualTime ?? 0);
  const [status, setStatus] = useState<SeatStatus | null>(null);
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(null), 5000);
    return () => window.clearTimeout(timer);
  }, [status]);
  const onDone = (text: string, isError: boolean) => {
    setStatus({ text, error: isError });
    if (!isError) refresh();
  };
  const role = view?.role ?? 'review';
  const title = t(role === 'callback' ? 'callbackSeatTitle' : 'reviewSeatTitle', { seat });

  return (
    <section className="panel training-seat" data-testid="role-seat" data-role={role} aria-label={title}>
      <div className="panel-head">
        <h2>{title}</h2>
        <span className="mono" data-testid="seat-clock">
          {vclock(now)}
        </span>
      </div>
      {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
      {!view ? (
        <p className="note">{t('loading')}</p>
      ) : (
        <div className="training-grid">
          <div>
            <h3>{t('seatWaiting')}</h3>
            {role === 'callback' ? (
              <CallbackSeat
                runId={runId}
                seat={seat}
                callbacks={ended ? [] : view.callbacks}
                now={now}
                units={units}
                onDone={onDone}
              />
            ) : (
              <ReviewSeat
                runId={runId}
                seat={seat}
                returns={ended ? [] : view.returns}
                now={now}
                units={units}
                onDone={onDone}
              />
            )}
            <DecisionStatus status={status} />
          </div>
          <div>
            <SeatMessages messages={view.messages} />
            <h3>{t('seatScore')}</h3>
            {view.score ? (
              <>
                <ScoreTable score={view.score} />
                <RoleRows scores={[view.score]} at={Infinity} units={units} lang={lang} />
              </>
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
