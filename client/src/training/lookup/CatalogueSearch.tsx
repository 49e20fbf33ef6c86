import type { CatalogueRow } from '@hotline-sim/shared';
import { useState } from 'react';
import { lookupApi } from '../../api';
import { CheckField, ErrorNote, SearchField } from '../../components';
import { useI18n } from '../../i18n';
import { useLookup } from './use-lookup';

/**
 * The 派单目录 search: matter and place in one box (Chinese or pinyin), optionally only the street of
 * the appeal at hand; each row names the owning unit, the time limit and the 条块 note, and picks
 * the unit as 主办 (or an assisting one as 协办).
 */
export function CatalogueSearch({
  runId,
  street,
  onPickUnit,
  onPickAssisting,
}: {
  runId: string;
  /** The appeal's street as "<district><street>" (its name as the place shows it), if one is selected. */
  street: { key: string; label: string } | null;
  onPickUnit(unit: number): void;
  onPickAssisting?(unit: number): void;
}) {
  const { t, pick, lang } = useI18n();
  const [q, setQ] = useState('');
  const [only, setOnly] = useState(true);
  const streetKey = only && street ? street.key : null;
  const { result, error } = useLookup(`${q}\u0000${streetKey ?? ''}`, (signal) =>
    lookupApi.catalogue(runId, q, streetKey, signal),
  );
  const place = (r: CatalogueRow) =>
    r.street
      ? `${lang === 'zh' ? r.street.districtZh : r.street.districtEn} · ${pick(r.street)}${r.community ? ` · ${pick(r.community)}` : ''}`
      : t('lookupByPlace');
  return (
    <div className="lookup-search" data-testid="lookup-catalogue">
      <SearchField label={t('lookupCatalogueSearch')} value={q} onChange={setQ} testid="lookup-catalogue-q" />
      {street && (
        <CheckField checked={only} onChange={setOnly} testid="lookup-this-street">
          {t('lookupThisStreet', { street: street.label })}
        </CheckField>
      )}
      {error && <ErrorNote message={t('errorPrefix', { message: error })} />}
      {result && result.length === 0 && <p className="muted">{t('lookupNoRows')}</p>}
      {result && result.length > 0 && (
        <ul className="lookup-rows" data-testid="lookup-rows">
          {result.map((r) => (
            <li
              key={`${r.category.id}:${r.street?.index ?? '-'}:${r.unit?.index ?? '-'}`}
              data-testid="lookup-row"
            >
              <div>
                <strong>{pick(r.category)}</strong> <span className="muted">{place(r)}</span>
              </div>
              <div>
                {r.unit ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => onPickUnit(r.unit?.index ?? -1)}
                    title={t('lookupPickLead')}
                    data-testid="lookup-pick-unit"
                  >
                    {pick(r.unit)}
                  </button>
                ) : (
                  <span>{t('lookupByPlace')}</span>
                )}{' '}
                <span className="muted small">{t('lookupLimit', { hours: r.limitHours })}</span>
              </div>
              <div className="muted small">{pick(r.note)}</div>
              {onPickAssisting && r.unit && r.assisting.length > 0 && (
                <div className="small">
                  {r.assisting.map((u) => (
                    <button
                      key={u.index}
                      type="button"
                      className="link"
                      onClick={() => onPickAssisting(u.index)}
                      data-testid="lookup-pick-assisting"
                    >
                      {t('lookupPickAssist', { unit: pick(u) })}
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
