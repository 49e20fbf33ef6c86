import type { DecisionReview } from '@hotline-sim/shared';
import { useI18n } from '../i18n';
import { APPEAL_TYPE_LABELS, ORDER_FACT_KEYS, unitName } from './format';
import type { Unit } from './use-units';

/**
 * Each step of a decision beside its action: the type recorded (诉求类型), the 协办 units beside the
 * lead, the work order's text as the unit received it with each fact found or missing (and the
 * phrases that count), and what a merge joined. With `truth`, the right type and 协办 units too.
 */
export function DecisionSteps({
  review,
  units,
  truth,
}: {
  review: DecisionReview;
  units: readonly Unit[];
  truth: boolean;
}) {
  const { t, lang } = useI18n();
  const d = review.decision;
  if (!d) return null;
  const names = (list: readonly number[]) =>
    list.length === 0
      ? t('deskNoUnit')
      : list.map((u) => unitName(units, u, lang)).join(lang === 'zh' ? '、' : ', ');
  const type = (a: keyof typeof APPEAL_TYPE_LABELS | undefined) =>
    a ? t(APPEAL_TYPE_LABELS[a]) : t('deskTypeNone');
  return (
    <ul className="training-steps small" data-testid="decision-steps">
      <li data-testid="step-type">
        {t('deskType')}: {type(d.appealType)}
        {truth && d.appealType !== review.truth.appealType && (
          <span className="error">
            {' '}
            ({t('truth')}: {type(review.truth.appealType)})
          </span>
        )}
      </li>
      {d.action === 'dispatch' && (
        <li data-testid="step-assisting">
          {t('deskAssisting')}: {names(d.assisting ?? [])}
          {truth && (
            <span className="muted">
              {' '}
              ({t('truth')}: {names(review.truth.assisting)})
            </span>
          )}
        </li>
      )}
      {d.action === 'dispatch' && (
        <li data-testid="step-summary">
          {t('deskOrderSent')}: <q>{d.summary ?? ''}</q>
          {review.summary && (
            <ul>
              {review.summary.map((f) => (
                <li
                  key={f.id}
                  className={f.present ? 'ok' : 'error'}
                  data-testid="summary-fact"
                  data-present={String(f.present)}
                >
                  {t(ORDER_FACT_KEYS[f.id])}:{' '}
                  {f.present
                    ? t('deskFactFound', { phrase: f.matched ?? '' })
                    : t('deskFactMissing', { phrases: f.phrases.join(' / ') })}
                </li>
              ))}
            </ul>
          )}
        </li>
      )}
      {d.action === 'merge' && (
        <li data-testid="step-merge">{t('deskMergedInto', { appeal: d.mergeInto ?? '?' })}</li>
      )}
    </ul>
  );
}
