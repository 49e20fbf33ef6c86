import type { CityMap } from '@hotline-sim/shared';
import { useMemo } from 'react';
import { useRunCityMap } from '../map/city-data';

export type Unit = CityMap['units'][number];

/** The run city's units with their district (streets and districts by name; departments are city-wide). */
export function useUnits(): {
  units: Unit[];
  districtOf: (string | null)[];
  districts: CityMap['districts'];
} {
  const { city } = useRunCityMap();
  return useMemo(() => {
    if (!city) return { units: [], districtOf: [], districts: [] };
    const streetDistrict = new Map(city.streets.map((s) => [s.name, s.districtId]));
    const districtByName = new Map(city.districts.map((d) => [d.name, d.id]));
    const districtOf = city.units.map((u) =>
      u.kind === 'street'
        ? (streetDistrict.get(u.name) ?? null)
        : u.kind === 'district'
          ? (districtByName.get(u.name) ?? null)
          : null,
    );
    return { units: city.units, districtOf, districts: city.districts };
  }, [city]);
}
