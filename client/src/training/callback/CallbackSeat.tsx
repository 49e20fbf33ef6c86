import { CALLBACK_RATINGS, type CallbackRating, type CallbackView } from '@hotline-sim/shared';
import { useState } from 'react';
import { errorText, trainingApi } from '../../api';
import { CheckField } from '../../components';
import { useI18n, type MessageKey } from '../../i18n';
import { unitName, vspan } from '../format';
import { placeName } from '../SeatMap';
import type { Unit } from '../use-units';

export const RATING_LABELS: Record<CallbackRating, MessageKey> = {
  satisfied: 'callbackSatisfied',
  basically: 'callbackBasically',
  not: 'callbackNotSatisfied',
};

/**
 * A callback seat (回访): the calls waiting (oldest first); for the chosen one, the appeal and the
 * conversation with the citizen; the trainee records whether it was resolved, the rating
 * (满意/基本满意/不满意) and whether the unit pressed the citizen for a good rating.
 */
export function CallbackSeat({
  runId,
  seat,
  callbacks,
  now,
  units,
  onDone,
}: {
  runId: string;
  seat: string;
  callbacks: CallbackView[];
  now: number;
  units: Unit[];
  onDone(text: string, error: boolean): void;
}) {
  const { t, lang, pick } = useI18n();
  const [selected, setSelected] = useState<number | null>(null);
  const current = callbacks.find((c) => c.appealId === selected) ?? callbacks[0] ?? null;
  if (callbacks.length === 0 || !current) return <p className="muted">{t('callbackNoWaiting')}</p>;
  return (
    <>
      <ul className="training-list" data-testid="waiting-callbacks">
        {callbacks.map((c) => {
          const left = c.holdUntil - now;
          return (
            <li
              key={c.appealId}
              className={c === current ? 'training-appeal active' : 'training-appeal'}
              data-testid="waiting-callback"
              data-appeal-id={c.appealId}
            >
              <button type="button" onClick={() => setSelected(c.appealId)} aria-pressed={c === current}>
                #{c.appealId}
              </button>{' '}
              <span className={left < 300 ? 'error' : 'muted'}>
                {t('seatHold')} {left > 0 ? vspan(left) : t('seatHoldOver')}
              </span>{' '}
              <span className="muted small">
                {placeName(c.place, lang)} · {t('callbackHandledBy', { unit: unitName(units, c.unit, lang) })}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="appeal-text">{pick(current.text)}</p>
      <ol className="training-call" data-testid="conversation">
        {current.conversation.map((line, n) => (
          <li key={n} data-who={line.who}>
            <strong>{t(line.who === 'agent' ? 'callbackAgent' : 'callbackCitizen')}:</strong> {pick(line)}
          </li>
        ))}
      </ol>
      <CallbackForm
        key={current.appealId}
        runId={runId}
        seat={seat}
        appealId={current.appealId}
        onDone={onDone}
      />
    </>
  );
}

function CallbackForm({
  runId,
  seat,
  appealId,
  onDone,
}: {
  runId: string;
  seat: string;
  appealId: number;
  onDone(text: string, error: boolean): void;
}) {
  const { t } = useI18n();
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [rating, setRating] = useState<CallbackRating | null>(null);
  const [pressure, setPressure] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (resolved === null || rating === null) return;
    setBusy(true);
    try {
      await trainingApi.callback(runId, seat, { appealId, resolved, rating, pressure });
      onDone(t('callbackSent'), false);
    } catch (err) {
      onDone(t('errorPrefix', { message: errorText(err) }), true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="training-form" onSubmit={(e) => void submit(e)} data-testid="callback-form">
      <fieldset>
        <legend>{t('callbackResolved')}</legend>
        {([true, false] as const).map((v) => (
          <label key={String(v)}>
            <input
              type="radio"
              name="callback-resolved"
              checked={resolved === v}
              onChange={() => setResolved(v)}
              data-testid={`callback-resolved-${v ? 'yes' : 'no'}`}
            />{' '}
            {t(v ? 'callbackYes' : 'callbackNo')}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('callbackRating')}</legend>
        {CALLBACK_RATINGS.map((r) => (
          <label key={r}>
            <input
              type="radio"
              name="callback-rating"
              checked={rating === r}
              onChange={() => setRating(r)}
              data-testid={`callback-rating-${r}`}
            />{' '}
            {t(RATING_LABELS[r])}
          </label>
        ))}
      </fieldset>
      <CheckField checked={pressure} onChange={setPressure} testid="callback-pressure">
        {t('callbackPressure')}
      </CheckField>
      <button
        type="submit"
        disabled={busy || resolved === null || rating === null}
        data-testid="callback-submit"
      >
        {t('callbackSubmit')}
      </button>
    </form>
  );
}
