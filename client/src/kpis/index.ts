export { KpiPanel, LIVE_KPIS } from './KpiPanel';
export { formatKpi, formatKpiDifference, kpiLabel, kpiDefinition } from './kpi-format';
