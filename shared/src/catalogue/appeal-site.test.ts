import { describe, expect, it } from 'vitest';
import type { City } from '../city/types';
import { appealSite, appealWords, locateAppeal } from './appeal-site';

/** The parts of a city an appeal's place is looked up in: one district, street and community. */
const city = {
  districts: [{ id: '110105', name: '朝阳区', nameEn: 'Chaoyang', lon: 116.44, lat: 39.92 }],
  streets: [
    { id: '110105026', name: '望京街道', nameEn: 'Wangjing', districtId: '110105', lon: 116.47, lat: 40 },
  ],
  cells: [
    {
      id: '110105026001',
      name: '望花路东里社区',
      nameEn: 'Wanghualu Dongli',
      streetId: '110105026',
      districtId: '110105',
      lon: 116.46,
      lat: 39.99,
    },
  ],
} as unknown as City;

describe('appeal site: place and words', () => {
  it('names a community with its street and district, in Chinese and English, pinned at the community', () => {
    expect(appealSite(locateAppeal(city, 0, 0))).toEqual({
      district: '朝阳区',
      street: '望京街道',
      community: '望花路东里社区',
      districtEn: 'Chaoyang',
      streetEn: 'Wangjing',
      communityEn: 'Wanghualu Dongli',
      lon: 116.46,
      lat: 39.99,
    });
  });

  it('pins an unknown community at its street, and leaves unknown names empty', () => {
    expect(appealSite(locateAppeal(city, 0, 5))).toMatchObject({ community: '', lon: 116.47, lat: 40 });
    expect(appealSite(locateAppeal(city, -1, -1))).toEqual({
      district: '',
      street: '',
      community: '',
      districtEn: '',
      streetEn: '',
      communityEn: '',
      lon: 0,
      lat: 0,
    });
  });

  it('gives the same words for the same run seed and appeal, and none without a category', () => {
    const site = appealSite(locateAppeal(city, 0, 0));
    const words = appealWords('noise-nuisance', site, 7, 42);
    expect(appealWords('noise-nuisance', site, 7, 42)).toEqual(words);
    expect(words.zh.length).toBeGreaterThan(0);
    expect(words.en.length).toBeGreaterThan(0);
    expect(appealWords(undefined, site, 7, 42)).toEqual({ zh: '', en: '' });
  });
});
