import { ENTITY_COLORS, EVENT_KINDS } from '../model/registry';

/**
 * One colour per node label, the same in the explorer (/explore) and in GEXF files (viz:color),
 * so Gephi opens with the explorer's colours. The colours live in the registry.
 */
export const LABEL_COLORS: Record<string, string> = {
  ...ENTITY_COLORS,
  ...Object.fromEntries(Object.values(EVENT_KINDS).map((k) => [k.label, k.color])),
};

export const DEFAULT_COLOR = '#7f7f7f';

export function colorOf(label: string): string {
  return LABEL_COLORS[label] ?? DEFAULT_COLOR;
}

/** "#1f77b4" → { r: 31, g: 119, b: 180 } */
export function rgbOf(hex: string): { r: number; g: number; b: number } {
  const n = Number.parseInt(hex.slice(1), 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}
