import { bboxOf, type BBox, type CityMap, type SeatAppealView } from '@hotline-sim/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n, type Lang } from '../i18n';
import { useRunCityMap } from '../map/city-data';
import { makeProjection, project, type Projection } from '../map/projection';
import { canvasColours, OKABE_ITO, useTheme, type CanvasColours } from '../theme';

type Place = SeatAppealView['place'];

/** Share of the district's box added on each side, so its outline and the pin sit clear of the edge. */
export const SEAT_MAP_MARGIN = 0.12;
/** The smallest box (degrees) the map zooms to, so a tiny or degenerate outline still shows its streets. */
export const SEAT_MAP_MIN_SPAN = 0.02;
/** The pin's height in CSS pixels, from its tip (the appeal's place) to the top of its head. */
export const PIN_HEIGHT = 22;

/** Where the seat's map looks for one appeal's place. */
export interface SeatMapFrame {
  /** Index in `city.districts` of the appeal's district, or -1 when it is not on the map (whole city). */
  district: number;
  /** Index in `city.streets` of the appeal's street, or -1. */
  street: number;
  /** The box `makeProjection` fits: the district's outline (and the pin) with a margin, or the city's. */
  bbox: BBox;
}

/**
 * The appeal's district and street in the city, -1 when absent: by Chinese name first, then by
 * English name; the street within the district when the district is known, else anywhere.
 */
export function findPlace(city: CityMap, place: Place): { district: number; street: number } {
  const byName = <T extends { name: string; nameEn: string }>(
    items: readonly T[],
    zh: string,
    en: string,
    keep: (item: T) => boolean = () => true,
  ): number => {
    const zhAt = zh === '' ? -1 : items.findIndex((x) => keep(x) && x.name === zh);
    return zhAt >= 0 || en === '' ? zhAt : items.findIndex((x) => keep(x) && x.nameEn === en);
  };
  const district = byName(city.districts, place.district, place.districtEn);
  const districtId = city.districts[district]?.id;
  const street = byName(
    city.streets,
    place.street,
    place.streetEn,
    (s) => districtId === undefined || s.districtId === districtId,
  );
  return { district, street };
}

/** `box` grown to take in (lon, lat), at least `minSpan` wide and tall, then `margin` of it added on each side. */
export function padBBox(box: BBox, lon: number, lat: number, margin: number, minSpan: number): BBox {
  let [minLon, minLat, maxLon, maxLat] = box;
  if (Number.isFinite(lon) && Number.isFinite(lat)) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const grow = (lo: number, hi: number): [number, number] => {
    const span = Math.max(hi - lo, minSpan);
    const mid = (lo + hi) / 2;
    return [mid - span / 2 - span * margin, mid + span / 2 + span * margin];
  };
  const [a, c] = grow(minLon, maxLon);
  const [b, d] = grow(minLat, maxLat);
  return [a, b, c, d];
}

/**
 * What the seat's map shows for an appeal: its district's outline box (its streets' positions when
 * the district has no outline) with a margin, always including the appeal's own position; the whole
 * city when the district is not on the map.
 */
export function seatMapFrame(city: CityMap, place: Place, margin = SEAT_MAP_MARGIN): SeatMapFrame {
  const { district, street } = findPlace(city, place);
  const d = city.districts[district];
  if (!d) return { district: -1, street, bbox: city.bbox };
  const outline = city.outline.features.filter((f) => f.id === d.id || f.properties.id === d.id);
  let box: BBox;
  if (outline.length > 0) box = bboxOf(outline.map((f) => f.geometry));
  else {
    const points = [d, ...city.streets.filter((s) => s.districtId === d.id)];
    box = [
      Math.min(...points.map((p) => p.lon)),
      Math.min(...points.map((p) => p.lat)),
      Math.max(...points.map((p) => p.lon)),
      Math.max(...points.map((p) => p.lat)),
    ];
  }
  return { district, street, bbox: padBBox(box, place.lon, place.lat, margin, SEAT_MAP_MIN_SPAN) };
}

/** Pixels the map is moved down: the pin stands above its place, so the top needs more room than the bottom. */
export const PIN_SHIFT = (PIN_HEIGHT - 3) / 2;

/**
 * The projection of the seat's map: the frame's box fitted to width × height (CSS pixels), moved
 * `PIN_SHIFT` pixels down so a pin at the box's northern edge keeps its head on the canvas.
 */
