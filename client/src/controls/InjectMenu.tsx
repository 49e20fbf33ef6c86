import { CITY_UNITS, type CityMap, type Inject } from '@hotline-sim/shared';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { loadCity } from '../map/city-data';

type Kind = Inject['kind'];

/** Each inject kind's label (the dashboard's menu, the training console and seats). */
export const INJECT_LABEL: Record<Kind, MessageKey> = {
  surge: 'injectSurge',
  outage: 'injectOutage',
  'heating-start': 'injectHeating',
  'ambiguous-batch': 'injectAmbiguous',
  'emergency-batch': 'injectEmergency',
};

const isBatch = (k: Kind) => k === 'ambiguous-batch' || k === 'emergency-batch';

/**
 * Fire an event into the running city now: a demand surge, a unit's outage, the heating season's
 * start, or a batch of ambiguous appeals or emergencies for the training seats (without seats the
 * model's own intake takes them, which a class can watch on the map).
 */
export function InjectMenu({
  runId,
  disabled,
  onDone,
  onError,
}: {
  runId: string;
  disabled: boolean;
  onDone(message: string): void;
  onError(message: string): void;
}) {
  const { t, pick } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);
  const [kind, setKind] = useState<Kind>('surge');
  const [factor, setFactor] = useState(4);
  const [count, setCount] = useState(6);
  const [hours, setHours] = useState(6);
  const [district, setDistrict] = useState('');
  const [unitId, setUnitId] = useState<string>(CITY_UNITS[0].id);
  const [districts, setDistricts] = useState<CityMap['districts']>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadCity().then(
      (c) => setDistricts(c.districts),
      () => undefined,
    );
  }, []);

  const fire = async (e: React.FormEvent) => {
    e.preventDefault();
    const inject: Inject =
      kind === 'surge'
        ? { kind, atHours: 0, hours, factor, ...(district ? { districtId: district } : {}) }
        : kind === 'outage'
          ? { kind, atHours: 0, hours, unitId }
          : kind === 'heating-start'
            ? { kind, atHours: 0, hours, factor }
            : { kind, atHours: 0, hours, count };
    setBusy(true);
    try {
      await api.inject(runId, inject);
      onDone(t('injectDone', { what: t(INJECT_LABEL[kind]) }));
      if (ref.current) ref.current.open = false;
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="popover" ref={ref}>
      <summary
        className={disabled ? 'button disabled' : 'button'}
        aria-disabled={disabled}
        data-testid="inject-open"
      >
        {t('inject')}
      </summary>
      <form className="popover-body" onSubmit={fire}>
        <fieldset disabled={disabled || busy}>
          <legend>{t('inject')}</legend>
          <div className="radio-row">
            {(Object.keys(INJECT_LABEL) as Kind[]).map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name="inject-kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    setHours(k === 'heating-start' ? 168 : isBatch(k) ? 0.5 : 6);
                    setFactor(k === 'heating-start' ? 3 : 4);
                  }}
                />
                {t(INJECT_LABEL[k])}
              </label>
            ))}
          </div>
          {isBatch(kind) && (
            <label>
              {t('injectCount')}
              <input
                type="number"
                min={1}
                max={200}
                step={1}
                value={count}
                onChange={(e) => setCount(Number(e.target.value))}
              />
            </label>
          )}
          {(kind === 'surge' || kind === 'heating-start') && (
            <label>
              {t('injectFactor')}
              <input
                type="number"
                min={1}
                max={50}
                step={0.5}
                value={factor}
                onChange={(e) => setFactor(Number(e.target.value))}
              />
            </label>
          )}
          <label>
            {t('injectHours')}
            <input
              type="number"
              min={0.5}
              max={2000}
              step={0.5}
              value={hours}
              onChange={(e) => setHours(Number(e.target.value))}
            />
          </label>
          {kind === 'surge' && (
            <label>
              {t('injectDistrict')}
              <select value={district} onChange={(e) => setDistrict(e.target.value)}>
                <option value="">{t('injectAllDistricts')}</option>
                {districts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {pick({ zh: d.name, en: d.nameEn })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {kind === 'outage' && (
            <label>
              {t('injectUnit')}
              <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                {CITY_UNITS.map((u) => (
                  <option key={u.id} value={u.id}>
                    {pick(u)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="primary" data-testid="inject-fire">
            {t('injectFire')}
          </button>
        </fieldset>
      </form>
    </details>
  );
}
