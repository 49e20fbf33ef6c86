import type { Rect } from './projection';

/** A name to place near a point, the more important first. */
export interface LabelCandidate {
  id: string;
  text: string;
  x: number;
  y: number;
  /** Higher is placed first; ties by id. */
  priority: number;
}

/** A placed name: its box, and the centre it is drawn at (text centred, middle baseline). */
export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  box: Rect;
}

/** Width in pixels of `text` at the font placement uses (the canvas's measureText in the map). */
export type Measure = (text: string) => number;

/** Whether two boxes overlap (touching edges do not). */
export function boxesIntersect(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const inside = (box: Rect, bounds: Rect) =>
  box.x >= bounds.x &&
  box.y >= bounds.y &&
  box.x + box.width <= bounds.x + bounds.width &&
  box.y + box.height <= bounds.y + bounds.height;

/**
 * Names placed without overlap: each, by priority, at its point or next to it (above, below, right,
 * left, diagonally, then two lines away), at the first place whose box stays inside `bounds`, clear of every name placed before and of
 * `avoid` (another view drawn over the map); a name with no such place is left out. Greedy and
 * deterministic: the same names and sizes always give the same map.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  measure: Measure,
  fontPx: number,
  bounds: Rect,
  avoid: readonly Rect[] = [],
): PlacedLabel[] {
  const h = Math.ceil(fontPx * 1.25);
  const placed: PlacedLabel[] = [];
  const order = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const c of order) {
    const w = Math.ceil(measure(c.text)) + 4;
    const side = w / 2 + 4;
    const offsets: [number, number][] = [
      [0, 0],
      [0, -h],
      [0, h],
      [side, 0],
      [-side, 0],
      [side, -h],
      [-side, -h],
      [side, h],
      [-side, h],
      [0, -2 * h],
      [0, 2 * h],
    ];
    for (const [dx, dy] of offsets) {
      const x = c.x + dx;
      const y = c.y + dy;
      const box = { x: x - w / 2, y: y - h / 2, width: w, height: h };
      if (!inside(box, bounds)) continue;
      if (avoid.some((r) => boxesIntersect(r, box)) || placed.some((p) => boxesIntersect(p.box, box)))
        continue;
      placed.push({ id: c.id, text: c.text, x, y, box });
      break;
    }
  }
  return placed;
}
