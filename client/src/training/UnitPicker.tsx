import type { CityMap } from '@hotline-sim/shared';
import { useMemo, useState } from 'react';
import { SearchField, Select } from '../components';
import { useI18n } from '../i18n';
import { unitName } from './format';
import type { Unit } from './use-units';

/**
 * The dispatch's units, found by name and district: the lead unit (主办, the first unit picked, or the
 * one set as lead) and the assisting units (协办) added beside it.
 */
export function UnitPicker({
  units,
  districtOf,
  districts,
  lead,
  assisting,
  onLead,
  onAssisting,
}: {
  units: Unit[];
  districtOf: (string | null)[];
  districts: CityMap['districts'];
  lead: number | null;
  assisting: number[];
  onLead(unit: number): void;
  onAssisting(units: number[]): void;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [district, setDistrict] = useState('');
  const [picked, setPicked] = useState<number | null>(null);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return units
      .map((u, i) => ({ u, i }))
      .filter(
        ({ u, i }) =>
          (!district || (district === '-' ? districtOf[i] === null : districtOf[i] === district)) &&
          (!q || u.name.toLowerCase().includes(q) || u.nameEn.toLowerCase().includes(q)),
      )
      .slice(0, 200);
  }, [units, districtOf, query, district]);
  const pick = (unit: number) => {
    setPicked(unit);
    if (lead === null) onLead(unit);
  };
  const setLead = (unit: number) => {
    onLead(unit);
    onAssisting(assisting.filter((u) => u !== unit));
  };

  return (
    <div className="training-units">
      <SearchField label={t('seatUnitSearch')} value={query} onChange={setQuery} testid="unit-search" />{' '}
      <Select
        label={t('seatDistrict')}
        value={district}
        choices={districts.map((d) => ({ value: d.id, label: lang === 'zh' ? d.name : d.nameEn }))}
        onChange={setDistrict}
        testid="unit-district"
      >
        <option value="">{t('seatAllDistricts')}</option>
        <option value="-">{t('seatCitywide')}</option>
      </Select>
      <select
        size={6}
        aria-label={t('seatUnit')}
        value={picked === null ? '' : String(picked)}
        onChange={(e) => pick(Number(e.target.value))}
        data-testid="unit-select"
      >
        {shown.map(({ u, i }) => (
          <option key={i} value={String(i)}>
            {lang === 'zh' ? `${u.name} · ${u.nameEn}` : `${u.nameEn} · ${u.name}`}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        disabled={picked === null || picked === lead}
        onClick={() => picked !== null && setLead(picked)}
        data-testid="set-lead"
      >
        {t('deskSetLead')}
      </button>{' '}
      <button
        type="button"
        disabled={picked === null || picked === lead || assisting.includes(picked)}
        onClick={() => picked !== null && onAssisting([...assisting, picked])}
        data-testid="add-assisting"
      >
        {t('deskAddAssisting')}
      </button>
      <p data-testid="lead-unit">
        {t('deskLead')}: {lead === null ? t('deskNoUnit') : unitName(units, lead, lang)}
      </p>
      <p data-testid="assisting-units">
        {t('deskAssisting')}:{' '}
        {assisting.length === 0
          ? t('deskNoUnit')
          : assisting.map((u) => (
              <span key={u} className="training-chip" data-testid="assisting-unit" data-unit={u}>
                {unitName(units, u, lang)}{' '}
                <button
                  type="button"
                  aria-label={t('deskRemoveAssisting', { unit: unitName(units, u, lang) })}
                  onClick={() => onAssisting(assisting.filter((x) => x !== u))}
                >
                  ×
                </button>{' '}
              </span>
            ))}
      </p>
    </div>
  );
}
