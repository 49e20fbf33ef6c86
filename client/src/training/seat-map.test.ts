import type { BBox, CityMap, SeatAppealView } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import {
  findPlace,
  padBBox,
  PIN_HEIGHT,
  PIN_SHIFT,
  placeName,
  SEAT_MAP_MARGIN,
  seatMapFrame,
  seatMapProjection,
} from './SeatMap';

const square = (id: string, name: string, nameEn: string, [a, b, c, d]: BBox) => ({
  type: 'Feature' as const,
  id,
  properties: { id, name, nameEn },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [a, b],
        [c, b],
        [c, d],
        [a, d],
        [a, b],
      ] as const,
    ],
  },
});

/** A city of three districts: two with outlines (one a thin strip), one without. */
const city: CityMap = {
  key: 'test',
  name: '测试市',
  nameEn: 'Test City',
  bbox: [116, 39.5, 117, 40.5],
  outline: {
    type: 'FeatureCollection',
    features: [
      square('cy', '朝阳区', 'Chaoyang', [116.2, 39.8, 116.4, 40.0]),
      square('hd', '海淀区', 'Haidian', [116.5, 40.1, 116.6, 40.105]),
    ],
  },
  districts: [
    { id: 'cy', name: '朝阳区', nameEn: 'Chaoyang', lon: 116.3, lat: 39.9 },
    { id: 'hd', name: '海淀区', nameEn: 'Haidian', lon: 116.55, lat: 40.102 },
    { id: 'yq', name: '延庆区', nameEn: 'Yanqing', lon: 116.7, lat: 40.4 },
  ],
  streets: [
    { id: 's0', name: '望京街道', nameEn: 'Wangjing', districtId: 'cy', lon: 116.35, lat: 39.95 },
    { id: 's1', name: '中关村街道', nameEn: 'Zhongguancun', districtId: 'hd', lon: 116.55, lat: 40.103 },
    { id: 's2', name: '望京街道', nameEn: 'Wangjing', districtId: 'hd', lon: 116.52, lat: 40.102 },
    { id: 's3', name: '百泉街道', nameEn: 'Baiquan', districtId: 'yq', lon: 116.65, lat: 40.35 },
    { id: 's4', name: '香水园街道', nameEn: 'Xiangshuiyuan', districtId: 'yq', lon: 116.75, lat: 40.45 },
  ],
  cells: { lon: [116.3], lat: [39.9], street: [0] },
  units: [],
};

const place = (over: Partial<SeatAppealView['place']> = {}): SeatAppealView['place'] => ({
  district: '朝阳区',
  street: '望京街道',
  community: '望京西园社区',
  districtEn: 'Chaoyang',
  streetEn: 'Wangjing',
  communityEn: 'Wangjing Xiyuan Community',
  lon: 116.3,
  lat: 39.9,
  ...over,
});

const expectBox = (box: BBox, expected: BBox) =>
  box.forEach((v, i) => expect(v, `bbox[${i}]`).toBeCloseTo(expected[i] as number, 9));

describe('the seat map: which district and street', () => {
  it('finds the district by its Chinese name and the street within it', () => {
    expect(findPlace(city, place())).toEqual({ district: 0, street: 0 });
    // The same street name in another district is that district's street.
    expect(findPlace(city, place({ district: '海淀区', districtEn: 'Haidian' }))).toEqual({
      district: 1,
      street: 2,
    });
  });

  it('prefers the Chinese name when the two disagree', () => {
    expect(findPlace(city, place({ district: '海淀区', street: '中关村街道' }))).toEqual({
      district: 1,
      street: 1,
    });
  });

  it('falls back to the English names when the Chinese ones are missing', () => {
    expect(
      findPlace(city, place({ district: '', street: '', districtEn: 'Haidian', streetEn: 'Zhongguancun' })),
    ).toEqual({ district: 1, street: 1 });
  });

  it('answers -1 for a district the map does not have (the street then searched city-wide)', () => {
    expect(findPlace(city, place({ district: '通州区', districtEn: 'Tongzhou' }))).toEqual({
      district: -1,
      street: 0,
    });
    expect(findPlace(city, place({ district: '', districtEn: '', street: '', streetEn: '' })).district).toBe(
      -1,
    );
  });
});

