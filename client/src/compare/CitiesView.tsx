import {
  CITIZEN_KPIS,
  CITIZEN_KPI_NAMES,
  CITY_SCENARIOS,
  VIOTE_DRIVERS,
  type CitizenKpi,
  type CityComparisonStatus,
  type CitySummary,
} from '@hotline-sim/shared';
import { useEffect, useMemo, useState } from 'react';
import { citiesApi } from '../api';
import { EmptyNote } from '../components';
import { loadCities } from '../map/city-data';
import { useI18n, type I18n } from '../i18n';
import { cityEffects, type EffectBar } from './city-effects';
import { ExperimentProgress } from './ExperimentProgress';
import { ReplicationsField } from './ReplicationsField';
import { RunButton } from './RunButton';
import { useExperiment } from './use-experiment';

const HOURS = [24, 72, 168] as const;

/**
 * A city's name in the page's language, from the server's list of cities (GET /api/cities: the
 * built-in ones and those built by `hotline city`); its key until the list is there.
 */
function cityName(i18n: I18n, cities: readonly CitySummary[], key: string): string {
  const city = cities.find((c) => c.key === key);
  return city ? (i18n.lang === 'zh' ? city.name : city.nameEn) : key;
}

/** The cities' names, fetched once per page; [] until they come (or when they cannot). */
function useCityNames(): readonly CitySummary[] {
  const [cities, setCities] = useState<readonly CitySummary[]>([]);
  useEffect(() => {
    let live = true;
    loadCities().then(
      (list) => live && setCities(list.cities),
      () => undefined, // the keys are shown instead
    );
    return () => {
      live = false;
    };
  }, []);
  return cities;
}

/** A change in the citizen KPI's unit: days, a count per matter, or points of a share. */
function formatChange(i18n: I18n, kpi: CitizenKpi, x: number): string {
  const unit = CITIZEN_KPIS[kpi].unit;
  if (unit === 'share') return i18n.t('unitPp', { v: i18n.fmt.signed(x * 100, 2) });
  if (unit === 'd') return i18n.t('unitD', { v: i18n.fmt.signed(x, 2) });
  return i18n.fmt.signed(x, 3);
}

/** An effect bar with its 95 % interval, on the KPI's common axis (zero in the middle). */
function Bar({ bar, label }: { bar: EffectBar; label: string }) {
  const w = 120;
  const x0 = Math.min(bar.zero, bar.mean) * w;
  const x1 = Math.max(bar.zero, bar.mean) * w;
  return (
    <svg width={w} height={14} role="img" aria-label={label} className="effect-bar">
      <line x1={w / 2} x2={w / 2} y1={0} y2={14} stroke="currentColor" strokeOpacity={0.4} />
      <rect
        x={x0}
        y={3}
        width={Math.max(1, x1 - x0)}
        height={8}
        fill={bar.significant ? 'var(--accent)' : 'var(--muted, #999)'}
      />
      <line x1={bar.lo * w} x2={bar.hi * w} y1={7} y2={7} stroke="currentColor" />
    </svg>
  );
}

/**
 * The three cities side by side by VIOTE driver: for each driver, the levers each city's latest
 * scenario uses and what each does when switched off alone (common random numbers), as bars with
 * 95 % intervals on time to a result, visits per matter and satisfaction.
 */
export function CitiesView() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const cities = useCityNames();
  const nameOf = (key: string) => cityName(i18n, cities, key);
  const [replications, setReplications] = useState(3);
  const [hours, setHours] = useState<number>(24);
  const { status, error, start } = useExperiment<CityComparisonStatus>(citiesApi.get);
  const comparison = status?.status === 'done' ? status.comparison : undefined;
  const view = useMemo(() => (comparison ? cityEffects(comparison) : undefined), [comparison]);

  const run = (e: React.FormEvent) => {
    e.preventDefault();
    const scenarios = CITY_SCENARIOS.map((c) => c.scenario);
    void start(() => citiesApi.create({ scenarios, replications, hours }));
  };

  return (
    <>
      <section className="panel">
        <header className="panel-head">
          <h2>{t('citiesTitle')}</h2>
        </header>
        <p className="muted small">
          {t('citiesIntro', {
            scenarios: CITY_SCENARIOS.map((c) => `${nameOf(c.city)} ${c.scenario}`).join(
              i18n.lang === 'zh' ? '、' : ', ',
            ),
          })}
        </p>
        <form className="compare-form" onSubmit={run}>
          <ReplicationsField
            value={replications}
            onChange={setReplications}
            max={10}
            testid="cities-replications"
          />
          <label>
            {t('citiesHours')}
            <select
              value={hours}
              onChange={(e) => setHours(Number(e.target.value))}
              data-testid="cities-hours"
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {t('unitH', { v: String(h) })}
                </option>
              ))}
            </select>
          </label>
          <RunButton
            label="citiesRun"
            testid="cities-run"
            blocked={false}
            running={status?.status === 'running'}
          />
        </form>
        <ExperimentProgress status={status} error={error} kind="cities" />
      </section>
      {view && (
        <section className="panel" data-testid="cities-result">
          <header className="panel-head">
            <h2>{view.present.map((c) => nameOf(c)).join(' · ') || t('citiesNone')}</h2>
          </header>
          {view.missing.map((m) => (
            <p key={m.city} className="note" data-testid="cities-missing">
              {t('citiesMissing', { city: nameOf(m.city), scenario: m.scenario })}
            </p>
          ))}
          <p className="muted small">{t('citiesNote')}</p>
          {view.drivers.map((d) => (
            <div key={d.driver} data-testid={`cities-driver-${d.driver}`}>
              <h3>{pick(VIOTE_DRIVERS[d.driver])}</h3>
              {d.rows.length === 0 ? (
                <EmptyNote>{t('citiesDriverEmpty')}</EmptyNote>
              ) : (
                <div className="table-scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('citiesCity')}</th>
                        <th scope="col">{t('citiesLever')}</th>
                        {CITIZEN_KPI_NAMES.map((k) => (
                          <th scope="col" key={k}>
                            {pick(CITIZEN_KPIS[k])}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {d.rows.map((r) => (
                        <tr key={`${r.city}/${r.path}`}>
                          <td>{nameOf(r.city)}</td>
                          <th scope="row" title={r.path}>
                            {pick(r)} <span className="muted small">{`${r.off} → ${r.on}`}</span>
                          </th>
                          {CITIZEN_KPI_NAMES.map((k) => {
                            const b = r.bars[k];
                            if (!b) return <td key={k}>{t('none')}</td>;
                            const text = `${formatChange(i18n, k, b.difference)} [${formatChange(i18n, k, b.ci95[0])}, ${formatChange(i18n, k, b.ci95[1])}]`;
                            return (
                              <td key={k} className="num">
                                <Bar bar={b} label={text} /> <span className="small">{text}</span>
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {d.idle.length > 0 && d.rows.length > 0 && (
                <p className="muted small">
                  {t('citiesIdle', { cities: d.idle.map((c) => nameOf(c)).join(', ') })}
                </p>
              )}
            </div>
          ))}
        </section>
      )}
    </>
  );
}
