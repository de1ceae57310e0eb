// @ts-check
// Labels at every zoom: a label is drawn at a readable size on screen (not shrunk with the
// graph), and as many as fit without covering each other are drawn, the most central nodes
// first; zooming in makes room for the rest. The hovered and selected nodes always have theirs.

/** Rendered size of a label, in CSS pixels, once the graph is zoomed out (zoomed in, labels grow with it). */
export const LABEL_PX = 12;
const EVENT_LABEL_PX = 10.5;
/** The labels' font (views/style.js draws them in it, and they are measured in it here). */
export const LABEL_FONT = 'system-ui, "Noto Sans CJK TC", "Noto Sans CJK SC", sans-serif';
/** Widest label on screen before its ellipsis, in CSS pixels. */
const LABEL_MAX_PX = 150;

/**
 * @typedef {{ id: string, x: number, y: number, r: number, width: number, height: number, priority: number, always: boolean }} LabelCandidate
 */

/**
 * The labels to draw: greedy, highest priority first (those marked `always` before all), each
 * kept when its box (centred under its node) covers no label kept before it and no other node.
 * @param {LabelCandidate[]} candidates in screen pixels
 * @param {{ width: number, height: number }} viewport
 * @returns {Set<string>}
 */
export function placeLabels(candidates, viewport) {
  const order = [...candidates].sort(
    (a, b) => Number(b.always) - Number(a.always) || b.priority - a.priority || (a.id < b.id ? -1 : 1),
  );
  /** @type {{ x1: number, x2: number, y1: number, y2: number }[]} */
  const kept = [];
  const nodes = candidates.map((c) => ({ id: c.id, x1: c.x - c.r, x2: c.x + c.r, y1: c.y - c.r, y2: c.y + c.r }));
  const placed = new Set();
  for (const c of order) {
    // the label sits under its node (text-margin-y 3), on a background padded by 1 px; 2 px to spare around
    const box = {
      x1: c.x - c.width / 2 - 3,
      x2: c.x + c.width / 2 + 3,
      y1: c.y + c.r + 1,
      y2: c.y + c.r + 6 + c.height,
    };
    const onScreen = box.x2 > 0 && box.x1 < viewport.width && box.y2 > 0 && box.y1 < viewport.height;
    if (!c.always && !onScreen) continue;
    /** @param {{ x1: number, x2: number, y1: number, y2: number }} o */
    const hits = (o) => box.x1 < o.x2 && o.x1 < box.x2 && box.y1 < o.y2 && o.y1 < box.y2;
    if (!c.always && (kept.some(hits) || nodes.some((n) => n.id !== c.id && hits(n)))) continue;
    kept.push(box);
    placed.add(c.id);
  }
  return placed;
}

/** @type {CanvasRenderingContext2D | null} */
let measurer = null;
/** @type {Map<string, number>} */
const widths = new Map();

/** Width of a text at 1 px font size (scaled linearly after). @param {string} text */
function unitWidth(text) {
  let w = widths.get(text);
  if (w !== undefined) return w;
  if (!measurer) measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 0.6;
  measurer.font = `100px ${LABEL_FONT}`;
  w = measurer.measureText(text).width / 100;
  widths.set(text, w);
  return w;
}

/**
 * Chooses and sizes the labels for the current zoom and pan: data(fontSize) and data(textWidth)
 * keep them LABEL_PX on screen when zoomed out; class `labelled` marks the ones drawn.
 * @param {import('./types').Core} cy
 */
export function refreshLabels(cy) {
  const zoom = cy.zoom();
  const scale = Math.max(1, 1 / zoom);
  const nodes = cy.nodes(':visible');
  const maxRank = nodes.max((n) => n.data('pagerank') || 0).value || 1;
  const maxDegree = nodes.max((n) => n.data('degree') || 0).value || 1;
  /** @type {LabelCandidate[]} */
  const candidates = nodes.map((n) => {
    const px = (n.data('isEvent') ? EVENT_LABEL_PX : LABEL_PX) * Math.max(1, zoom);
    const p = n.renderedPosition();
    const width = Math.min(unitWidth(n.data('short') || '') * px, LABEL_MAX_PX * Math.max(1, zoom));
    return {
      id: n.id(),
      x: p.x,
      y: p.y,
      r: n.renderedWidth() / 2,
      width,
      height: px * 1.25,
      // entities before events, then by PageRank and degree on the selection
      priority:
        (n.data('isEvent') ? 0 : 1) + (n.data('pagerank') || 0) / maxRank + (0.5 * (n.data('degree') || 0)) / maxDegree,
      always: n.selected() || n.hasClass('hovered') || n.hasClass('highlight'),
    };
  });
  const placed = placeLabels(candidates, { width: cy.width(), height: cy.height() });
  cy.batch(() => {
    nodes.forEach((n) => {
      const base = n.data('isEvent') ? EVENT_LABEL_PX : LABEL_PX;
      const fontSize = Math.round(base * scale * 10) / 10;
      if (n.data('fontSize') !== fontSize) n.data({ fontSize, textWidth: Math.round(LABEL_MAX_PX * scale) });
      if (placed.has(n.id())) n.addClass('labelled');
      else n.removeClass('labelled');
    });
  });
}

/**
 * Keeps the labels fitted as the graph is zoomed, panned or changed (once per frame at most).
 * @param {import('./types').Core} cy
 */
export function followZoom(cy) {
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      refreshLabels(cy);
    });
  };
  cy.on('zoom pan resize add remove', queue);
  cy.on('select unselect', 'node', queue);
  return queue;
}
