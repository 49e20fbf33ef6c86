import { CITY_UNITS, type Inject } from '@hotline-sim/shared';
import { useI18n } from '../i18n';
import { useTrainingT } from './messages';
import { INJECT_KIND } from './SeatPanel';

/** A row of the script editor (and the fire-now form): kind, hour, duration, factor or unit. */
export function InjectFields({
  inject,
  onChange,
  withHour,
  testid,
}: {
  inject: Inject;
  onChange(next: Inject): void;
  withHour: boolean;
  testid: string;
}) {
  const tt = useTrainingT();
  const { t, pick } = useI18n();
  const setKind = (kind: Inject['kind']) => {
    const base = { atHours: inject.atHours, hours: inject.hours ?? 6 };
    onChange(
      kind === 'surge'
        ? { kind, ...base, factor: 3 }
        : kind === 'outage'
          ? { kind, ...base, unitId: CITY_UNITS[0].id }
          : { kind, ...base, factor: 3 },
    );
  };
  return (
    <span className="training-inject" data-testid={testid}>
      <select
        value={inject.kind}
        onChange={(e) => setKind(e.target.value as Inject['kind'])}
        aria-label={tt('fireInject')}
        data-testid={`${testid}-kind`}
      >
        {(['surge', 'outage', 'heating-start'] as const).map((k) => (
          <option key={k} value={k}>
            {t(INJECT_KIND[k] ?? 'injectSurge')}
          </option>
        ))}
      </select>
      {withHour && (
        <label>
          {' '}
          {tt('exAtHour')}{' '}
          <input
            type="number"
            min={0}
            step={0.5}
            value={inject.atHours}
            onChange={(e) => onChange({ ...inject, atHours: Number(e.target.value) })}
            style={{ width: '5em' }}
            data-testid={`${testid}-at`}
          />
        </label>
      )}
      <label>
        {' '}
        {tt('exHours')}{' '}
        <input
          type="number"
          min={0.5}
          step={0.5}
          value={inject.hours ?? 6}
          onChange={(e) => onChange({ ...inject, hours: Number(e.target.value) })}
          style={{ width: '5em' }}
        />
      </label>
      {inject.kind === 'outage' ? (
        <label>
          {' '}
          {tt('exUnit')}{' '}
          <select value={inject.unitId} onChange={(e) => onChange({ ...inject, unitId: e.target.value })}>
            {CITY_UNITS.map((u) => (
              <option key={u.id} value={u.id}>
                {pick(u)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          {' '}
          {tt('exFactor')}{' '}
          <input
            type="number"
            min={1}
            max={50}
            step={0.5}
            value={inject.factor ?? 3}
            onChange={(e) => onChange({ ...inject, factor: Number(e.target.value) } as Inject)}
            style={{ width: '4em' }}
          />
        </label>
      )}
    </span>
  );
}
