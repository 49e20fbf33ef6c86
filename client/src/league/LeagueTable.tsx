import type { StreetRow } from '@hotline-sim/shared';
import { useMemo, useState } from 'react';
import { EmptyNote } from '../components';
import { useI18n } from '../i18n';
import { useLive } from '../live';
import { kpiLabel } from '../kpis';

type SortKey = 'rank' | 'name' | 'orders' | 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'score';

const RATE_COLUMNS = ['responseRate', 'resolutionRate', 'satisfactionRate', 'score'] as const;

/** 三率 per street from the report, ranked, 治理类 flagged; sortable, searchable, a click focuses the map. */
export function LeagueTable({ focus, onFocus }: { focus: string | null; onFocus(streetId: string): void }) {
  const i18n = useI18n();
  const { t, fmt, pick, lang } = i18n;
  const { report } = useLive();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'rank', desc: false });
  const streets = report?.streets;
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const filtered = (streets ?? []).filter(
      (s) => !q || s.name.includes(q) || s.nameEn.toLowerCase().includes(q) || s.id.includes(q),
    );
    const value = (s: StreetRow): number | string =>
      sort.key === 'name' ? (lang === 'zh' ? s.name : s.nameEn) : s[sort.key];
    return [...filtered].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c = typeof va === 'string' ? va.localeCompare(vb as string, lang) : va - (vb as number);
      return sort.desc ? -c : c;
    });
  }, [streets, query, sort, lang]);

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
        <input
          type="search"
          placeholder={t('leagueSearch')}
          aria-label={t('leagueSearch')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {streets && (
          <span className="muted small">{t('leagueCount', { n: fmt.number(streets.length) })}</span>
        )}
      </div>
      {!streets || streets.length === 0 ? (
        <EmptyNote>{t('leagueEmpty')}</EmptyNote>
      ) : rows.length === 0 ? (
        <EmptyNote>{t('leagueNoMatch', { q: query })}</EmptyNote>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {header('rank', t('leagueRank'))}
                {header('name', t('leagueStreet'))}
                {header('orders', t('leagueOrders'))}
                {RATE_COLUMNS.map((k) => header(k, kpiLabel(i18n, k)))}
                <th scope="col">{t('leagueFlag')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} className={s.id === focus ? 'focused' : undefined}>
                  <td className="num">{fmt.number(s.rank)}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => onFocus(s.id)}
                      aria-pressed={s.id === focus}
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
                    {s.underSupervision && (
                      <span className="flag" title={t('leagueFlagTitle')}>
                        ⚑ {t('leagueFlag')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">{t('leagueDepartments')}</p>
    </div>
  );
}
