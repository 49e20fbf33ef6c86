import type { ComparisonStatus, KpiName, ScenarioSummary } from '@hotline-sim/shared';
import { useEffect, useRef, useState } from 'react';
import { api, errorText } from '../api';
import { ErrorNote, Select } from '../components';
import { useI18n } from '../i18n';
import { formatKpi, formatKpiDifference, kpiDefinition, kpiLabel } from '../kpis';
import { comparisonCsv } from './compare-export';
import { DifferenceChart, type DifferenceChartHandle } from './DifferenceChart';
import { ExperimentProgress } from './ExperimentProgress';
import { ExportButtons } from './ExportButtons';
import { scenarioChoices } from './scenario-choices';
import { ReplicationsField } from './ReplicationsField';
import { RunButton } from './RunButton';
import { SweepView } from './SweepView';
import { CitiesView } from './CitiesView';
import { useExperiment } from './use-experiment';
import { WaterfallChart } from './WaterfallChart';

/**
 * Two scenarios on common random numbers: replications run on the server's experiments queue (a
 * progress bar while they do), then each KPI's difference B − A with its paired 95 % interval, as a
 * chart and a table, exportable as CSV and PNG; or a sweep of one lever, or the three cities side by
 * side (CitiesView). Loaded on demand (not in the initial bundle).
 */
