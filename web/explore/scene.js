// @ts-check
// The graph on the canvas and what decides which of it is drawn: hidden nodes, the event
// filters, the month shown, community groups. Every change of those goes through `refresh`, so
// the canvas, the node list and the exports always agree on what is on screen.
import { graphElements } from './elements.js';
import { appearances, appearedIn, histogram, monthSpan, monthsOf, standing } from './timeline.js';

/** @typedef {import('./types').Core} Core */
/** @typedef {import('./types').NodeSingular} NodeSingular */
/** @typedef {import('./types').NodeCollection} NodeCollection */
/** @typedef {import('./types').ExploreConfig} ExploreConfig */
/** @typedef {{ nodes: any[], edges: any[] }} SceneElements */

/** A graph at least this large opens grouped by community. */
export const GROUP_ABOVE = 300;

export class Scene {
  /** @param {Core} cy @param {ExploreConfig} config */
  constructor(cy, config) {
    this.cy = cy;
    this.config = config;
    /** Nodes hidden by hand (Hide). @type {Set<string>} */
    this.hidden = new Set();
    /** @type {Set<string>} */
    this.hiddenKinds = new Set();
    /** @type {{ from: string | null, to: string | null }} */
    this.dates = { from: null, to: null };
    /** The month shown (null: all dates), and the one before it (for what is new). */
    this.asOf = /** @type {string | null} */ (null);
    this.previous = /** @type {string | null} */ (null);
    /** @type {Map<string, import('./types').MonthSpan>} */
    this.appear = new Map();
    /** @type {string[]} */
    this.months = [];
    this.look = { sizeBy: 'degree', colorBy: 'label' };
    this.grouped = false;
    /** Communities opened from their group. @type {Set<number>} */
    this.openGroups = new Set();
  }

  /** @param {string | null} label */
  colorOf(label) {
    return (label && this.config.colors[label]) || this.config.defaultColor;
  }

  /** @param {number} c */
  communityColor(c) {
    return /** @type {string} */ (this.config.communityColors[c % this.config.communityColors.length]);
  }

  /** The real nodes (not community groups). */
  dataNodes() {
    return this.cy.nodes().not('.group');
  }

  /**
   * Adds what is new and refreshes the metrics of what was there (they are the selection's, so
   * they change as it grows). Returns the nodes added.
   * @param {import('./types').ApiGraph} graph
   * @returns {NodeCollection}
   */
  merge(graph) {
    const { nodes, edges } = graphElements(graph);
    const cy = this.cy;
    /** @type {any[]} */
    const fresh = [];
    cy.batch(() => {
      for (const n of nodes) {
        const existing = cy.getElementById(n.data.id);
        if (existing.empty()) fresh.push(n);
        else existing.data({ degree: n.data.degree, pagerank: n.data.pagerank, community: n.data.community });
      }
      for (const e of edges) if (cy.getElementById(e.data.id).empty()) fresh.push(e);
    });
    // an edge whose other end is not in the scene cannot be drawn (the API sends none, but a cut answer might)
    const drawable = fresh.filter(
      (el) => el.group === 'nodes' || (hasNode(cy, fresh, el.data.source) && hasNode(cy, fresh, el.data.target)),
    );
    return drawable.length ? cy.add(drawable).nodes() : cy.collection();
  }

  /** @param {import('./types').ElementDef[]} elements */
  replace(elements) {
    this.cy.elements().remove();
    this.hidden.clear();
    this.openGroups.clear();
    this.cy.add(elements);
  }

  /** The scene as data (positions included), for undo. @returns {SceneElements} */
  save() {
    const nodes = this.dataNodes().map((n) => ({
      group: 'nodes',
      data: { ...n.data() },
      position: { .../** @type {NodeSingular} */ (n).position() },
    }));
    const edges = this.cy
      .edges()
      .not('.group-edge')
      .map((e) => ({ group: 'edges', data: { ...e.data() } }));
    return { nodes, edges };
  }

  /** @param {SceneElements} saved @param {string[]} hidden */
  restore(saved, hidden) {
    this.cy.elements().remove();
    this.cy.add([...saved.nodes, ...saved.edges]);
    this.hidden = new Set(hidden);
  }

  /** Sizes by degree or PageRank (square root: area grows with the value), colours by type or community. */
  restyle() {
    const metric = this.look.sizeBy;
    const nodes = this.dataNodes();
    const max = nodes.max((n) => n.data(metric) || 0).value || 0;
    this.cy.batch(() => {
      nodes.forEach((n) => {
        const value = n.data(metric) || 0;
        const size = (n.data('isEvent') ? 14 : 20) + (max > 0 ? 40 * Math.sqrt(value / max) : 0);
        const c = n.data('community');
        const color =
          this.look.colorBy === 'community' && c !== null && c !== undefined
            ? this.communityColor(c)
            : this.colorOf(n.data('label'));
        n.data({ size: Math.round(size), color });
      });
    });
  }

  /** @param {import('./types').NodeData} data */
  passesFilters(data) {
    if (!data.kind) return true;
    if (this.hiddenKinds.has(data.kind)) return false;
    const { from, to } = this.dates;
    if (from || to) {
      if (!data.date) return false;
      if (from && data.date < from) return false;
      if (to && data.date > `${to}\uffff`) return false;
    }
    return true;
  }

