/**
 * Okabe-Ito: eight colours told apart with every common colour-vision deficiency. Every series,
 * marker and flag of the dashboard takes its colour from here, and never from colour alone (shapes,
 * labels and line styles say the same thing).
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#999999',
} as const;

/** Colours of the 未诉先办 story: reactive orders warm, proactive work cool. */
export const SHIFT_COLOURS = {
  reactive: OKABE_ITO.vermillion,
  proactive: OKABE_ITO.green,
  grid: OKABE_ITO.skyBlue,
  avoided: OKABE_ITO.yellow,
} as const;

/** Map markers by what happened to the appeal. */
export const MOVE_COLOURS = {
  received: OKABE_ITO.skyBlue,
  dispatched: OKABE_ITO.orange,
  returned: OKABE_ITO.vermillion,
  whistle: OKABE_ITO.purple,
  closed: OKABE_ITO.green,
  grid: OKABE_ITO.yellow,
} as const;

/** A categorical colour for category group `i` (cycles through the palette). */
export function groupColour(i: number): string {
  const colours = Object.values(OKABE_ITO);
  return colours[i % colours.length] as string;
}

export type Theme = 'dark' | 'light';

/** The theme's canvas colours, read from the CSS variables the stylesheet sets per theme. */
export interface CanvasColours {
  bg: string;
  fg: string;
  muted: string;
  grid: string;
  land: string;
  border: string;
}

export function canvasColours(): CanvasColours {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    bg: v('--bg'),
    fg: v('--fg'),
    muted: v('--muted'),
    grid: v('--grid'),
    land: v('--land'),
    border: v('--border'),
  };
}
