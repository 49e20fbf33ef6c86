import {
  SEAT_CHANNELS,
  type CityMap,
  type SeatAppealView,
  type SeatDecisionInput,
  type SeatView,
} from '@hotline-sim/shared';
import { useEffect, useMemo, useState } from 'react';
import { injectLabel } from '../controls/InjectFields';
import { useI18n, type MessageKey } from '../i18n';
import { useLive } from '../live';
import { loadCity } from '../map/city-data';
import { trainingApi } from '../api';
import { channelText, consequenceText, decisionText, vclock, vspan } from './format';
import { ScoreTable } from './ScoreTable';
import { placeName, SeatMap } from './SeatMap';
import { useSeat } from './use-seat';
import './training.css';

type Channel = (typeof SEAT_CHANNELS)[number];
type Unit = CityMap['units'][number];

/** The city's units with their district (streets and districts by name; departments are city-wide). */
export function useUnits(): {
  units: Unit[];
  districtOf: (string | null)[];
  districts: CityMap['districts'];
} {
  const [city, setCity] = useState<CityMap | null>(null);
  useEffect(() => {
    loadCity().then(setCity, () => undefined);
  }, []);
  return useMemo(() => {
    if (!city) return { units: [], districtOf: [], districts: [] };
    const streetDistrict = new Map(city.streets.map((s) => [s.name, s.districtId]));
    const districtByName = new Map(city.districts.map((d) => [d.name, d.id]));
    const districtOf = city.units.map((u) =>
      u.kind === 'street'
        ? (streetDistrict.get(u.name) ?? null)
        : u.kind === 'district'
          ? (districtByName.get(u.name) ?? null)
          : null,
    );
    return { units: city.units, districtOf, districts: city.districts };
  }, [city]);
}

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
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(null), 5000);
    return () => window.clearTimeout(timer);
  }, [status]);

  // Once the exercise has ended nothing waits any more: the model's dispatcher has the rest.
  const waiting = ended ? [] : (view?.waiting ?? []);
  const current = waiting.find((a) => a.appealId === selected) ?? waiting[0] ?? null;
  const lastInject = view?.injects[view.injects.length - 1];

  return (
    <section className="panel training-seat" data-testid="seat-view" aria-label={t('seatTitle', { seat })}>
      <div className="panel-head">
        <h2>{t('seatTitle', { seat })}</h2>
        <span className="mono" data-testid="seat-clock">
          {vclock(now)}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('errorPrefix', { message: error })}
        </p>
      )}
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
                onDone={(text, error) => {
                  setStatus({ text, error });
                  if (!error) refresh();
                }}
              />
            )}
            {status && (
              <p
                className={status.error ? 'error' : 'muted'}
                role={status.error ? 'alert' : 'status'}
                data-testid="decision-status"
              >
                {status.text}
              </p>
            )}
          </div>
          <div>
            {/* Beside the waiting appeals (at the top of the second column): where the selected one is. */}
            <h3>{t('seatMapTitle')}</h3>
            <SeatMap appeal={current} />
            <SeatHistory view={view} units={units} lang={lang} now={now} />
            <h3>{t('seatMessages')}</h3>
            {view.messages.length === 0 ? (
              <p className="muted small">{t('seatNoMessages')}</p>
            ) : (
              <ul className="training-list" data-testid="seat-messages">
                {view.messages.map((m) => (
                  <li key={`${m.sentAt}-${m.text}`}>
                    <span className="muted small">
                      {new Date(m.sentAt).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB')}
                    </span>{' '}
                    {m.text}
                  </li>
                ))}
              </ul>
            )}
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

function WaitingItem({
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

function DecisionForm({
  runId,
  seat,
  appeal,
  units,
  districtOf,
  districts,
  onDone,
}: {
  runId: string;
  seat: string;
  appeal: SeatAppealView;
  units: Unit[];
  districtOf: (string | null)[];
  districts: CityMap['districts'];
  onDone(text: string, error: boolean): void;
}) {
  const { t, lang } = useI18n();
  const [action, setAction] = useState<SeatDecisionInput['action']>('dispatch');
  const [channel, setChannel] = useState<Channel>('110');
  const [query, setQuery] = useState('');
  const [district, setDistrict] = useState('');
  const [unit, setUnit] = useState<number | null>(null);
  const [multiUnit, setMultiUnit] = useState(false);
  const [whistle, setWhistle] = useState(false);
  const [busy, setBusy] = useState(false);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return units
      .map((u, i) => ({ u, i }))
      .filter(
        ({ u, i }) =>
          (!district || (district === '-' ? districtOf[i] === null : districtOf[i] === district)) &&
          (!q || u.name.toLowerCase().includes(q) || u.nameEn.toLowerCase().includes(q)),
      )
      .slice(0, 200);
  }, [units, districtOf, query, district]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const body: SeatDecisionInput = {
      appealId: appeal.appealId,
      action,
      multiUnit,
      whistle,
      ...(action === 'redirect' ? { channel } : {}),
      ...(action === 'dispatch' && unit !== null ? { unit } : {}),
    };
    setBusy(true);
    try {
      await trainingApi.decide(runId, seat, body);
      onDone(t('seatSent'), false);
    } catch (err) {
      onDone(t('errorPrefix', { message: err instanceof Error ? err.message : String(err) }), true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="training-form" onSubmit={(e) => void submit(e)} data-testid="decision-form">
      <fieldset>
        <legend>
          {t('seatDecide')} #{appeal.appealId}
        </legend>
        {(['answer', 'redirect', 'dispatch'] as const).map((a) => (
          <label key={a}>
            <input
              type="radio"
              name="action"
              value={a}
              checked={action === a}
              onChange={() => setAction(a)}
              data-testid={`action-${a}`}
            />{' '}
            {t(a === 'answer' ? 'seatAnswer' : a === 'redirect' ? 'seatRedirect' : 'seatDispatch')}
          </label>
        ))}
      </fieldset>
      {action === 'redirect' && (
        <label>
          {t('seatChannel')}{' '}
          <select
            value={channel}
            onChange={(e) => setChannel(e.target.value as Channel)}
            data-testid="channel"
          >
            {SEAT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelText(t, c)}
              </option>
            ))}
          </select>
        </label>
      )}
      {action === 'dispatch' && (
        <div className="training-units">
          <input
            type="search"
            placeholder={t('seatUnitSearch')}
            aria-label={t('seatUnitSearch')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="unit-search"
          />{' '}
          <select
            aria-label={t('seatDistrict')}
            value={district}
            onChange={(e) => setDistrict(e.target.value)}
            data-testid="unit-district"
          >
            <option value="">{t('seatAllDistricts')}</option>
            <option value="-">{t('seatCitywide')}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {lang === 'zh' ? d.name : d.nameEn}
              </option>
            ))}
          </select>
          <select
            size={6}
            aria-label={t('seatUnit')}
            value={unit === null ? '' : String(unit)}
            onChange={(e) => setUnit(Number(e.target.value))}
            data-testid="unit-select"
          >
            {shown.map(({ u, i }) => (
              <option key={i} value={String(i)}>
                {lang === 'zh' ? `${u.name} · ${u.nameEn}` : `${u.nameEn} · ${u.name}`}
              </option>
            ))}
          </select>
        </div>
      )}
      <label>
        <input
          type="checkbox"
          checked={multiUnit}
          onChange={(e) => setMultiUnit(e.target.checked)}
          data-testid="multi-unit"
        />{' '}
        {t('seatMultiUnit')}
      </label>{' '}
      <label>
        <input
          type="checkbox"
          checked={whistle}
          onChange={(e) => setWhistle(e.target.checked)}
          data-testid="whistle"
        />{' '}
        {t('seatWhistle')}
      </label>{' '}
      <button
        type="submit"
        className="primary"
        disabled={busy || (action === 'dispatch' && unit === null)}
        data-testid="decision-submit"
      >
        {t('seatSubmit')}
      </button>
    </form>
  );
}

function SeatHistory({
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
