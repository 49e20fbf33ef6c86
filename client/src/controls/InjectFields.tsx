import { CITY_UNITS, STORM_CATEGORY_IDS, isBatchInject, type Inject } from '@hotline-sim/shared';
import { NumberField } from '../components';
import { useI18n, type MessageKey } from '../i18n';
import { useCityMap, useRunCityKey } from '../map/city-data';

/** What an instructor can inject: the kinds, and a rainstorm (a surge of the storm's categories). */
export type InjectChoice = Inject['kind'] | 'storm';

const CHOICE_LABEL: Record<InjectChoice, MessageKey> = {
  surge: 'injectSurge',
  storm: 'injectStorm',
  outage: 'injectOutage',
  'heating-start': 'injectHeating',
  'ambiguous-batch': 'injectAmbiguous',
  'emergency-batch': 'injectEmergency',
  'duplicates-batch': 'deskInjectDuplicates',
};

const isStorm = (inject: Inject) =>
  inject.kind === 'surge' &&
  inject.categories?.length === STORM_CATEGORY_IDS.length &&
  STORM_CATEGORY_IDS.every((c) => inject.categories?.includes(c));

/** The choice an inject shows as (a surge of exactly the storm's categories is a storm). */
export const choiceOf = (inject: Inject): InjectChoice => (isStorm(inject) ? 'storm' : inject.kind);

/** The label of an inject, or of an inject kind (the seats only know the kind). */
export function injectLabel(inject: Inject | string): MessageKey | null {
  if (typeof inject !== 'string') return CHOICE_LABEL[choiceOf(inject)];
  return Object.hasOwn(CHOICE_LABEL, inject) ? CHOICE_LABEL[inject as InjectChoice] : null;
}

/** An inject of the chosen kind with its usual figures, at `atHours`. */
export function injectOf(choice: InjectChoice, atHours: number): Inject {
  switch (choice) {
    case 'surge':
      return { kind: 'surge', atHours, hours: 6, factor: 4 };
    case 'storm':
      return { kind: 'surge', atHours, hours: 12, factor: 5, categories: [...STORM_CATEGORY_IDS] };
    case 'outage':
      return { kind: 'outage', atHours, hours: 6, unitId: CITY_UNITS[0].id };
    case 'heating-start':
      return { kind: 'heating-start', atHours, hours: 168, factor: 3 };
    default:
      return { kind: choice, atHours, hours: 0.5, count: 6 };
  }
}

/**
 * The fields of one inject: kind, hour (in a script), duration, and its figures (factor and district,
 * unit, or count). The dashboard's inject menu, the console's fire-now form and the script editors
 * all use it, so an inject is set the same way everywhere.
 */
export function InjectFields({
  inject,
  onChange,
  withHour,
  testid,
  city,
}: {
  inject: Inject;
  onChange(next: Inject): void;
  withHour: boolean;
  testid: string;
  /**
   * The city whose districts a surge may name, by key (null: the server's default city). Left out:
   * the followed run's city (an inject into that run); an exercise's script names its own.
   */
  city?: string | null;
}) {
  const { t, pick } = useI18n();
  const runCity = useRunCityKey();
  const districts = useCityMap(city === undefined ? runCity : city).city?.districts ?? [];
  const number = (value: string) => (value === '' ? 0 : Number(value));
  return (
    <span className="inject-fields" data-testid={testid}>
      <label>
        {t('injectKind')}{' '}
        <select
          value={choiceOf(inject)}
          onChange={(e) => onChange(injectOf(e.target.value as InjectChoice, inject.atHours))}
          data-testid={`${testid}-kind`}
        >
          {(Object.keys(CHOICE_LABEL) as InjectChoice[]).map((k) => (
            <option key={k} value={k}>
              {t(CHOICE_LABEL[k])}
            </option>
          ))}
        </select>
      </label>{' '}
      {withHour && (
        <>
          <NumberField
            label={t('injectAtHour')}
            min={0}
            step={0.5}
            value={inject.atHours}
            onChange={(v) => onChange({ ...inject, atHours: number(v) })}
            testid={`${testid}-at`}
          />{' '}
        </>
      )}
      <NumberField
        label={t('injectHours')}
        min={0.25}
        max={2000}
        step={0.25}
        value={inject.hours ?? 6}
        onChange={(v) => onChange({ ...inject, hours: number(v) })}
        testid={`${testid}-hours`}
      />{' '}
      {(inject.kind === 'surge' || inject.kind === 'heating-start') && (
        <NumberField
          label={t('injectFactor')}
          min={1}
          max={50}
          step={0.5}
          value={inject.factor ?? 3}
          onChange={(v) => onChange({ ...inject, factor: number(v) })}
          testid={`${testid}-factor`}
        />
      )}{' '}
      {inject.kind === 'surge' && (
        <label>
          {t('injectDistrict')}{' '}
          <select
            value={inject.districtId ?? ''}
            onChange={(e) => {
              const { districtId: _, ...rest } = inject;
              onChange(e.target.value ? { ...rest, districtId: e.target.value } : rest);
            }}
            data-testid={`${testid}-district`}
          >
            <option value="">{t('injectAllDistricts')}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {pick({ zh: d.name, en: d.nameEn })}
              </option>
            ))}
          </select>
        </label>
      )}
      {inject.kind === 'outage' && (
        <label>
          {t('injectUnit')}{' '}
          <select
            value={inject.unitId}
            onChange={(e) => onChange({ ...inject, unitId: e.target.value })}
            data-testid={`${testid}-unit`}
          >
            {CITY_UNITS.map((u) => (
              <option key={u.id} value={u.id}>
                {pick(u)}
              </option>
            ))}
          </select>
        </label>
      )}
      {isBatchInject(inject) && (
        <NumberField
          label={t('injectCount')}
          min={1}
          max={200}
          step={1}
          value={inject.count}
          onChange={(v) => onChange({ ...inject, count: number(v) })}
          testid={`${testid}-count`}
        />
      )}
    </span>
  );
}
