export { KpiPanel, LIVE_KPIS, type KpiMark } from './KpiPanel';
export { formatKpi, formatKpiDifference, kpiLabel, kpiDefinition } from './kpi-format';
