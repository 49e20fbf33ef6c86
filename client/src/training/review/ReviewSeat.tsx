import { REFUSE_REASONS, type RefuseReason, type ReturnView } from '@hotline-sim/shared';
import { useMemo, useState } from 'react';
import { errorText, trainingApi } from '../../api';
import { SearchField, Select } from '../../components';
import { useI18n, type MessageKey } from '../../i18n';
import { unitName, vspan } from '../format';
import { placeName } from '../SeatMap';
import type { Unit } from '../use-units';

export const REASON_LABELS: Record<RefuseReason, MessageKey> = {
  'own-duty': 'reviewReasonOwnDuty',
  territory: 'reviewReasonTerritory',
  'lead-unit': 'reviewReasonLeadUnit',
};

/**
 * A review seat (退单审核): the returns waiting (oldest first), each with the appeal, the unit that
 * sent it back and its note; the trainee accepts it and re-dispatches it to a unit found by name, or
 * refuses it with a reason (the unit must keep it).
 */
export function ReviewSeat({
  runId,
  seat,
  returns,
  now,
  units,
  onDone,
}: {
  runId: string;
  seat: string;
  returns: ReturnView[];
  now: number;
  units: Unit[];
  onDone(text: string, error: boolean): void;
}) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<number | null>(null);
  const current = returns.find((r) => r.appealId === selected) ?? returns[0] ?? null;
  if (returns.length === 0) return <p className="muted">{t('reviewNoWaiting')}</p>;
  return (
    <>
      <ul className="training-list" data-testid="waiting-returns">
        {returns.map((r) => (
          <ReturnItem
            key={r.appealId}
            item={r}
            now={now}
            units={units}
            active={current?.appealId === r.appealId}
            onPick={() => setSelected(r.appealId)}
          />
        ))}
      </ul>
      {current && (
        <ReturnForm
          key={current.appealId}
          runId={runId}
          seat={seat}
          item={current}
          units={units}
          onDone={onDone}
        />
      )}
    </>
  );
}

function ReturnItem({
  item,
  now,
  units,
  active,
  onPick,
}: {
  item: ReturnView;
  now: number;
  units: Unit[];
  active: boolean;
  onPick(): void;
}) {
  const { t, lang, pick } = useI18n();
  const left = item.holdUntil - now;
  return (
    <li className={active ? 'training-appeal active' : 'training-appeal'} data-testid="waiting-return">
      <button type="button" onClick={onPick} aria-pressed={active}>
        #{item.appealId}
      </button>{' '}
      <span className={left < 300 ? 'error' : 'muted'}>
        {t('seatHold')} {left > 0 ? vspan(left) : t('seatHoldOver')}
      </span>
      <p className="appeal-text">{pick(item.text)}</p>
      <p className="muted small">
        {t('seatPlace')}: {placeName(item.place, lang)}
      </p>
      <p data-testid="return-note">
        {t('reviewReturnedBy', { unit: unitName(units, item.unit, lang) })}: “{pick(item.note)}”
      </p>
    </li>
  );
}

function ReturnForm({
  runId,
  seat,
  item,
  units,
  onDone,
}: {
  runId: string;
  seat: string;
  item: ReturnView;
  units: Unit[];
  onDone(text: string, error: boolean): void;
}) {
  const { t } = useI18n();
  const [action, setAction] = useState<'accept' | 'refuse'>('accept');
  const [query, setQuery] = useState('');
  const [unit, setUnit] = useState<number | null>(null);
  const [reason, setReason] = useState<RefuseReason>('own-duty');
  const [busy, setBusy] = useState(false);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return units
      .map((u, i) => ({ u, i }))
      .filter(({ u }) => !q || u.name.toLowerCase().includes(q) || u.nameEn.toLowerCase().includes(q))
      .slice(0, 200);
  }, [units, query]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await trainingApi.review(
        runId,
        seat,
        action === 'accept'
          ? { appealId: item.appealId, action, ...(unit !== null ? { unit } : {}) }
          : { appealId: item.appealId, action, reason },
      );
      onDone(t('seatSent'), false);
    } catch (err) {
      onDone(t('errorPrefix', { message: errorText(err) }), true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="training-form" onSubmit={(e) => void submit(e)} data-testid="return-form">
      <fieldset>
        <legend>{t('reviewDecision')}</legend>
        {(['accept', 'refuse'] as const).map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="review-action"
              checked={action === a}
              onChange={() => setAction(a)}
              data-testid={`review-${a}`}
            />{' '}
            {t(a === 'accept' ? 'reviewAccept' : 'reviewRefuse')}
          </label>
        ))}
      </fieldset>
      {action === 'accept' ? (
        <>
          <SearchField
            label={t('seatUnitSearch')}
            value={query}
            onChange={setQuery}
            testid="review-unit-search"
          />
          <Select
            value={unit === null ? '' : String(unit)}
            choices={[
              { value: '', label: t('reviewPickUnit') },
              ...shown.map(({ u, i }) => ({ value: String(i), label: `${u.name} · ${u.nameEn}` })),
            ]}
            onChange={(v) => setUnit(v === '' ? null : Number(v))}
            label={t('reviewRedispatchTo')}
            testid="review-unit"
          />
        </>
      ) : (
        <Select
          value={reason}
          choices={REFUSE_REASONS.map((r) => ({ value: r, label: t(REASON_LABELS[r]) }))}
          onChange={(v: RefuseReason) => setReason(v)}
          label={t('reviewReason')}
          testid="review-reason"
        />
      )}
      <button
        type="submit"
        disabled={busy || (action === 'accept' && unit === null)}
        data-testid="review-submit"
      >
        {t('reviewSubmit')}
      </button>
    </form>
  );
}