export function seatMapProjection(frame: SeatMapFrame, width: number, height: number): Projection {
  const [minLon, minLat, maxLon, maxLat] = frame.bbox;
  const { scale } = makeProjection(frame.bbox, width, height, { centre: null, zoom: 1 });
  const centre = [(minLon + maxLon) / 2, (minLat + maxLat) / 2 + PIN_SHIFT / scale] as const;
  return makeProjection(frame.bbox, width, height, { centre, zoom: 1 });
}

/** The place in the page's language: 朝阳区 望京街道 望京西园社区, or "Community, Street, District". */
export function placeName(place: Place, lang: Lang): string {
  return lang === 'zh'
    ? [place.district, place.street, place.community].filter(Boolean).join(' ')
    : [place.communityEn, place.streetEn, place.districtEn].filter(Boolean).join(', ');
}

/**
 * A small map of the selected appeal's place at the dispatcher seat: the district's outline (its
 * neighbours around it), its streets as crosses, the appeal's street's grid cells as dots with its
 * name, and a pin at the appeal's position; the place named underneath in the page's language.
 */
export function SeatMap({ appeal }: { appeal: SeatAppealView | null }) {
  const { t, lang } = useI18n();
  const { theme } = useTheme();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { city, error } = useRunCityMap();
  const failed = error !== null;
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [dpr, setDpr] = useState(() => window.devicePixelRatio || 1);

  // The box's size (the canvas fills it) and the screen's pixel ratio (a zoom or another monitor).
  const shown = city !== null && appeal !== null;
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setSize({ width: box.clientWidth, height: box.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    measure();
    return () => observer.disconnect();
  }, [shown]);
  useEffect(() => {
    const query = window.matchMedia(`(resolution: ${dpr}dppx)`);
    const onChange = () => setDpr(window.devicePixelRatio || 1);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [dpr]);

  const place = appeal?.place ?? null;
  const frame = useMemo(() => (city && place ? seatMapFrame(city, place) : null), [city, place]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !city || !place || !frame || size.width === 0 || size.height === 0) return;
    const ratio = Math.min(3, dpr);
    canvas.width = Math.max(1, Math.round(size.width * ratio));
    canvas.height = Math.max(1, Math.round(size.height * ratio));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    // `theme` is a dependency: after a switch the colours are read again from the CSS variables.
    drawSeatMap(ctx, city, frame, place, size.width, size.height, ratio, canvasColours(), lang);
  }, [city, frame, place, size, dpr, theme, lang]);

  if (!appeal)
    return (
      <p className="muted small seat-map-empty" data-testid="seat-map-empty">
        {t('seatMapEmpty')}
      </p>
    );
  if (!city)
    return (
      <p className="muted small seat-map-empty" data-testid="seat-map-loading">
        {t(failed ? 'seatMapUnavailable' : 'seatMapLoading')}
      </p>
    );

  const name = placeName(appeal.place, lang);
  const d = frame ? city.districts[frame.district] : undefined;
  const area = d ? (lang === 'zh' ? d.name : d.nameEn) : lang === 'zh' ? city.name : city.nameEn;
  return (
    <figure className="seat-map" data-testid="seat-map">
      <div className="seat-map-box" ref={boxRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={t('seatMapAria', { area, place: name, id: appeal.appealId })}
          data-testid="seat-map-canvas"
          data-district={d?.id ?? ''}
        />
      </div>
      <figcaption lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <span className="small">
          #{appeal.appealId} · {name}
        </span>
        {!d && (
          <span className="muted small" data-testid="seat-map-whole-city">
            {' '}
            · {t('seatMapWholeCity')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** One ring of an outline as a subpath. */
function ringPath(
  ctx: CanvasRenderingContext2D,
  ring: readonly (readonly [number, number])[],
  p: Projection,
) {
  ring.forEach(([lon, lat], i) => {
    if (i === 0) ctx.moveTo(p.x(lon), p.y(lat));
    else ctx.lineTo(p.x(lon), p.y(lat));
  });
  ctx.closePath();
}

function drawSeatMap(
  ctx: CanvasRenderingContext2D,
  city: CityMap,
  frame: SeatMapFrame,
  place: Place,
  width: number,
  height: number,
  dpr: number,
  c: CanvasColours,
  lang: Lang,
): void {
  const proj = seatMapProjection(frame, width, height);
  const projected = project(city, proj);
  const focus = city.districts[frame.district]?.id ?? null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

  // Districts: the appeal's filled and outlined strongly, its neighbours as thin outlines.
  for (const f of city.outline.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const mine = focus === null || f.id === focus || f.properties.id === focus;
    ctx.beginPath();
    for (const rings of polygons) for (const ring of rings) ringPath(ctx, ring, proj);
    ctx.fillStyle = c.land;
    ctx.globalAlpha = mine ? 1 : 0.35;
    ctx.fill('evenodd');
    ctx.globalAlpha = 1;
    ctx.strokeStyle = mine && focus !== null ? c.fg : c.border;
    ctx.lineWidth = mine && focus !== null ? 1.5 : 0.8;
    ctx.stroke();
  }

  // The appeal's street: its grid cells as dots (the street's area; streets have no outline).
  if (frame.street >= 0) {
    ctx.fillStyle = OKABE_ITO.skyBlue;
    ctx.globalAlpha = 0.75;
    const n = projected.cellX.length;
    for (let i = 0; i < n; i++) {
      if (city.cells.street[i] !== frame.street) continue;
      ctx.beginPath();
      ctx.arc(projected.cellX[i] as number, projected.cellY[i] as number, 1.8, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  // Streets of the district (or of the city) as small crosses.
  ctx.strokeStyle = c.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  city.streets.forEach((s, i) => {
    if (focus !== null && s.districtId !== focus) return;
    const x = projected.streetX[i] as number;
    const y = projected.streetY[i] as number;
    if (x < -4 || y < -4 || x > width + 4 || y > height + 4) return;
    ctx.moveTo(x - 2.5, y);
    ctx.lineTo(x + 2.5, y);
    ctx.moveTo(x, y - 2.5);
    ctx.lineTo(x, y + 2.5);
  });
  ctx.stroke();

  // Names: the district's (top left) and the appeal's street (beside its point), on a halo.
  ctx.font = '12px system-ui, sans-serif';
  ctx.lineJoin = 'round';
  const label = (text: string, x: number, y: number, colour: string, align: CanvasTextAlign) => {
    ctx.textAlign = align;
    ctx.strokeStyle = c.bg;
    ctx.lineWidth = 3;
    ctx.strokeText(text, x, y);
    ctx.fillStyle = colour;
    ctx.fillText(text, x, y);
  };
  ctx.textBaseline = 'top';
  const d = city.districts[frame.district];
  label(
    d ? (lang === 'zh' ? d.name : d.nameEn) : lang === 'zh' ? city.name : city.nameEn,
    6,
    5,
    c.muted,
    'left',
  );
  const street = city.streets[frame.street];
  const pinX = proj.x(place.lon);
  const pinY = proj.y(place.lat);
  if (street) {
    const sx = projected.streetX[frame.street] as number;
    const sy = projected.streetY[frame.street] as number;
    // Left or right of the street's point, whichever keeps clear of the pin.
    const right = sx >= pinX;
    ctx.textBaseline = 'middle';
    label(
      lang === 'zh' ? street.name : street.nameEn,
      sx + (right ? 6 : -6),
      sy,
      c.fg,
      right ? 'left' : 'right',
    );
  }

  drawPin(ctx, pinX, pinY, c);
}

/** A map pin: a ring at the exact place, a teardrop standing on it with a hole in its head. */
function drawPin(ctx: CanvasRenderingContext2D, x: number, y: number, c: CanvasColours): void {
  const r = 7;
  const cy = y - PIN_HEIGHT + r;
  ctx.lineWidth = 2;
  ctx.strokeStyle = c.fg;
  ctx.beginPath();
  ctx.ellipse(x, y, 5, 2.5, 0, 0, Math.PI * 2);
  ctx.stroke();
  // The teardrop: the head's circle, its sides running down to the tip.
  const a = Math.acos(r / (PIN_HEIGHT - r));
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.arc(x, cy, r, Math.PI / 2 + a, Math.PI / 2 - a);
  ctx.closePath();
  ctx.fillStyle = OKABE_ITO.vermillion;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = c.fg;
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(x, cy, 2.6, 0, Math.PI * 2);
  ctx.fillStyle = c.bg;
  ctx.fill();
}
