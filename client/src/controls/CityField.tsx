import type { CitySummary } from '@hotline-sim/shared';
import { useEffect, useState } from 'react';
import { errorText } from '../api';
import { ErrorNote, Select } from '../components';
import { useI18n } from '../i18n';
import { loadCities } from '../map/city-data';

/**
 * The city a new run takes place in, from GET /api/cities. While `value` is null (nothing chosen and
 * the scenario names no city) it shows the server's default city and reports it through `onChange`.
 */
export function CityField({ value, onChange }: { value: string | null; onChange(key: string): void }) {
  const { t, fmt, pick } = useI18n();
  const [cities, setCities] = useState<CitySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadCities(attempt > 0).then(
      (list) => {
        if (!live) return;
        setCities(list.cities);
        if (value === null) onChange(list.default);
      },
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
    // Only on opening (and retrying): `value` and `onChange` change as the user chooses.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  return (
    <label title={t('runCityTitle')}>
      {t('runCity')}
      {error ? (
        <ErrorNote
          message={t('citiesError', { message: error })}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      ) : !cities || value === null ? (
        <span className="note">{t('loading')}</span>
      ) : (
        <Select
          value={value}
          choices={cities.map((c) => ({
            value: c.key,
            label: t('runCityOption', {
              name: pick({ zh: c.name, en: c.nameEn }),
              districts: fmt.number(c.districts),
              streets: fmt.number(c.streets),
            }),
          }))}
          onChange={onChange}
          testid="run-city"
        />
      )}
    </label>
  );
}
