import type { ComparisonStatus, ScenarioSummary } from '@hotline-sim/shared';
import { useEffect, useRef, useState } from 'react';
import { api, errorText } from '../api';
import { ErrorNote } from '../components';
import { useI18n } from '../i18n';
import { formatKpi, formatKpiDifference, kpiDefinition, kpiLabel } from '../kpis';
import { useCanControl } from '../session';
import { comparisonCsv } from './compare-export';
import { DifferenceChart, type DifferenceChartHandle } from './DifferenceChart';
import { ExperimentProgress } from './ExperimentProgress';
import { ExportButtons } from './ExportButtons';
import { ReplicationsField } from './ReplicationsField';
import { SweepView } from './SweepView';
import { useExperiment } from './use-experiment';

/**
 * Two scenarios on common random numbers: replications run on the server's experiments queue (a
 * progress bar while they do), then each KPI's difference B − A with its paired 95 % interval, as a
 * chart and a table, exportable as CSV and PNG. Loaded on demand (not in the initial bundle).
 */
export default function CompareView() {
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
  const canControl = useCanControl();
  const [mode, setMode] = useState<'two' | 'sweep'>('two');

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
    void start(() => api.createComparison({ a, b, replications }));
  };

  const comparison = status?.status === 'done' ? status.comparison : undefined;
  const significant = comparison?.rows.filter((r) => r.significant).length ?? 0;

  const modes = (
    <div className="segmented" role="group" aria-label={t('compareModes')}>
      <button
        type="button"
        aria-pressed={mode === 'two'}
        onClick={() => setMode('two')}
        data-testid="mode-two"
      >
        {t('compareModeTwo')}
      </button>
      <button
        type="button"
        aria-pressed={mode === 'sweep'}
        onClick={() => setMode('sweep')}
        data-testid="mode-sweep"
      >
        {t('compareModeSweep')}
      </button>
    </div>
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
      {scenarios && modes}
      <section className="panel">
        <header className="panel-head">
          <h2>{t('compareTitle')}</h2>
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
              <select value={a} onChange={(e) => setA(e.target.value)} data-testid="compare-a">
                {scenarios.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('compareB')}
              <select value={b} onChange={(e) => setB(e.target.value)} data-testid="compare-b">
                {scenarios.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <ReplicationsField
              value={replications}
              onChange={setReplications}
              max={100}
              testid="compare-replications"
            />
            <button
              type="submit"
              className="primary"
              disabled={!canControl || !a || !b || a === b || status?.status === 'running'}
              data-testid="compare-run"
            >
              {t('compareRun')}
            </button>
            {a && a === b && <span className="muted small">{t('compareSame')}</span>}
            {!canControl && <span className="muted small">{t('readOnly')}</span>}
          </form>
        )}
        <ExperimentProgress
          status={status}
          error={error}
          testId="compare-progress"
          failed="compareFailed"
          empty="compareEmpty"
        />
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
    </main>
  );
}
