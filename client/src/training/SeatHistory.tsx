import type { SeatView } from '@hotline-sim/shared';
import { useI18n } from '../i18n';
import { DecisionSteps } from './DecisionSteps';
import { consequenceText, decisionText, vclock, vspan } from './format';
import type { Unit } from './use-units';

/**
 * The seat's decisions with their steps (type, 协办, the order's text, merge), SLA clocks and
 * consequences; right or wrong once the score is out.
 */
export function SeatHistory({
  view,
  units,
  lang,
  now,
}: {
  view: SeatView;
  units: Unit[];
  lang: 'en' | 'zh';
  now: number;
}) {
  const { t } = useI18n();
  /** A dispatch's SLA clock: due at the decision plus its class's time limit, counting down until it closes. */
  const due = (d: SeatView['history'][number]) => {
    const hours = view.timeLimits[d.truth.slaClass];
    if (d.decision?.action !== 'dispatch' || d.decidedAt === null || hours === undefined) return null;
    const at = d.decidedAt + hours * 3600;
    const closed = d.consequences.some((c) => c.kind === 'rated');
    return { at, left: closed ? null : at - now };
  };
  const undecided = view.history.filter((d) => d.decision === null).length;
  return (
    <>
      <h3>{t('seatHistory')}</h3>
      {undecided > 0 && (
        <p className="muted small" data-testid="history-undecided">
          {t('seatUndecided', { n: undecided })}
        </p>
      )}
      {view.history.length === undecided ? (
        <p className="muted small">{t('seatNoHistory')}</p>
      ) : (
        <ul className="training-list" data-testid="seat-history">
          {view.history
            .filter((d) => d.decision !== null)
            .map((d) => (
              <li key={d.appealId} data-testid="history-row" data-appeal-id={d.appealId}>
                #{d.appealId} · {decisionText(t, d.decision, units, lang)}{' '}
                {d.decidedAt !== null && <span className="muted small">({vclock(d.decidedAt)})</span>}
                {(() => {
                  const sla = due(d);
                  if (!sla) return null;
                  return (
                    <span
                      className={sla.left !== null && sla.left < 0 ? 'error small' : 'muted small'}
                      data-testid="sla-due"
                    >
                      {' '}
                      {t('seatSlaDue', { at: vclock(sla.at) })}
                      {sla.left !== null &&
                        ` · ${sla.left >= 0 ? t('seatSlaLeft', { left: vspan(sla.left) }) : t('seatSlaOver')}`}
                    </span>
                  );
                })()}
                {view.score && (
                  <span className={d.correct ? 'ok' : 'error'} data-testid="history-correct">
                    {' '}
                    {d.correct ? t('correct') : t('wrong')} · {t('truth')}:{' '}
                    {decisionText(t, d.truth, units, lang)}
                  </span>
                )}
                <DecisionSteps review={d} units={units} truth={view.score !== null} />
                {d.consequences.length > 0 && (
                  <ul>
                    {d.consequences.map((c, n) => (
                      <li key={n} data-testid={`consequence-${c.kind}`}>
                        {vclock(c.at)} · {consequenceText(t, c)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
        </ul>
      )}
    </>
  );
}