describe('the seat map: the box it zooms to', () => {
  it('adds the margin on each side', () => {
    // 0.2° square, 12 % of it (0.024°) each side.
    expectBox(
      padBBox([116.2, 39.8, 116.4, 40.0], 116.3, 39.9, 0.12, 0.02),
      [116.176, 39.776, 116.424, 40.024],
    );
  });

  it('widens a thin box to the minimum span before the margin', () => {
    // Latitude span 0.005° < 0.02°: 0.02° around 40.1025, then 0.0024° each side.
    expectBox(
      padBBox([116.5, 40.1, 116.6, 40.105], 116.55, 40.102, 0.12, 0.02),
      [116.488, 40.0901, 116.612, 40.1149],
    );
  });

  it('takes in a pin that lies outside the box', () => {
    // The box becomes [116.2, 39.7, 116.4, 40.0]: lon span 0.2, lat span 0.3.
    expectBox(padBBox([116.2, 39.8, 116.4, 40.0], 116.3, 39.7, 0.1, 0.02), [116.18, 39.67, 116.42, 40.03]);
  });

  it('ignores a position that is not a number', () => {
    expectBox(padBBox([116.2, 39.8, 116.4, 40.0], Number.NaN, 39.9, 0, 0.02), [116.2, 39.8, 116.4, 40.0]);
  });

  it("frames the appeal's district with the margin", () => {
    const frame = seatMapFrame(city, place());
    expect(frame.district).toBe(0);
    expect(frame.street).toBe(0);
    expect(SEAT_MAP_MARGIN).toBe(0.12);
    expectBox(frame.bbox, [116.176, 39.776, 116.424, 40.024]);
  });

  it("frames a district without an outline by its seat and its streets' positions", () => {
    const frame = seatMapFrame(
      city,
      place({
        district: '延庆区',
        street: '百泉街道',
        districtEn: '',
        streetEn: '',
        lon: 116.66,
        lat: 40.36,
      }),
    );
    expect(frame.district).toBe(2);
    expect(frame.street).toBe(3);
    // Points span lon 116.65 … 116.75 and lat 40.35 … 40.45 (0.1° each), + 0.012° each side.
    expectBox(frame.bbox, [116.638, 40.338, 116.762, 40.462]);
  });

  it('shows the whole city when the district is unknown', () => {
    const frame = seatMapFrame(
      city,
      place({ district: '外省', districtEn: 'Elsewhere', street: '', streetEn: '' }),
    );
    expect(frame).toEqual({ district: -1, street: -1, bbox: [116, 39.5, 117, 40.5] });
  });
});

describe('the seat map: where the pin stands', () => {
  it("puts the district's centre in the middle and its corners inside the canvas", () => {
    const p = seatMapProjection(seatMapFrame(city, place()), 200, 150);
    // The padded box is 0.248° square: height-bound, (150 − 2 × 12) / 0.248 = 508.06 px a degree;
    // its centre in the middle, moved 9.5 px down to leave the pin's head room at the top.
    expect(PIN_SHIFT).toBe(9.5);
    expect(p.scale).toBeCloseTo(508.0645, 3);
    expect(p.x(116.3)).toBeCloseTo(100, 6);
    expect(p.y(39.9)).toBeCloseTo(84.5, 6);
    // North-east corner: 0.1° × cos(39.9°) × 508.06 = 38.98 px right, 50.81 px up.
    expect(p.x(116.4)).toBeCloseTo(138.977, 2);
    expect(p.y(40.0)).toBeCloseTo(33.694, 2);
    // South-west corner.
    expect(p.x(116.2)).toBeCloseTo(61.023, 2);
    expect(p.y(39.8)).toBeCloseTo(135.306, 2);
    // A pin at the northern edge has its head 11.7 px below the top; one at the southern edge has
    // its tip 14.7 px above the bottom.
    expect(p.y(40.0) - PIN_HEIGHT).toBeCloseTo(11.694, 2);
    expect(150 - p.y(39.8)).toBeCloseTo(14.694, 2);
  });

  it('falls back to the whole city fitted as the main map does', () => {
    const p = seatMapProjection(seatMapFrame(city, place({ district: '外省', districtEn: '' })), 200, 150);
    // 1° of latitude in 126 px; x shrunk by cos(40°) around the centre 116.5.
    expect(p.scale).toBeCloseTo(126, 6);
    expect(p.x(116.3)).toBeCloseTo(80.696, 2);
    expect(p.y(39.9)).toBeCloseTo(97.1, 6);
  });
});

describe('the seat map: the caption', () => {
  it('names the place in the page language', () => {
    expect(placeName(place(), 'zh')).toBe('朝阳区 望京街道 望京西园社区');
    expect(placeName(place(), 'en')).toBe('Wangjing Xiyuan Community, Wangjing, Chaoyang');
    expect(placeName(place({ communityEn: '' }), 'en')).toBe('Wangjing, Chaoyang');
  });
});
