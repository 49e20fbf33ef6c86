import { LEVERS, type KpiName, type ScenarioSummary, type SweepStatus } from '@hotline-sim/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { formatKpi, kpiDefinition, kpiLabel } from '../kpis';
import { getPath, LEVER_INPUTS } from '../levers/lever-values';
import { useCanControl } from '../session';
import { useKeyedState } from '../hooks';
import { svgPng } from './compare-export';
import { ExperimentProgress } from './ExperimentProgress';
import { ExportButtons } from './ExportButtons';
import { ReplicationsField } from './ReplicationsField';
import { parseSweepValues, sweepCsv, sweepKpis, sweepSeries } from './sweep-export';
import { useExperiment } from './use-experiment';

/** Levers a sweep can vary: the numeric ones (counts and shares). */
const NUMERIC_LEVERS = LEVERS.filter(
  (l) => LEVER_INPUTS[l.path] === 'integer' || LEVER_INPUTS[l.path] === 'share',
);

/** Values to start from: around the scenario's own value (counts), or a spread of shares. */
function defaultValues(path: string, current: unknown): string {
  if (LEVER_INPUTS[path] === 'share') return '0.2, 0.5, 0.8';
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
  const canControl = useCanControl();
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

  return (
    <>
      <section className="panel">
        <header className="panel-head">
          <h2>{t('sweepTitle')}</h2>
        </header>
        <form className="compare-form" onSubmit={run}>
          <label>
            {t('scenario')}
            <select
              value={scenario}
              onChange={(e) => setScenario(e.target.value)}
              data-testid="sweep-scenario"
            >
              {scenarios.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sweepLever')}
            <select value={path} onChange={(e) => setPath(e.target.value)} data-testid="sweep-lever">
              {NUMERIC_LEVERS.map((l) => (
                <option key={l.path} value={l.path} title={pick(l.explain)}>
                  {pick(l)}
                </option>
              ))}
            </select>
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
          <button
            type="submit"
            className="primary"
            disabled={!canControl || typeof values === 'string' || status?.status === 'running'}
            data-testid="sweep-run"
          >
            {t('sweepRun')}
          </button>
          {typeof values === 'string' && <span className="muted small">{t(values)}</span>}
          {!canControl && <span className="muted small">{t('readOnly')}</span>}
        </form>
        <ExperimentProgress
          status={status}
          error={error}
          testId="sweep-progress"
          failed="sweepFailed"
          empty="sweepEmpty"
        />
      </section>
      {sweep && (
        <section className="panel" data-testid="sweep-result">
          <header className="panel-head">
            <h2>
              {sweep.scenario} · {leverName}
            </h2>
            <label>
              {t('sweepKpi')}{' '}
              <select
                value={shownKpi}
                onChange={(e) => setKpi(e.target.value as KpiName)}
                data-testid="sweep-kpi"
              >
                {kpis.map((k) => (
                  <option key={k} value={k}>
                    {kpiLabel(i18n, k)}
                  </option>
                ))}
              </select>
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
            formatX={(v) => fmt.number(v, LEVER_INPUTS[sweep.path] === 'share' ? 2 : 0)}
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
                    <th scope="row">{fmt.number(p.value, LEVER_INPUTS[sweep.path] === 'share' ? 2 : 0)}</th>
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

/** Mean (dot, joined by a line) and its 95 % interval (whisker) at each value, as SVG. */
function SweepChart({
  svgRef,
  points,
  format,
  formatX,
  label,
  xLabel,
}: {
  svgRef: React.Ref<SVGSVGElement>;
  points: { value: number; mean: number; low: number; high: number }[];
  format(v: number): string;
  formatX(v: number): string;
  label: string;
  xLabel: string;
}) {
  const W = 640;
  const H = 280;
  const pad = { l: 90, r: 20, t: 16, b: 44 };
  if (points.length === 0) return null;
  const xs = points.map((p) => p.value);
  const lo = Math.min(...points.map((p) => p.low));
  const hi = Math.max(...points.map((p) => p.high));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const ySpan = hi - lo || Math.abs(hi) || 1;
  const [y0, y1] = [lo - ySpan * 0.08, hi + ySpan * 0.08];
  const x = (v: number) => pad.l + (x1 === x0 ? 0.5 : (v - x0) / (x1 - x0)) * (W - pad.l - pad.r);
  const y = (v: number) => pad.t + (1 - (v - y0) / (y1 - y0)) * (H - pad.t - pad.b);
  const sorted = [...points].sort((a, b) => a.value - b.value);
  const ticks = [y0 + (y1 - y0) * 0.1, (y0 + y1) / 2, y1 - (y1 - y0) * 0.1];
  return (
    <svg
      ref={svgRef}
      viewBox={`0 0 ${W} ${H}`}
      className="sweep-chart"
      role="img"
      aria-label={label}
      data-testid="sweep-chart"
      style={{ width: '100%', maxWidth: W, height: 'auto' }}
    >
      <line x1={pad.l} x2={W - pad.r} y1={H - pad.b} y2={H - pad.b} stroke="currentColor" opacity={0.4} />
      <line x1={pad.l} x2={pad.l} y1={pad.t} y2={H - pad.b} stroke="currentColor" opacity={0.4} />
      {ticks.map((v) => (
        <text key={v} x={pad.l - 6} y={y(v) + 4} textAnchor="end" fontSize={12} fill="currentColor">
          {format(v)}
        </text>
      ))}
      {points.map((p) => (
        <text
          key={p.value}
          x={x(p.value)}
          y={H - pad.b + 16}
          textAnchor="middle"
          fontSize={12}
          fill="currentColor"
        >
          {formatX(p.value)}
        </text>
      ))}
      <text x={(pad.l + W - pad.r) / 2} y={H - 6} textAnchor="middle" fontSize={12} fill="currentColor">
        {xLabel}
      </text>
      <polyline
        points={sorted.map((p) => `${x(p.value)},${y(p.mean)}`).join(' ')}
        fill="none"
        stroke="#0072B2"
        strokeWidth={2}
      />
      {points.map((p) => (
        <g key={p.value}>
          <title>{`${formatX(p.value)}: ${format(p.mean)} [${format(p.low)}, ${format(p.high)}]`}</title>
          <line
            x1={x(p.value)}
            x2={x(p.value)}
            y1={y(p.low)}
            y2={y(p.high)}
            stroke="#E69F00"
            strokeWidth={2}
          />
          <line
            x1={x(p.value) - 6}
            x2={x(p.value) + 6}
            y1={y(p.low)}
            y2={y(p.low)}
            stroke="#E69F00"
            strokeWidth={2}
          />
          <line
            x1={x(p.value) - 6}
            x2={x(p.value) + 6}
            y1={y(p.high)}
            y2={y(p.high)}
            stroke="#E69F00"
            strokeWidth={2}
          />
          <circle cx={x(p.value)} cy={y(p.mean)} r={4.5} fill="#0072B2" />
        </g>
      ))}
    </svg>
  );
}
