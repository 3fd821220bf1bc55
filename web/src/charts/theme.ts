/** The app's font and colours for charts, so they read like the page around them. */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const INK = '#1f2933';
export const MUTED = '#52606d';
export const GRID_LINE = '#e4e7eb';
export const ACCENT = '#1d4ed8';
export const INSUFFICIENT = '#9aa5b1';

/** Series colours: the accent first, then hues that stay apart for common colour-vision deficiencies. */
export const SERIES_COLOURS = [
  '#1d4ed8',
  '#c2410c',
  '#0f766e',
  '#7e22ce',
  '#a16207',
  '#be185d',
  '#475569',
  '#0369a1',
];
