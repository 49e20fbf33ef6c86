import type { KpiName } from '@hotline-sim/shared';
import { useMemo } from 'react';
import { EmptyNote } from '../components';
import { useI18n, type Bilingual } from '../i18n';
import { useLive } from '../live';
import { OKABE_ITO } from '../theme';
import { formatKpi, kpiDefinition, kpiLabel } from './kpi-format';
import { sparkMarks } from './spark-marks';
import { Sparkline } from './Sparkline';

/** The KPIs a classroom watches, in the order they are told: 三率 and score, the hotline, the work. */
export const LIVE_KPIS: readonly KpiName[] = [
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'score',
  'serviceLevel15s',
  'abandonRate',
  'meanMinutesToDispatch',
  'meanHoursToResponse',
  'p90HoursToClose',
  'returnRate',
  'whistleOnTimeRate',
];

/** A moment of the run to mark on every sparkline (a lever change): virtual seconds and what happened. */
export interface KpiMark {
  at: number;
  label: Bilingual;
}

/**
 * The run's KPIs from its report, each with a sparkline of its hourly series, the lever changes
 * marked on it.
 */
export function KpiPanel({ marks = [] }: { marks?: readonly KpiMark[] }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { report, series, run } = useLive();
  const placed = useMemo(
    () =>
      sparkMarks(
        series.map((p) => p.at),
        marks.map((m) => ({ at: m.at, title: pick(m.label) })),
      ),
    [series, marks, pick],
  );
  const lines = useMemo(
    () =>
      Object.fromEntries(LIVE_KPIS.map((k) => [k, series.map((p) => p.kpis[k] ?? Number.NaN)])) as Record<
        KpiName,
        number[]
      >,
    [series],
  );
  if (!run) return null;
  const kpis = report?.kpis;
  const intakeOnly = kpis !== undefined && kpis.responseRate === undefined;
  const shown = intakeOnly
    ? LIVE_KPIS.filter((k) => k === 'serviceLevel15s' || k === 'abandonRate')
    : LIVE_KPIS;
  return (
    <section className="panel kpi-panel" aria-labelledby="kpi-title">
      <header className="panel-head">
        <h2 id="kpi-title">{t('kpisTitle')}</h2>
        <span className="muted small">{t('kpiSparkline')}</span>
      </header>
      {!kpis && <EmptyNote>{t('kpiWaiting')}</EmptyNote>}
      {intakeOnly && <EmptyNote>{t('kpiIntakeOnly')}</EmptyNote>}
      <ul className="kpi-grid">
        {shown.map((k, i) => (
          <li key={k} className="kpi-card" title={kpiDefinition(i18n, k)} data-testid={`kpi-${k}`}>
            <span className="kpi-name">{kpiLabel(i18n, k)}</span>
            <span className="kpi-value">{formatKpi(i18n, k, kpis?.[k]?.mean)}</span>
            <Sparkline
              values={lines[k]}
              colour={i < 4 ? OKABE_ITO.skyBlue : OKABE_ITO.orange}
              label={`${kpiLabel(i18n, k)} ${t('kpiSparkline')}`}
              marks={placed}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