export default function CompareView({
  initialMode = 'two',
}: {
  /** The mode shown first (a lesson step about the three cities opens `cities`). */
  initialMode?: 'two' | 'sweep' | 'cities';
} = {}) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [replications, setReplications] = useState(5);
  const { status, error, start } = useExperiment<ComparisonStatus>(api.comparison);
  const [attempt, setAttempt] = useState(0);
  const chart = useRef<DifferenceChartHandle>(null);
  const [mode, setMode] = useState<'two' | 'sweep' | 'cities'>(initialMode);
  const [explain, setExplain] = useState(false);
  const [whyKpi, setWhyKpi] = useState<KpiName>('satisfactionRate');

  useEffect(() => {
    api.scenarios().then(
      (list) => {
        setScenarios(list);
        const names = list.map((s) => s.name);
        setA((v) => v || (names.includes('stage-2019-01') ? 'stage-2019-01' : (names[0] ?? '')));
        setB((v) => v || (names.includes('stage-2019-10') ? 'stage-2019-10' : (names[1] ?? '')));
      },
      (err: unknown) => setListError(errorText(err)),
    );
  }, [attempt]);

  const run = (e: React.FormEvent) => {
    e.preventDefault();
    void start(() => api.createComparison({ a, b, replications, explain }));
  };

  const choices = scenarioChoices(scenarios ?? []);
  const comparison = status?.status === 'done' ? status.comparison : undefined;
  const significant = comparison?.rows.filter((r) => r.significant).length ?? 0;
  const explanation = status?.status === 'done' ? status.explanation : undefined;
  const whyKpis = explanation ? (Object.keys(explanation.kpis) as KpiName[]) : [];

  const modes = (
    <div className="segmented" role="group" aria-label={t('compareModes')}>
      {(['two', 'sweep', 'cities'] as const).map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={mode === m}
          onClick={() => setMode(m)}
          data-testid={`mode-${m}`}
        >
          {t(m === 'two' ? 'compareModeTwo' : m === 'sweep' ? 'compareModeSweep' : 'compareModeCities')}
        </button>
      ))}
    </div>
  );

  // The three cities read their own list (GET /api/cities): they do not wait for the scenarios.
  if (mode === 'cities')
    return (
      <main className="compare" id="main" data-testid="compare-view">
        {modes}
        <CitiesView />
      </main>
    );

  if (mode === 'sweep' && scenarios)
    return (
      <main className="compare" id="main" data-testid="compare-view">
        {modes}
        <SweepView scenarios={scenarios} />
      </main>
    );

  return (
    <main className="compare" id="main" data-testid="compare-view">
      {modes}
      <section className="panel">
        <header className="panel-head">
          {/* A sweep asked for before the scenarios came: its title over the loading note. */}
          <h2>{t(mode === 'sweep' ? 'sweepTitle' : 'compareTitle')}</h2>
        </header>
        {listError ? (
          <ErrorNote
            message={t('scenariosError', { message: listError })}
            onRetry={() => {
              setListError(null);
              setAttempt((n) => n + 1);
            }}
          />
        ) : !scenarios ? (
          <p className="note">{t('scenariosLoading')}</p>
        ) : (
          <form className="compare-form" onSubmit={run}>
            <label>
              {t('compareA')}
              <Select value={a} choices={choices} onChange={setA} testid="compare-a" />
            </label>
            <label>
              {t('compareB')}
              <Select value={b} choices={choices} onChange={setB} testid="compare-b" />
            </label>
            <ReplicationsField
              value={replications}
              onChange={setReplications}
              max={100}
              testid="compare-replications"
            />
            <label className="inline" title={t('explainHint')}>
              <input
                type="checkbox"
                checked={explain}
                onChange={(e) => setExplain(e.target.checked)}
                data-testid="compare-explain"
              />{' '}
              {t('explainToggle')}
            </label>
            <RunButton
              label="compareRun"
              testid="compare-run"
              blocked={!a || !b || a === b}
              running={status?.status === 'running'}
              hint={a && a === b ? t('compareSame') : null}
            />
          </form>
        )}
        <ExperimentProgress status={status} error={error} kind="compare" />
      </section>
      {comparison && (
        <section className="panel" data-testid="compare-result">
          <header className="panel-head">
            <h2>
              {comparison.a} → {comparison.b}
            </h2>
            <span data-testid="compare-significant">
              {t('compareSignificantCount', {
                n: fmt.number(significant),
                total: fmt.number(comparison.rows.length),
              })}
            </span>
            <ExportButtons
              name={`compare-${comparison.a}-vs-${comparison.b}`}
              csv={() => comparisonCsv(comparison)}
              png={() => chart.current?.png()}
              testIds={{ csv: 'export-csv', png: 'export-png' }}
            />
          </header>
          <p className="muted small">{t('compareChartNote')}</p>
          <div className="chart-scroll">
            <DifferenceChart ref={chart} comparison={comparison} />
          </div>
          <div className="table-scroll">
            <table data-testid="compare-table">
              <thead>
                <tr>
                  <th scope="col">{t('compareKpi')}</th>
                  <th scope="col">A</th>
                  <th scope="col">B</th>
                  <th scope="col">{t('compareDiff')}</th>
                  <th scope="col">{t('compareCi')}</th>
                  <th scope="col">{t('compareRel')}</th>
                  <th scope="col">{t('compareSignificant')}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.rows.map((r) => (
                  <tr key={r.kpi} className={r.significant ? 'significant' : undefined}>
                    <th scope="row" title={kpiDefinition(i18n, r.kpi)}>
                      {kpiLabel(i18n, r.kpi)}
                    </th>
                    <td className="num">{formatKpi(i18n, r.kpi, r.a)}</td>
                    <td className="num">{formatKpi(i18n, r.kpi, r.b)}</td>
                    <td className="num">{formatKpiDifference(i18n, r.kpi, r.difference)}</td>
                    <td className="num">
                      [{formatKpiDifference(i18n, r.kpi, r.ci95[0])},{' '}
                      {formatKpiDifference(i18n, r.kpi, r.ci95[1])}]
                    </td>
                    <td className="num">
                      {r.relativeDifference === null ? t('none') : fmt.percent(r.relativeDifference, 1)}
                    </td>
                    <td>{r.significant ? `✔ ${t('compareYes')}` : t('compareNo')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {explanation && (
        <section className="panel" data-testid="explain-result">
          <header className="panel-head">
            <h2>{t('explainTitle')}</h2>
            <label>
              {t('compareKpi')}{' '}
              <Select
                value={whyKpis.includes(whyKpi) ? whyKpi : (whyKpis[0] ?? whyKpi)}
                choices={whyKpis.map((k) => ({ value: k, label: kpiLabel(i18n, k) }))}
                onChange={(k) => setWhyKpi(k as KpiName)}
                testid="explain-kpi"
              />
            </label>
          </header>
          <p className="muted small">{t('explainChartNote')}</p>
          {explanation.groups.length === 0 ? (
            <p className="note">{t('explainNothing')}</p>
          ) : (
            <div className="chart-scroll">
              <WaterfallChart
                explanation={explanation}
                kpi={whyKpis.includes(whyKpi) ? whyKpi : (whyKpis[0] ?? whyKpi)}
              />
            </div>
          )}
        </section>
      )}
    </main>
  );
}
