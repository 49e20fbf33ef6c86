import {
  SEAT_CHANNELS,
  type CityMap,
  type SeatAppealView,
  type SeatDecisionInput,
} from '@hotline-sim/shared';
import { useMemo, useState } from 'react';
import { errorText, trainingApi } from '../api';
import { CheckField, SearchField, Select } from '../components';
import { useI18n } from '../i18n';
import { channelText } from './format';
import type { Unit } from './use-units';

type Channel = (typeof SEAT_CHANNELS)[number];

/**
 * The decision on one appeal: answer, redirect to a line, or dispatch to a unit found by name and
 * district; several units and the whistle as flags. `onDone` gets what to tell the trainee.
 */
export function DecisionForm({
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
      onDone(t('errorPrefix', { message: errorText(err) }), true);
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
          <Select<Channel>
            value={channel}
            choices={SEAT_CHANNELS.map((c) => ({ value: c, label: channelText(t, c) }))}
            onChange={setChannel}
            testid="channel"
          />
        </label>
      )}
      {action === 'dispatch' && (
        <div className="training-units">
          <SearchField label={t('seatUnitSearch')} value={query} onChange={setQuery} testid="unit-search" />{' '}
          <Select
            label={t('seatDistrict')}
            value={district}
            choices={districts.map((d) => ({ value: d.id, label: lang === 'zh' ? d.name : d.nameEn }))}
            onChange={setDistrict}
            testid="unit-district"
          >
            <option value="">{t('seatAllDistricts')}</option>
            <option value="-">{t('seatCitywide')}</option>
          </Select>
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
      <CheckField checked={multiUnit} onChange={setMultiUnit} testid="multi-unit">
        {t('seatMultiUnit')}
      </CheckField>{' '}
      <CheckField checked={whistle} onChange={setWhistle} testid="whistle">
        {t('seatWhistle')}
      </CheckField>{' '}
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
