import type { SeatAppealView } from '@hotline-sim/shared';
import { useI18n } from '../i18n';
import { vspan } from './format';
import { placeName } from './SeatMap';

/** One waiting appeal at a seat: its SLA class and limit, the hold countdown, the citizen's words and place. */
export function WaitingItem({
  appeal,
  now,
  active,
  onPick,
}: {
  appeal: SeatAppealView;
  now: number;
  active: boolean;
  onPick(): void;
}) {
  const { t, lang } = useI18n();
  const left = appeal.holdUntil - now;
  const p = appeal.place;
  return (
    <li
      className={active ? 'training-appeal active' : 'training-appeal'}
      data-testid="waiting-appeal"
      data-appeal-id={appeal.appealId}
    >
      <button type="button" onClick={onPick} aria-pressed={active} data-testid="pick-appeal">
        #{appeal.appealId}
      </button>{' '}
      <strong className="sla">
        {t('seatSla')}: {appeal.slaClass}
      </strong>{' '}
      <span className="muted small" data-testid="sla-limit">
        {t('seatSlaLimit', { hours: appeal.slaHours })}
      </span>{' '}
      <span className={left < 300 ? 'error' : 'muted'} data-testid="hold-countdown">
        {t('seatHold')} {left > 0 ? vspan(left) : t('seatHoldOver')}
      </span>
      <p className="appeal-text" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        {lang === 'zh' ? appeal.text.zh : appeal.text.en}
      </p>
      <p className="muted small">
        {t('seatCaller')}: {appeal.caller.name} {appeal.caller.phone} · {t('seatPlace')}: {placeName(p, lang)}{' '}
        ({p.lat.toFixed(4)}, {p.lon.toFixed(4)})
      </p>
    </li>
  );
}
