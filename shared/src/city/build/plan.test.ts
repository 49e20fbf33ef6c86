import { describe, expect, it } from 'vitest';
import { cityRefs, findCity, placeNameEn } from './plan';

const source = {
  provinces: [
    { code: '50', name: '重庆市' },
    { code: '35', name: '福建省' },
    { code: '36', name: '江西省' },
    { code: '51', name: '四川省' },
  ],
  cities: [
    { code: '5001', name: '市辖区', provinceCode: '50' },
    { code: '5002', name: '县', provinceCode: '50' },
    { code: '3501', name: '福州市', provinceCode: '35' },
    { code: '3610', name: '抚州市', provinceCode: '36' },
    { code: '5101', name: '成都市', provinceCode: '51' },
    { code: '5134', name: '凉山彝族自治州', provinceCode: '51' },
    { code: '4190', name: '省直辖县级行政区划', provinceCode: '41' },
  ],
};
const refs = cityRefs(source);

describe('which city a query names', () => {
  it('keys cities by pinyin, a municipality once, never a province-administered county group', () => {
    expect(refs.map((r) => [r.key, r.id, r.prefix])).toEqual([
      ['chongqing', '500000', '50'],
      ['fuzhou-350100', '350100', '3501'],
      ['fuzhou-361000', '361000', '3610'],
      ['chengdu', '510100', '5101'],
      ['liangshan', '513400', '5134'],
    ]);
  });

  it('finds a city by code, Chinese name (with or without 市) or pinyin', () => {
    for (const q of ['510100', '5101', '成都市', '成都', 'chengdu', 'Chengdu'])
      expect(findCity(q, refs).key, q).toBe('chengdu');
    expect(findCity('fuzhou-361000', refs).name).toBe('抚州市');
  });

  it('refuses an ambiguous or unknown query, saying what to give instead', () => {
    expect(() => findCity('fuzhou', refs)).toThrow(
      /"fuzhou" names 2 cities: 福州市 \(fuzhou-350100, 350100\), 抚州市 \(fuzhou-361000, 361000\); give the code/,
    );
    expect(() => findCity('纽约', refs)).toThrow(/no prefecture-level city or municipality "纽约"/);
  });

  it('romanizes place names without their administrative suffix', () => {
    expect(placeNameEn('浦东新区')).toBe('Pudong');
    expect(placeNameEn('石柱土家族自治县')).toBe('Shizhu');
    expect(placeNameEn('长宁区')).toBe('Changning');
  });
});
