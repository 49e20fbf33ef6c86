import type { City, District, GridCell, Street } from '../city/types';
import { createRng, hashSeed } from '../random/rng';
import { renderAppealText, renderAppealTextEn } from './appeal-text';

/*
 * An appeal's place and words, built once for every view of it: the REST API's appeal detail, the
 * training seat and the exports. Deterministic per (run seed, appeal id), so every view, and a
 * replay, shows the same words.
 */

/** The district, street and community (grid cell) an appeal comes from; missing when an index is unknown. */
export interface AppealLocus {
  readonly district: District | undefined;
  readonly street: Street | undefined;
  readonly cell: GridCell | undefined;
}

/** Where an appeal comes from, named in Chinese and English, with its pin (the community's, else the street's). */
export interface AppealSite {
  district: string;
  street: string;
  community: string;
  districtEn: string;
  streetEn: string;
  communityEn: string;
  lon: number;
  lat: number;
  /** The community is a village (村): its appeals use rural wording. Absent for urban communities. */
  village?: true;
}

/** The city's district, street and community for an appeal's street and cell indexes. */
export function locateAppeal(city: City, street: number, cell: number): AppealLocus {
  const s = city.streets[street];
  return {
    district: city.districts.find((d) => d.id === s?.districtId),
    street: s,
    cell: city.cells[cell],
  };
}

/** The names and pin of an appeal's place (empty names where the locus has a gap). */
export function appealSite({ district, street, cell }: AppealLocus): AppealSite {
  return {
    district: district?.name ?? '',
    street: street?.name ?? '',
    community: cell?.name ?? '',
    districtEn: district?.nameEn ?? '',
    streetEn: street?.nameEn ?? '',
    communityEn: cell?.nameEn ?? '',
    lon: cell?.lon ?? street?.lon ?? 0,
    lat: cell?.lat ?? street?.lat ?? 0,
    ...(cell?.kind === 'village' ? { village: true as const } : {}),
  };
}

/** The seed of an appeal's words (and of what a seat hears with them), from the run's seed. */
export const appealTextSeed = (runSeed: number, appealId: number): number => hashSeed(runSeed, appealId);

/**
 * What the citizen said: a work-order text of the category (none for an unknown category) with the
 * place filled in, in Chinese and English.
 */
export function appealWords(
  categoryId: string | undefined,
  site: AppealSite,
  runSeed: number,
  appealId: number,
): { zh: string; en: string } {
  if (categoryId === undefined) return { zh: '', en: '' };
  const seed = appealTextSeed(runSeed, appealId);
  const rural = site.village === true;
  const zh = { district: site.district, street: site.street, community: site.community, rural };
  const en = { district: site.districtEn, street: site.streetEn, community: site.communityEn, rural };
  return {
    zh: renderAppealText(categoryId, zh, createRng(seed)),
    en: renderAppealTextEn(categoryId, en, createRng(seed)),
  };
}
