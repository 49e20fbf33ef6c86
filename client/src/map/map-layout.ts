import { bboxOf, type CityMap } from '@hotline-sim/shared';
import { aspectOf, FIT_PAD, makeProjection, type Projection, type Rect, type View } from './projection';

type BBox = CityMap['bbox'];

/**
 * Beijing's six central districts (城六区: Dongcheng, Xicheng, Chaoyang, Fengtai, Shijingshan,
 * Haidian): most streets, appeals and moves are there, in a twentieth of the city's area. When the
 * panel is wider than the city, they are drawn again, enlarged, beside it (as are Shanghai's and
 * Hangzhou's, below). A city without such districts has no inset.
 */
export const CORE_DISTRICT_IDS: ReadonlySet<string> = new Set([
  '110101',
  '110102',
  '110105',
  '110106',
  '110107',
  '110108',
]);

/**
 * The central districts of the other built-in cities, enlarged the same way. Shanghai: the seven
 * 中心城区 of its census bulletin (上海市第七次全国人口普查主要数据公报, 2021-05-18: 黄浦, 徐汇, 长宁, 静安,
 * 普陀, 虹口, 杨浦). Hangzhou: its 主城区 after the 2021 re-division (上城, 拱墅, 西湖, 滨江), an
 * assumption. Division codes are unique across China, so one set serves every city.
 */
const CENTRAL_DISTRICT_IDS: ReadonlySet<string> = new Set([
  ...CORE_DISTRICT_IDS,
  ...['310101', '310104', '310105', '310106', '310107', '310109', '310110'],
  ...['330102', '330105', '330106', '330108'],
]);

/** The inset is drawn only when it can be at least this wide, relative to the panel's height. */
const MIN_INSET_RATIO = 0.5;
/** Pixels between the city and the inset. */
const GAP = 10;

/** One map view drawn in the panel: its projection, the frame it is fitted into and what it shows. */
export interface MapView {
  projection: Projection;
  frame: Rect;
  /** Where the shown box lands on the canvas (the frame less its padding, at the box's aspect). */
  content: Rect;
  bbox: BBox;
}

/** The whole city, and the enlarged central districts beside it when the panel has room. */
export interface MapLayout {
  main: MapView;
  inset: MapView | null;
}

/** The box around the central districts' outlines, or null when the city has none of them. */
export function coreBbox(city: Pick<CityMap, 'outline'>): BBox | null {
  const core = city.outline.features.filter((f) => CENTRAL_DISTRICT_IDS.has(f.properties.id));
  return core.length > 0 ? bboxOf(core.map((f) => f.geometry)) : null;
}

function viewOf(bbox: BBox, width: number, height: number, view: View, frame: Rect): MapView {
  const projection = makeProjection(bbox, width, height, view, frame);
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const x0 = projection.x(minLon);
  const y0 = projection.y(maxLat);
  return {
    projection,
    frame,
    content: { x: x0, y: y0, width: projection.x(maxLon) - x0, height: projection.y(minLat) - y0 },
    bbox,
  };
}

/**
 * `bbox` grown about its centre to `aspect` (projected width over height): wider when the frame is
 * wider than the box, taller when it is narrower, so the view fills its frame.
 */
function grownTo(bbox: BBox, aspect: number): BBox {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const have = aspectOf(bbox);
  const cLon = (minLon + maxLon) / 2;
  const cLat = (minLat + maxLat) / 2;
  if (aspect >= have) {
    const half = ((maxLon - minLon) / 2) * (aspect / have);
    return [cLon - half, minLat, cLon + half, maxLat];
  }
  const half = ((maxLat - minLat) / 2) * (have / aspect);
  return [minLon, cLat - half, maxLon, cLat + half];
}

/** Whether a point lies in `bbox`. */
export const inBbox = (bbox: BBox, lon: number, lat: number): boolean =>
  lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];

/**
 * Lays the map out in a `width` × `height` panel. The city is fitted to the panel's height; when the
 * panel is wide (a projector's 16:9 dashboard gives the map a wide, low panel) the width left over
 * shows the central districts enlarged, at their height and as far east and west as the room
 * allows (the sub-centre's departments included on a wide screen). Zoomed on a focus, the city alone.
 */
export function mapLayout(
  city: Pick<CityMap, 'bbox' | 'outline'>,
  width: number,
  height: number,
  view: View,
): MapLayout {
  const whole: Rect = { x: 0, y: 0, width, height };
  const core = view.zoom === 1 && view.centre === null ? coreBbox(city) : null;
  const cityWidth = Math.min(width, (height - 2 * FIT_PAD) * aspectOf(city.bbox) + 2 * FIT_PAD);
  const room = width - cityWidth - GAP;
  if (!core || room < MIN_INSET_RATIO * height)
    return { main: viewOf(city.bbox, width, height, view, whole), inset: null };
  const insetFrame: Rect = { x: cityWidth + GAP, y: 0, width: room, height };
  const shown = grownTo(core, (room - 2 * FIT_PAD) / (height - 2 * FIT_PAD));
  return {
    main: viewOf(city.bbox, width, height, view, { x: 0, y: 0, width: cityWidth, height }),
    inset: viewOf(shown, width, height, { centre: null, zoom: 1 }, insetFrame),
  };
}

/** Font size of the enlarged view's names: larger on a tall panel (a projector's 1080 lines), as the city's on a small one. */
export const insetFontPx = (frame: Rect): number => (frame.height >= 400 ? 14 : 12);

/** Share of the panel the layout's drawn boxes cover (the city's, and the inset's). */
export function coverage(layout: MapLayout, width: number, height: number): number {
  const area = (r: Rect) => r.width * r.height;
  return (area(layout.main.content) + (layout.inset ? area(layout.inset.content) : 0)) / (width * height);
}
