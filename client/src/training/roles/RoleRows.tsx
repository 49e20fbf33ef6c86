import type { CallbackReview, ReturnReview, SeatScore } from '@hotline-sim/shared';
import { TableHead } from '../../components';
import { useI18n } from '../../i18n';
import { RATING_LABELS } from '../callback/CallbackSeat';
import { unitName, vclock } from '../format';
import { REASON_LABELS } from '../review/ReviewSeat';
import type { Unit } from '../use-units';

/** When anything happened to a seat's returns and callbacks, a minute on (the replay's end covers them). */
export function roleTimes(score: SeatScore): number[] {
  return [...(score.returns ?? []), ...(score.callbacks ?? [])].map(
    (r) => Math.ceil(Math.max(r.offeredAt, r.decidedAt ?? 0) / 60) * 60 + 60,
  );
}

type T = ReturnType<typeof useI18n>['t'];

/**
 * The returns and callbacks of review and callback seats as known at virtual time `at` (the replay's
 * scrubber; Infinity for all): each decision beside the right one. Nothing when there are none.
 */
export function RoleRows({
  scores,
  at,
  units,
  lang,
}: {
  scores: readonly SeatScore[];
  at: number;
  units: Unit[];
  lang: 'zh' | 'en';
}) {
  const { t } = useI18n();
  const rows = scores.flatMap((s) => [
    ...(s.returns ?? []).map((r) => ({ seat: s.seat, kind: 'return' as const, r })),
    ...(s.callbacks ?? []).map((r) => ({ seat: s.seat, kind: 'callback' as const, r })),
  ]);
  const shown = rows.filter(({ r }) => r.offeredAt <= at).sort((a, b) => a.r.offeredAt - b.r.offeredAt);
  if (shown.length === 0) return null;
  return (
    <table className="training-table" data-testid="role-rows">
      <TableHead columns={['colSeat', 'appeal', 'offeredAt', 'decision', 'truth']} actions />
      <tbody>
        {shown.map(({ seat, kind, r }) => {
          const decided = r.decidedAt !== null && r.decidedAt <= at;
          return (
            <tr
              key={`${seat}-${kind}-${r.appealId}-${r.offeredAt}`}
              data-testid="role-row"
              data-kind={kind}
              data-correct={decided ? String(r.correct) : undefined}
            >
              <td>{seat}</td>
              <td>
                #{r.appealId} · {t(kind === 'return' ? 'roleReturn' : 'roleCallback')}
              </td>
              <td className="mono">{vclock(r.offeredAt)}</td>
              <td>
                {decided
                  ? kind === 'return'
                    ? returnText(t, (r as ReturnReview).decision, units, lang)
                    : callbackText(t, (r as CallbackReview).decision)
                  : r.decidedAt === null && at >= r.offeredAt
                    ? t('roleNotDecided')
                    : t('notYet')}
              </td>
              <td>
                {kind === 'return'
                  ? returnText(t, (r as ReturnReview).truth, units, lang)
                  : callbackText(t, truthRecord((r as CallbackReview).truth))}
              </td>
              <td className={decided ? (r.correct ? 'ok' : 'error') : 'muted'}>
                {decided ? (r.correct ? t('correct') : t('wrong')) : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function returnText(
  t: T,
  d: { action: 'accept' | 'refuse'; unit?: number; reason?: string } | null,
  units: Unit[],
  lang: 'zh' | 'en',
): string {
  if (!d) return t('roleNotDecided');
  if (d.action === 'accept') return t('reviewAcceptedTo', { unit: unitName(units, d.unit ?? -1, lang) });
  const reason = REASON_LABELS[d.reason as keyof typeof REASON_LABELS];
  return reason ? `${t('reviewRefuse')} (${t(reason)})` : t('reviewRefuse');
}

const truthRecord = (truth: CallbackReview['truth']) => ({
  resolved: truth.outcome === 'resolved',
  rating: truth.rating,
  pressure: truth.pressed,
});

function callbackText(
  t: T,
  d: { resolved: boolean; rating: keyof typeof RATING_LABELS; pressure: boolean } | null,
): string {
  if (!d) return t('roleNotDecided');
  const parts = [t(d.resolved ? 'callbackWasResolved' : 'callbackNotResolved'), t(RATING_LABELS[d.rating])];
  if (d.pressure) parts.push(t('callbackPressureFlag'));
  return parts.join(' · ');
}
