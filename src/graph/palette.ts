import { EntityLabel, EVENT_LABEL } from '../model/vocabulary';

/**
 * One colour per node label, the same in the explorer (/explore) and in GEXF files (viz:color),
 * so Gephi opens with the explorer's colours. Entities are saturated; events are lighter.
 */
export const LABEL_COLORS: Record<string, string> = {
  [EntityLabel.Person]: '#1f77b4',
  [EntityLabel.Organization]: '#d62728',
  [EntityLabel.Product]: '#2ca02c',
  [EntityLabel.Group]: '#9467bd',
  [EVENT_LABEL.ARBITRATION]: '#ff7f0e',
  [EVENT_LABEL.ACQUISITION]: '#e377c2',
  [EVENT_LABEL.LICENSING_DEAL]: '#bcbd22',
  [EVENT_LABEL.TALENT_MOVE]: '#17becf',
  [EVENT_LABEL.FUNDING_ROUND]: '#8c564b',
  [EVENT_LABEL.PRICE_CUT]: '#f7b6d2',
  [EVENT_LABEL.STATEMENT]: '#c7c7c7',
  [EVENT_LABEL.METRIC]: '#dbdb8d',
  [EVENT_LABEL.PRODUCT_LAUNCH]: '#98df8a',
  [EVENT_LABEL.FOUNDING]: '#ffbb78',
  [EVENT_LABEL.MARKET_ENTRY]: '#9edae5',
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
