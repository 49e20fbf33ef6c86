import type { CityMap } from '@hotline-sim/shared';
import type { LabelCandidate } from './labels';
import type { MapView } from './map-layout';

/**
 * The districts of `view` to name, at their seats, in `lang`; a district with more streets (more
 * people, more appeals) is named first when two collide.
 */
export function districtLabels(
  city: {
    readonly districts: readonly Pick<
      CityMap['districts'][number],
      'id' | 'name' | 'nameEn' | 'lon' | 'lat'
    >[];
    readonly streets: readonly Pick<CityMap['streets'][number], 'districtId'>[];
  },
  view: MapView,
  lang: 'en' | 'zh',
  shown: (d: { id: string; lon: number; lat: number }) => boolean,
): LabelCandidate[] {
  const streets = new Map<string, number>();
  for (const s of city.streets) streets.set(s.districtId, (streets.get(s.districtId) ?? 0) + 1);
  return city.districts
    .filter((d) => shown(d))
    .map((d) => ({
      id: d.id,
      text: lang === 'zh' ? d.name : d.nameEn,
      x: view.projection.x(d.lon),
      y: view.projection.y(d.lat),
      priority: streets.get(d.id) ?? 0,
    }));
}
