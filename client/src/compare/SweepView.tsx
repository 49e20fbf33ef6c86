import { LEVERS, type KpiName, type ScenarioSummary, type SweepStatus } from '@hotline-sim/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { formatKpi, kpiDefinition, kpiLabel } from '../kpis';
import { getPath, LEVER_INPUTS } from '../levers/lever-values';
import { valueDecimals } from './value-decimals';
import { Select } from '../components';
import { useKeyedState } from '../hooks';
import { svgPng } from './compare-export';
import { ExperimentProgress } from './ExperimentProgress';
import { ExportButtons } from './ExportButtons';
import { ReplicationsField } from './ReplicationsField';
import { RunButton } from './RunButton';
import { scenarioChoices } from './scenario-choices';
import { SweepChart } from './SweepChart';
import { parseSweepValues, sweepCsv, sweepKpis, sweepSeries } from './sweep-export';
import { useExperiment } from './use-experiment';

/** Levers a sweep can vary: the numeric ones (counts, shares, hours). */
const NUMERIC_LEVERS = LEVERS.filter((l) => l.kind === 'number');

/** Values to start from: the catalogue's swing range and its middle, or around the scenario's own value. */
function defaultValues(path: string, current: unknown): string {
  const lever = LEVERS.find((l) => l.path === path);
  if (lever?.range && !lever.relative) {
    const [lo, hi] = lever.range;
    const mid = lever.integer ? Math.round((lo + hi) / 2) : Number(((lo + hi) / 2).toFixed(3));
    return [lo, mid, hi].join(', ');
  }
  const v = typeof current === 'number' && current > 0 ? current : 10;
  return [...new Set([Math.round(v * 0.8), Math.round(v), Math.round(v * 1.2)])].join(', ');
}

/**
 * A sweep: one scenario at 2-8 values of one numeric lever, replications on the server's experiments
 * queue (progress bar), then a chosen KPI's mean with its 95 % interval against the lever's values,
 * and a table; CSV export.
 */
export function SweepView({ scenarios }: { scenarios: ScenarioSummary[] }) {
  const chartRef = useRef<SVGSVGElement>(null);
  const i18n = useI18n();
  const { t, fmt, pick } = i18n;
  const [scenario, setScenario] = useState(
    scenarios.some((s) => s.name === 'stage-2024') ? 'stage-2024' : (scenarios[0]?.name ?? ''),
  );
  const [path, setPath] = useState(NUMERIC_LEVERS[0]?.path ?? 'intake.agents');
  const [full, setFull] = useKeyedState<Record<string, unknown> | null>(scenario, null);
  // The values typed for this lever and scenario (null: the defaults around the scenario's value).
  const [typed, setTyped] = useKeyedState<string | null>(`${scenario}/${path}/${full ? 1 : 0}`, null);
  const valuesText = typed ?? defaultValues(path, full ? getPath(full, path) : undefined);
  const [replications, setReplications] = useState(5);
  const { status, error, start } = useExperiment<SweepStatus>(api.sweep);
  const [kpi, setKpi] = useState<KpiName>('meanWaitSeconds');

  useEffect(() => {
    let live = true;
    api.scenario(scenario).then(
      (s) => live && setFull(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [scenario, setFull]);

  const values = parseSweepValues(valuesText);
  const run = (e: React.FormEvent) => {
    e.preventDefault();
    if (typeof values === 'string') return;
    void start(() => api.createSweep({ scenario, path, values, replications }));
  };

  const sweep = status?.status === 'done' ? status.sweep : undefined;
  const kpis = useMemo(() => (sweep ? sweepKpis(sweep) : []), [sweep]);
  const shownKpi = kpis.includes(kpi) ? kpi : (kpis[0] ?? kpi);
  const lever = LEVERS.find((l) => l.path === (sweep?.path ?? path));
  const leverName = lever ? pick(lever) : (sweep?.path ?? path);
  const xDecimals = sweep
    ? valueDecimals(
        sweep.rows.map((r) => r.value),
        LEVER_INPUTS[sweep.path] === 'share' ? 2 : 0,
      )
    : 0;

  return (
    <>
      <section className="panel">
        <header className="panel-head">
          <h2>{t('sweepTitle')}</h2>
        </header>
        <form className="compare-form" onSubmit={run}>
          <label>
            {t('scenario')}
            <Select
              value={scenario}
              choices={scenarioChoices(scenarios)}
              onChange={setScenario}
              testid="sweep-scenario"
            />
          </label>
          <label>
            {t('sweepLever')}
            <Select
              value={path}
              choices={NUMERIC_LEVERS.map((l) => ({ value: l.path, label: pick(l), title: pick(l.explain) }))}
              onChange={setPath}
              testid="sweep-lever"
            />
          </label>
          <label>
            {t('sweepValues')}
            <input
              type="text"
              value={valuesText}
              onChange={(e) => setTyped(e.target.value)}
              aria-invalid={typeof values === 'string'}
              data-testid="sweep-values"
            />
          </label>
          <ReplicationsField
            value={replications}
            onChange={setReplications}
            max={20}
            testid="sweep-replications"
          />
          <RunButton
            label="sweepRun"
            testid="sweep-run"
            blocked={typeof values === 'string'}
            running={status?.status === 'running'}
            hint={typeof values === 'string' ? t(values) : null}
          />
        </form>
        <ExperimentProgress status={status} error={error} kind="sweep" />
      </section>
      {sweep && (
        <section className="panel" data-testid="sweep-result">
          <header className="panel-head">
            <h2>
              {sweep.scenario} · {leverName}
            </h2>
            <label>
              {t('sweepKpi')}{' '}
              <Select<KpiName>
                value={shownKpi}
                choices={kpis.map((k) => ({ value: k, label: kpiLabel(i18n, k) }))}
                onChange={setKpi}
                testid="sweep-kpi"
              />
            </label>
            <ExportButtons
              name={`sweep-${sweep.scenario}-${sweep.path}`}
              csv={() => sweepCsv(sweep)}
              png={() => (chartRef.current ? svgPng(chartRef.current) : undefined)}
              testIds={{ csv: 'sweep-export-csv', png: 'sweep-export-png' }}
            />
          </header>
          <p className="muted small">{t('sweepChartNote')}</p>
          <SweepChart
            svgRef={chartRef}
            points={sweepSeries(sweep, shownKpi)}
            format={(v) => formatKpi(i18n, shownKpi, v)}
            formatX={(v) => fmt.number(v, xDecimals)}
            label={`${kpiLabel(i18n, shownKpi)} · ${leverName}`}
            xLabel={leverName}
          />
          <div className="table-scroll">
            <table data-testid="sweep-table">
              <thead>
                <tr>
                  <th scope="col">{leverName}</th>
                  <th scope="col" title={kpiDefinition(i18n, shownKpi)}>
                    {kpiLabel(i18n, shownKpi)}
                  </th>
                  <th scope="col">{t('compareCi')}</th>
                </tr>
              </thead>
              <tbody>
                {sweepSeries(sweep, shownKpi).map((p) => (
                  <tr key={p.value}>
                    <th scope="row">{fmt.number(p.value, xDecimals)}</th>
                    <td className="num">{formatKpi(i18n, shownKpi, p.mean)}</td>
                    <td className="num">
                      [{formatKpi(i18n, shownKpi, p.low)}, {formatKpi(i18n, shownKpi, p.high)}]
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
