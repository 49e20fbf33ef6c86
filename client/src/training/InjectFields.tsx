import { CITY_UNITS, type Inject } from '@hotline-sim/shared';
import { useI18n } from '../i18n';
import { useTrainingT } from './messages';
import { INJECT_LABEL } from '../controls/InjectMenu';

/** A row of the script editor (and the fire-now form): kind, hour, duration, and factor, unit or count. */
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
    const at = inject.atHours;
    onChange(
      kind === 'surge'
        ? { kind, atHours: at, hours: 6, factor: 3 }
        : kind === 'outage'
          ? { kind, atHours: at, hours: 6, unitId: CITY_UNITS[0].id }
          : kind === 'heating-start'
            ? { kind, atHours: at, hours: 168, factor: 3 }
            : { kind, atHours: at, hours: 0.5, count: 6 },
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
        {(Object.keys(INJECT_LABEL) as Inject['kind'][]).map((k) => (
          <option key={k} value={k}>
            {t(INJECT_LABEL[k])}
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
          min={0.25}
          step={0.25}
          value={inject.hours ?? 6}
          onChange={(e) => onChange({ ...inject, hours: Number(e.target.value) })}
          style={{ width: '5em' }}
        />
      </label>
      {inject.kind === 'outage' && (
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
      )}
      {(inject.kind === 'surge' || inject.kind === 'heating-start') && (
        <label>
          {' '}
          {tt('exFactor')}{' '}
          <input
            type="number"
            min={1}
            max={50}
            step={0.5}
            value={inject.factor ?? 3}
            onChange={(e) => onChange({ ...inject, factor: Number(e.target.value) })}
            style={{ width: '4em' }}
          />
        </label>
      )}
      {(inject.kind === 'ambiguous-batch' || inject.kind === 'emergency-batch') && (
        <label>
          {' '}
          {t('injectCount')}{' '}
          <input
            type="number"
            min={1}
            max={200}
            step={1}
            value={inject.count}
            onChange={(e) => onChange({ ...inject, count: Number(e.target.value) })}
            style={{ width: '4em' }}
            data-testid={`${testid}-count`}
          />
        </label>
      )}
    </span>
  );
}
