// @ts-check
// What the explorer shows and how, as plain data: the selection, deep links, hidden nodes, and an
// undo history of scene snapshots. No DOM and no Cytoscape here, so it is unit-tested in node.

/** @typedef {import('./types').Selection} Selection */

/** graph(seeds: …) takes at most this many seeds (the API's MAX_SEEDS). */
export const MAX_SEEDS = 50;

/**
 * The selection a page address asks for: ?id=…, ?seeds=a,b, ?view=whole|flow, ?path=a,b.
 * @param {string} search location.search
 * @param {string} start the default centre
 * @returns {Selection}
 */
export function selectionFromLink(search, start) {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  if (view === 'whole') return { kind: 'whole' };
  if (view === 'flow') return { kind: 'flow' };
  const path = splitIds(params.get('path'));
  if (path.length === 2)
    return { kind: 'path', from: /** @type {string} */ (path[0]), to: /** @type {string} */ (path[1]) };
  const seeds = splitIds(params.get('seeds'));
  if (seeds.length) return { kind: 'seeds', seeds: seeds.slice(0, MAX_SEEDS) };
  const id = params.get('id');
  return { kind: 'seeds', seeds: [id && id.trim() ? id.trim() : start] };
}

/** @param {string | null} value */
function splitIds(value) {
  return (value || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The page address for a selection, so a view can be shared and opened again as it was.
 * @param {Selection} selection
 * @returns {string} the query string, with its "?"
 */
export function linkFor(selection) {
  const params = new URLSearchParams();
  if (selection.kind === 'whole') params.set('view', 'whole');
  else if (selection.kind === 'flow') params.set('view', 'flow');
  else if (selection.kind === 'path') params.set('path', `${selection.from},${selection.to}`);
  else if (selection.seeds.length === 1) params.set('id', /** @type {string} */ (selection.seeds[0]));
  else params.set('seeds', selection.seeds.join(','));
  return `?${params.toString().replace(/%2F/g, '/').replace(/%2C/g, ',')}`;
}

/**
 * The selection with one more seed (an expansion); the same selection when it is already a seed
 * or when the seeds are full (the caller then adds a neighbourhood without new metrics).
 * @param {Selection} selection
 * @param {string} id
 * @returns {Selection}
 */
export function withSeed(selection, id) {
  if (selection.kind !== 'seeds' || selection.seeds.includes(id) || selection.seeds.length >= MAX_SEEDS)
    return selection;
  return { kind: 'seeds', seeds: [...selection.seeds, id] };
}

/** Whether graph(seeds: …) can take one more seed. @param {Selection} selection */
export function canAddSeed(selection) {
  return selection.kind === 'seeds' && selection.seeds.length < MAX_SEEDS;
}

/**
 * The variables of graph(...) for the filters: kinds only when some are hidden or dates are set.
 * @param {string[]} allKinds
 * @param {Set<string>} hiddenKinds
 * @param {{ from: string | null, to: string | null }} dates
 */
export function filterVariables(allKinds, hiddenKinds, dates) {
  const kinds = allKinds.filter((k) => !hiddenKinds.has(k));
  const narrowed = kinds.length < allKinds.length || !!dates.from || !!dates.to;
  return { kinds: narrowed ? kinds : null, from: dates.from, to: dates.to };
}

/**
 * What the scene was before a change: enough to put it back (elements with positions, the
 * selection, what was hidden).
 * @template T
 * @typedef {{ label: string, selection: Selection, elements: T, hidden: string[], expanded: string[], viewport?: { zoom: number, pan: { x: number, y: number } } }} Snapshot
 */

/**
 * The undo history: snapshots taken before each change, the latest undone first, at most `limit`.
 * @template T
 */
export class History {
  /** @param {number} limit */
  constructor(limit = 30) {
    this.limit = limit;
    /** @type {Snapshot<T>[]} */
    this.stack = [];
  }

  /** @param {Snapshot<T>} snapshot */
  push(snapshot) {
    this.stack.push(snapshot);
    if (this.stack.length > this.limit) this.stack.shift();
  }

  /** @returns {Snapshot<T> | undefined} */
  undo() {
    return this.stack.pop();
  }

  get size() {
    return this.stack.length;
  }

  /** What Undo would undo, in words ("Undo hide 楊植麟"). */
  get next() {
    const top = this.stack[this.stack.length - 1];
    return top ? top.label : null;
  }

  clear() {
    this.stack = [];
  }
}

/**
 * The selection in words, for the status line and the exports' description.
 * @param {Selection} selection
 * @param {(id: string) => string} nameOf
 */
export function describe(selection, nameOf) {
  switch (selection.kind) {
    case 'whole':
      return 'whole graph';
    case 'flow':
      return 'talent flow';
    case 'path':
      return `path from ${nameOf(selection.from)} to ${nameOf(selection.to)}`;
    default:
      return `around ${selection.seeds.map(nameOf).join(', ')}`;
  }
}