  /** Recomputes when each node comes onto the timeline, and the months, from the nodes that pass the filters. */
  retime() {
    const nodes = this.dataNodes().filter((n) => this.passesFilters(n.data()));
    const list = nodes.map((n) => ({ id: n.id(), date: n.data('date'), isEvent: !!n.data('isEvent') }));
    const ids = new Set(list.map((n) => n.id));
    const edges = this.cy
      .edges()
      .filter((e) => !e.hasClass('group-edge') && ids.has(e.source().id()) && ids.has(e.target().id()))
      .map((e) => ({ source: e.data('source'), target: e.data('target') }));
    this.appear = appearances(list, edges);
    const spans = list.filter((n) => n.isEvent).map((n) => monthSpan(n.date));
    this.months = monthsOf(spans);
    this.bars = histogram(this.months, spans);
    if (this.asOf && !this.months.includes(this.asOf)) this.asOf = this.previous = null;
  }

  /** Draws what passes: hidden nodes, filters, the month shown, groups. */
  refresh() {
    const cy = this.cy;
    const fresh = this.asOf ? new Set(appearedIn(this.appear, this.asOf, this.previous)) : new Set();
    cy.batch(() => {
      cy.elements('.group, .group-edge').remove();
      this.dataNodes().forEach((n) => {
        const id = n.id();
        let shown = !this.hidden.has(id) && this.passesFilters(n.data());
        let maybe = false;
        if (shown && this.asOf) {
          const where = standing(this.appear.get(id), this.asOf);
          shown = where !== 'absent';
          maybe = where === 'maybe';
        }
        n.style('display', shown ? 'element' : 'none');
        n.toggleClass('maybe', maybe);
        n.toggleClass('fresh', shown && fresh.has(id));
      });
      if (this.grouped) this.group();
    });
  }

  /** Folds each community not opened into one node, with edges between groups counted. */
  group() {
    const cy = this.cy;
    /** @type {Map<number, NodeSingular[]>} */
    const members = new Map();
    this.dataNodes().forEach((n) => {
      const c = n.data('community');
      if (c === null || c === undefined || this.openGroups.has(c) || n.style('display') === 'none') return;
      members.set(c, [...(members.get(c) || []), n]);
    });
    /** @type {any[]} */
    const add = [];
    /** @type {Map<string, string>} node id → group id */
    const groupOf = new Map();
    for (const [c, list] of members) {
      if (list.length < 2) continue;
      const id = `group:${c}`;
      const top = list.reduce((a, b) => ((b.data('pagerank') || 0) > (a.data('pagerank') || 0) ? b : a));
      const x = list.reduce((s, n) => s + n.position('x'), 0) / list.length;
      const y = list.reduce((s, n) => s + n.position('y'), 0) / list.length;
      const name = `${top.data('name')} +${list.length - 1}`;
      add.push({
        group: 'nodes',
        classes: 'group',
        position: { x, y },
        data: {
          id,
          label: 'Community',
          name,
          short: name.length > 42 ? `${name.slice(0, 40)}…` : name,
          kind: null,
          date: null,
          isEvent: 0,
          degree: 0,
          pagerank: list.reduce((s, n) => s + (n.data('pagerank') || 0), 0),
          community: c,
          members: list.length,
          size: Math.round(24 + 8 * Math.sqrt(list.length)),
          color: this.communityColor(c),
          fontSize: top.data('fontSize'),
          textWidth: top.data('textWidth'),
        },
      });
      for (const n of list) {
        groupOf.set(n.id(), id);
        n.style('display', 'none');
      }
    }
    /** @type {Map<string, number>} */
    const links = new Map();
    this.cy
      .edges()
      .not('.group-edge')
      .forEach((e) => {
        const s = e.source();
        const t = e.target();
        if (
          (!groupOf.has(s.id()) && s.style('display') === 'none') ||
          (!groupOf.has(t.id()) && t.style('display') === 'none')
        )
          return;
        const a = groupOf.get(s.id()) || s.id();
        const b = groupOf.get(t.id()) || t.id();
        if (a === b || (!groupOf.has(s.id()) && !groupOf.has(t.id()))) return;
        const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
        links.set(key, (links.get(key) || 0) + 1);
      });
    for (const [key, count] of links) {
      const [source, target] = /** @type {[string, string]} */ (key.split('\u0000'));
      add.push({
        group: 'edges',
        classes: 'group-edge',
        data: {
          id: `group-edge:${key}`,
          source,
          target,
          type: 'GROUPED',
          caption: `${count} edges`,
          count,
          width: Math.min(12, 1 + Math.sqrt(count) * 1.5),
        },
      });
    }
    cy.add(add);
  }

  /** The nodes drawn, as rows of the node list. */
  rows() {
    return this.cy.nodes(':visible').map((n) => ({
      id: n.id(),
      name: n.data('name'),
      label: n.data('label'),
      degree: n.data('degree') || n.degree(false),
      pagerank: n.data('pagerank') || 0,
    }));
  }
}

/** @param {Core} cy @param {any[]} fresh @param {string} id */
function hasNode(cy, fresh, id) {
  return cy.getElementById(id).nonempty() || fresh.some((el) => el.group === 'nodes' && el.data.id === id);
}
