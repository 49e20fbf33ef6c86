import type { DepartmentRow, StreetRow } from '@hotline-sim/shared';
import { useMemo, useState } from 'react';
import { EmptyNote, SearchField } from '../components';
import { useI18n } from '../i18n';
import { useLive } from '../live';
import { kpiLabel } from '../kpis';
import type { MapFocus } from '../map';

type SortKey = 'rank' | 'name' | 'orders' | 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'score';

const RATE_COLUMNS = ['responseRate', 'resolutionRate', 'satisfactionRate', 'score'] as const;

type Row = StreetRow | DepartmentRow;
type Table = 'streets' | 'departments';

/**
 * 三率 per street (治理类 flagged) or per city department and utility, from the report, ranked;
 * sortable and searchable; clicking a street zooms the map on it, clicking a department or utility
 * zooms on the ring at the sub-centre and pulses its marker.
 */
export function LeagueTable({ focus, onFocus }: { focus: MapFocus | null; onFocus(focus: MapFocus): void }) {
  const i18n = useI18n();
  const { t, fmt, pick, lang } = i18n;
  const { report } = useLive();
  const [table, setTable] = useState<Table>('streets');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'rank', desc: false });
  const ranked: Row[] | undefined = table === 'streets' ? report?.streets : report?.departments;
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const filtered = (ranked ?? []).filter(
      (s) => !q || s.name.includes(q) || s.nameEn.toLowerCase().includes(q) || s.id.includes(q),
    );
    const value = (s: Row): number | string =>
      sort.key === 'name' ? (lang === 'zh' ? s.name : s.nameEn) : s[sort.key];
    return [...filtered].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c = typeof va === 'string' ? va.localeCompare(vb as string, lang) : va - (vb as number);
      return sort.desc ? -c : c;
    });
  }, [ranked, query, sort, lang]);

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th key={key} scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ key, desc: active ? !sort.desc : key !== 'rank' && key !== 'name' })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="league" data-testid="league">
      <div className="league-tools">
        <div className="segmented" role="group" aria-label={t('leagueTitle')}>
          <button type="button" aria-pressed={table === 'streets'} onClick={() => setTable('streets')}>
            {t('leagueStreets')}
          </button>
          <button
            type="button"
            aria-pressed={table === 'departments'}
            onClick={() => setTable('departments')}
            data-testid="league-departments"
          >
            {t('leagueDepartments')}
          </button>
        </div>
        <SearchField label={t('leagueSearch')} value={query} onChange={setQuery} />
        {ranked && <span className="muted small">{t('leagueCount', { n: fmt.number(ranked.length) })}</span>}
      </div>
      {table === 'streets' && ranked && ranked.length > 0 && (
        <p className="muted small" data-testid="league-flag-rule">
          {t('leagueFlagRule', {
            n: fmt.number(ranked.filter((s) => 'underSupervision' in s && s.underSupervision).length),
            ranked: fmt.number(ranked.length),
          })}
        </p>
      )}
      {!ranked || ranked.length === 0 ? (
        <EmptyNote>{t('leagueEmpty')}</EmptyNote>
      ) : rows.length === 0 ? (
        <EmptyNote>{t('leagueNoMatch', { q: query })}</EmptyNote>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {header('rank', t('leagueRank'))}
                {header('name', table === 'streets' ? t('leagueStreet') : t('leagueUnit'))}
                {header('orders', t('leagueOrders'))}
                {RATE_COLUMNS.map((k) => header(k, kpiLabel(i18n, k)))}
                <th scope="col">{t('leagueFlag')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => {
                const target: MapFocus =
                  'districtId' in s ? { kind: 'street', id: s.id } : { kind: 'unit', id: s.id };
                const focused = focus !== null && focus.kind === target.kind && focus.id === s.id;
                return (
                  <tr key={s.id} className={focused ? 'focused' : undefined}>
                    <td className="num">{fmt.number(s.rank)}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => onFocus(target)}
                        aria-pressed={focused}
                      >
                        {pick({ zh: s.name, en: s.nameEn })}
                      </button>
                    </td>
                    <td className="num">{fmt.number(s.orders)}</td>
                    {RATE_COLUMNS.map((k) => (
                      <td key={k} className="num">
                        {fmt.percent(s[k], 1)}
                      </td>
                    ))}
                    <td>
                      {'underSupervision' in s && s.underSupervision && (
                        <span className="flag" title={t('leagueFlagTitle')}>
                          ⚑ {t('leagueFlag')}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
