import { defaultCity } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { districtLabels } from './district-labels';
import { boxesIntersect, placeLabels, type PlacedLabel } from './labels';
import { CORE_DISTRICT_IDS, coverage, inBbox, insetFontPx, mapLayout } from './map-layout';
import type { Rect } from './projection';

const city = defaultCity();
const flat = { centre: null, zoom: 1 };

/**
 * The live map's panel (its canvas box) as the dashboard lays it out on a 1280×720 and a 1920×1080
 * screen (measured in Chromium on the live view).
 */
const PANELS = {
  '1280×720': { width: 801, height: 246 },
  '1920×1080': { width: 1218, height: 489 },
} as const;

/**
 * Text widths as system-ui draws them, a little generously: a CJK character is an em, a Latin one
 * 0.62 em (Chromium's measureText does this in the map).
 */
const measureAt = (px: number) => (text: string) =>
  [...text].reduce((w, ch) => w + (/[\u3400-\u9fff]/.test(ch) ? px : 0.62 * px), 0);

/** Every district name the map draws at a panel size, as MapEngine places them. */
function placedNames(
  width: number,
  height: number,
  lang: 'en' | 'zh',
): { placed: PlacedLabel[]; bounds: Rect[] } {
  const layout = mapLayout(city, width, height, flat);
  const { main, inset } = layout;
  if (!inset) {
    const placed = placeLabels(
      districtLabels(city, main, lang, () => true),
      measureAt(12),
      12,
      main.frame,
    );
    return { placed, bounds: [main.frame] };
  }
  const title: Rect = { x: inset.frame.x, y: inset.frame.y, width: 200, height: 26 };
  const enlarged = (d: { lon: number; lat: number }) => inBbox(inset.bbox, d.lon, d.lat);
  const outer = placeLabels(
    districtLabels(city, main, lang, (d) => !enlarged(d)),
    measureAt(12),
    12,
    main.frame,
    [markedCore(layout)],
  );
  const px = insetFontPx(inset.frame);
  const core = placeLabels(districtLabels(city, inset, lang, enlarged), measureAt(px), px, inset.frame, [
    title,
  ]);
  return { placed: [...outer, ...core], bounds: [main.frame, inset.frame] };
}

/** The dashed box on the whole city around the enlarged districts. */
function markedCore(layout: ReturnType<typeof mapLayout>): Rect {
  const { main, inset } = layout;
  if (!inset) throw new Error('no inset');
  const [minLon, minLat, maxLon, maxLat] = inset.bbox;
  const p = main.projection;
  return {
    x: p.x(minLon),
    y: p.y(maxLat),
    width: p.x(maxLon) - p.x(minLon),
    height: p.y(minLat) - p.y(maxLat),
  };
}

describe('map layout: the city fills its panel', () => {
  it.each(Object.entries(PANELS))(
    'at %s most of the panel is map (the city and the enlarged centre)',
    (_, { width, height }) => {
      const layout = mapLayout(city, width, height, flat);
      expect(layout.inset).not.toBeNull();
      expect(coverage(layout, width, height)).toBeGreaterThan(0.75);
      // The city alone would cover under half (the panel is wide and low; the city about square).
      const alone = mapLayout(city, height, height, flat).main.content;
      expect((alone.width * alone.height) / (width * height)).toBeLessThan(0.5);
      // The enlarged view shows every central district whole.
      const [minLon, minLat, maxLon, maxLat] = layout.inset?.bbox ?? [0, 0, 0, 0];
      for (const f of city.outline.features.filter((f) => CORE_DISTRICT_IDS.has(f.properties.id))) {
        const d = city.districts.find((x) => x.id === f.properties.id);
        expect(d && inBbox([minLon, minLat, maxLon, maxLat], d.lon, d.lat), f.properties.name).toBe(true);
      }
      // Both views lie inside the panel and do not overlap.
      const { main, inset } = layout;
      for (const v of [main, inset]) {
        expect(v?.content.x).toBeGreaterThanOrEqual(0);
        expect((v?.content.x ?? 0) + (v?.content.width ?? 0)).toBeLessThanOrEqual(width);
        expect((v?.content.y ?? 0) + (v?.content.height ?? 0)).toBeLessThanOrEqual(height);
      }
      expect(boxesIntersect(main.frame, inset?.frame ?? main.frame)).toBe(false);
    },
  );

  it('draws the city alone on a narrow panel, and when zoomed on a focus', () => {
    expect(mapLayout(city, 400, 400, flat).inset).toBeNull();
    expect(mapLayout(city, 1218, 489, { centre: [116.4, 39.9], zoom: 4 }).inset).toBeNull();
    // The city alone is fitted to the panel's height, the limiting side.
    const alone = mapLayout(city, 400, 400, flat).main.content;
    expect(Math.max(alone.width, alone.height)).toBeGreaterThan(400 - 2 * 12 - 1);
  });
});

describe('district labels: collision avoidance', () => {
  it('places names that would overlap apart, or leaves the lesser out', () => {
    const bounds = { x: 0, y: 0, width: 400, height: 300 };
    const placed = placeLabels(
      [
        { id: 'a', text: 'Chaoyang', x: 200, y: 150, priority: 2 },
        { id: 'b', text: 'Dongcheng', x: 205, y: 152, priority: 1 },
        { id: 'c', text: 'Xicheng', x: 203, y: 149, priority: 0 },
      ],
      measureAt(12),
      12,
      bounds,
    );
    expect(placed[0]?.id).toBe('a');
    expect(placed[0]?.x).toBe(200);
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) expect(boxesIntersect(a.box, b.box)).toBe(false);
    expect(placed.length).toBeGreaterThanOrEqual(2);
  });

  for (const [size, { width, height }] of Object.entries(PANELS)) {
    for (const lang of ['zh', 'en'] as const) {
      it(`no two of Beijing's district names overlap at ${size} (${lang}), each inside its view`, () => {
        const { placed, bounds } = placedNames(width, height, lang);
        for (const [i, a] of placed.entries())
          for (const b of placed.slice(i + 1))
            expect(boxesIntersect(a.box, b.box), `${a.text} / ${b.text}`).toBe(false);
        for (const l of placed) {
          const inAny = bounds.some(
            (r) =>
              l.box.x >= r.x &&
              l.box.y >= r.y &&
              l.box.x + l.box.width <= r.x + r.width &&
              l.box.y + l.box.height <= r.y + r.height,
          );
          expect(inAny, l.text).toBe(true);
        }
        // Most districts are named (16 in Beijing): placement hides few, and every central one.
        expect(placed.length).toBeGreaterThanOrEqual(13);
        const core = placed.filter((l) => CORE_DISTRICT_IDS.has(l.id));
        expect(core).toHaveLength(CORE_DISTRICT_IDS.size);
      });
    }
  }
});
