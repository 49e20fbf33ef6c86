import { KPIS, type KpiName } from '@hotline-sim/shared';
import type { I18n } from '../i18n';

/** Short English names for KPI cards (shared/ has short Chinese ones and long English definitions). */
const SHORT_EN: Partial<Record<KpiName, string>> = {
  responseRate: 'Response rate',
  resolutionRate: 'Resolution rate',
  satisfactionRate: 'Satisfaction rate',
  score: '三率 score',
  serviceLevel15s: 'Service level (15 s)',
  abandonRate: 'Abandonment',
  meanMinutesToDispatch: 'Time to dispatch',
  meanHoursToResponse: 'Time to response',
  p90HoursToClose: 'Time to close (P90)',
  returnRate: 'Return rate (退单)',
  whistleOnTimeRate: 'Whistles on time',
  appealsAvoided: 'Appeals avoided',
  workOrders: 'Work orders',
  contacts: 'Contacts',
  directAnswerRate: 'Answered on the spot',
  proactiveShare: 'Proactive share',
};

/** A KPI's name as a card shows it. */
export function kpiLabel(i18n: I18n, kpi: KpiName): string {
  return i18n.lang === 'en' ? (SHORT_EN[kpi] ?? KPIS[kpi].en) : KPIS[kpi].zh;
}

/** A KPI's full definition (tooltip). */
export function kpiDefinition(i18n: I18n, kpi: KpiName): string {
  return i18n.pick(KPIS[kpi]);
}

/** A KPI value with its unit, formatted for the language. */
export function formatKpi(i18n: I18n, kpi: KpiName, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return i18n.t('none');
  const { fmt, t } = i18n;
  switch (KPIS[kpi].unit) {
    case 'share':
      return fmt.percent(value, 1);
    case 'count':
      return fmt.number(value);
    case 'min':
      return t('unitMin', { v: fmt.number(value, 1) });
    case 'h':
      return t('unitH', { v: fmt.number(value, 1) });
    case 'd':
      return t('unitD', { v: fmt.number(value, 1) });
    case 's':
      return t('unitS', { v: fmt.number(value, 1) });
  }
}

/** A difference of a KPI (b − a), in the KPI's unit: percentage points for shares. */
export function formatKpiDifference(i18n: I18n, kpi: KpiName, value: number): string {
  const { fmt, t } = i18n;
  switch (KPIS[kpi].unit) {
    case 'share':
      return t('unitPp', { v: fmt.signed(value * 100, 2) });
    case 'count':
      return fmt.signed(value, 0);
    case 'min':
      return t('unitMin', { v: fmt.signed(value, 2) });
    case 'h':
      return t('unitH', { v: fmt.signed(value, 2) });
    case 'd':
      return t('unitD', { v: fmt.signed(value, 2) });
    case 's':
      return t('unitS', { v: fmt.signed(value, 2) });
  }
}
