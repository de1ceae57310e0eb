// @ts-check
// The explorer page: wires the API, the scene, the layouts and the views together. Everything it
// shows comes from /graphql (graph, neighborhood, shortestPath, talentFlow, search, entity, event).
import { ApiError, gql, QUERIES } from './api.js';
import { byId, download, el } from './dom.js';
import { flowElements } from './elements.js';
import { buildGexf, buildGraphml, buildJson, viewOf } from './exports.js';
import { followZoom, refreshLabels } from './labels.js';
import { layoutAll, placeNew } from './layout.js';
import { followChanges, idsOf } from './live.js';
import { GROUP_ABOVE, Scene } from './scene.js';
import { canAddSeed, describe, filterVariables, History, linkFor, selectionFromLink, withSeed } from './state.js';
import { Menu } from './views/menu.js';
import { NodeList } from './views/nodeList.js';
import { Notice } from './views/notice.js';
import { Panel } from './views/panel.js';
import { Search } from './views/search.js';
import { STYLE, TRANSIENT_CLASSES } from './views/style.js';
import { TimelineView } from './views/timelineView.js';

/** @typedef {import('./types').Selection} Selection */
/** @typedef {import('./types').NodeSingular} NodeSingular */

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

class Explorer {
  /** @param {import('./types').ExploreConfig} config */
  constructor(config) {
    this.config = config;
    this.cy = cytoscape({ container: byId('cy'), minZoom: 0.05, maxZoom: 4, style: STYLE, boxSelectionEnabled: false });
    /** @type {any} */ (window).cy = this.cy;
    /** @type {any} */ (window).explorer = this;
    this.scene = new Scene(this.cy, config);
    /** @type {Selection} */
    this.selection = { kind: 'seeds', seeds: [config.start] };
    /** Nodes whose neighbours are in. @type {Set<string>} */
    this.expanded = new Set();
    /** @type {History<import('./scene.js').SceneElements>} */
    this.history = new History(30);
    /** A path asked for from this node: the next pick is its other end. */
    this.pathFrom = /** @type {string | null} */ (null);
    /** The path drawn, if any. */
    this.path =
      /** @type {{ nodes: import('./types').ApiNode[], edges: import('./types').ApiEdge[], length: number } | null} */ (
        null
      );
    this.layoutName = 'fcose';
    this.status = byId('status');
    this.notice = new Notice(byId('notice'));
    this.panel = new Panel(byId('details'), (id) => void this.focusOn(id).catch((e) => this.fail(e)));
    this.menu = new Menu(byId('menu'));
    this.list = new NodeList(/** @type {HTMLTableElement} */ (byId('node-list')), {
      focus: (id) => this.selectById(id, { centre: true }),
      expand: (id) => void this.expandById(id),
      hide: (id) => this.hide(id),
      menu: (id, anchor) => {
        const box = anchor.getBoundingClientRect();
        const main = /** @type {HTMLElement} */ (byId('cy').parentElement).getBoundingClientRect();
        this.openMenu(id, { x: Math.max(8, box.left - main.left - 210), y: box.top - main.top });
      },
    });
    this.timeline = new TimelineView(
      {
        slider: /** @type {HTMLInputElement} */ (byId('timeline')),
        histogram: /** @type {any} */ (byId('histogram')),
        play: /** @type {HTMLButtonElement} */ (byId('play')),
        label: byId('timeline-label'),
      },
      (index) => this.setMonth(index),
    );
    this.search = new Search(
      {
        input: /** @type {HTMLInputElement} */ (byId('search')),
        list: byId('search-results'),
        form: /** @type {HTMLFormElement} */ (byId('search-form')),
      },
      async (text) => (await gql(QUERIES.search, { text })).search,
      (hit) => void this.picked(hit.id).catch((e) => this.fail(e)),
      (label) => this.scene.colorOf(label),
    );
    this.queueLabels = followZoom(this.cy);
    /** Stops following the live changes; null when not following. @type {(() => void) | null} */
    this.unfollow = null;
    /** Live changes handled one after another. */
    this.arrivals = Promise.resolve();
    this.wire();
  }

  // --- live changes (Subscription.changes) ------------------------------------------------

  /** Starts or stops following the graph's changes as they commit. */
  toggleFollow() {
    const button = byId('follow');
    if (this.unfollow) {
      this.unfollow();
      this.unfollow = null;
      this.cy.nodes('.live-new').removeClass('live-new');
      button.setAttribute('aria-pressed', 'false');
      this.say('Stopped following changes.');
      return;
    }
    button.setAttribute('aria-pressed', 'true');
    this.say('Following changes: new facts appear as they are written, ringed in green.');
    this.unfollow = followChanges({
      onChange: (change) => {
        this.arrivals = this.arrivals.then(() => this.arrived(change)).catch((error) => this.fail(error));
      },
      onError: (message) => this.say(`The live feed stopped (${message}); resuming from the last change…`),
    });
  }

  /**
   * Shows one change: a retracted fact leaves the scene; anything else is brought in with its
   * neighbours, and what it added is marked new.
   * @param {import('./live.js').Change} change
   */
  async arrived(change) {
    if (change.operation === 'RETRACT') {
      this.cy.getElementById(change.targetId).remove();
      this.scene.refresh();
      this.showCounts(`live: ${change.targetId} retracted`);
      return;
    }
    let added = 0;
    for (const id of idsOf(change)) {
      const graph = (await gql(QUERIES.neighborhood, { id })).neighborhood;
      const before = new Set(this.cy.nodes().map((n) => n.id()));
      added += this.addAround(graph, null);
      this.cy
        .nodes()
        .filter((n) => !before.has(n.id()) || n.id() === id)
        .addClass('live-new');
    }
    this.showCounts(`live: ${change.operation.toLowerCase()} ${change.targetId}${added ? `, +${added}` : ''}`);
  }

  // --- the status line and failures --------------------------------------------------------

  /** @param {string} text */
  say(text) {
    this.status.textContent = text;
  }

  /** @param {string} [extra] */
  showCounts(extra) {
    const nodes = this.cy.nodes(':visible').length;
    const edges = this.cy.edges(':visible').length;
    const total = this.scene.dataNodes().length;
    const hidden = total - this.scene.dataNodes().filter((n) => n.visible()).length;
    const what = describe(this.selection, (id) => this.nameOf(id));
    this.say(
      `${nodes} nodes · ${edges} edges · ${what}${hidden > 0 ? ` (${hidden} of ${total} not drawn: filters, timeline, hidden or grouped)` : ''}${extra ? ` · ${extra}` : ''}`,
    );
  }

  /** @param {string} id */
  nameOf(id) {
    const n = this.cy.getElementById(id);
    return n.nonempty() ? n.data('name') : id;
  }

  /**
   * A failure in words, with what to do: Retry for outages and proxies, search for unknown ids.
   * @param {unknown} error
   * @param {() => Promise<unknown>} [retry]
   */
  fail(error, retry) {
    const message = error instanceof Error ? error.message : String(error);
    this.say(message);
    /** @type {{ label: string, run: () => void }[]} */
    const actions = [];
    if (retry && (!(error instanceof ApiError) || error.retryable)) {
      actions.push({
        label: 'Retry',
        run: () => {
          this.notice.hide();
          this.say('Trying again…');
          retry().catch((e) => this.fail(e, retry));
        },
      });
    }
    this.notice.show(message, actions);
  }

  // --- loading -----------------------------------------------------------------------------

  /** Before a change that Undo can take back. @param {string} label */
  remember(label) {
    if (!this.scene.dataNodes().length) return;
    this.history.push({
      label,
      selection: this.selection,
      elements: this.scene.save(),
      hidden: [...this.scene.hidden],
      expanded: [...this.expanded],
      viewport: { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } },
    });
    this.syncUndo();
  }

  syncUndo() {
    const button = /** @type {HTMLButtonElement} */ (byId('undo'));
    button.disabled = !this.history.size;
    button.textContent = this.history.next ? `Undo ${this.history.next}` : 'Undo';
    button.title = this.history.next ? `Undo: ${this.history.next}` : 'Nothing to undo';
  }

  /**
   * Shows a selection afresh: asks the API, replaces the scene, lays it out (seeded: the same view
   * gets the same positions), fits it. Unknown ids get a "not found".
   * @param {Selection} selection
   * @param {{ remember?: string }} [options]
   */
  async show(selection, options = {}) {
    this.timeline.stop();
    this.notice.hide();
    this.say('Loading…');
    if (options.remember) this.remember(options.remember);
    if (selection.kind === 'flow') return this.showFlow();
    if (selection.kind === 'path') return this.showPathAlone(selection.from, selection.to);
    const variables = filterVariables(
      this.config.eventKinds.map((k) => k.kind),
      this.scene.hiddenKinds,
      this.scene.dates,
    );
    const data =
      selection.kind === 'whole'
        ? await gql(QUERIES.whole, variables)
        : await gql(QUERIES.seeds, { ...variables, seeds: selection.seeds });
    const graph = data.graph;
    if (selection.kind === 'seeds' && !graph.nodes.length) {
      this.notFound(selection.seeds);
      return;
    }
    this.selection = selection;
    this.expanded = new Set(selection.kind === 'seeds' ? selection.seeds : []);
    this.path = null;
    this.pathFrom = null;
    document.body.classList.remove('flow');
    this.scene.replace([]);
    this.scene.merge(graph);
    this.scene.grouped =
      /** @type {HTMLInputElement} */ (byId('group-communities')).checked ||
      this.scene.dataNodes().length > GROUP_ABOVE;
    /** @type {HTMLInputElement} */ (byId('group-communities')).checked = this.scene.grouped;
    this.afterReplace();
    const seed = selection.kind === 'seeds' ? this.cy.getElementById(/** @type {string} */ (selection.seeds[0])) : null;
    if (seed && seed.nonempty()) this.select(seed);
    else this.panel.clear();
    this.showCounts(graph.truncated ? `cut at ${graph.nodes.length} of ${graph.totalNodes} nodes` : undefined);
  }

  /** After the scene was replaced: styles, timeline, layout, fit, labels, list, address. */
  afterReplace() {
    this.scene.restyle();
    this.scene.retime();
    const grouped = this.scene.grouped;
    this.scene.grouped = false;
    this.scene.refresh();
    layoutAll(this.cy, this.layoutName);
    this.scene.grouped = grouped;
    this.redraw();
    this.fit();
    this.syncLink();
  }

  /** After any change of what is drawn. */
  redraw() {
    this.scene.refresh();
    this.drawPath();
    this.list.update(this.scene.rows());
    const selected = this.cy.$('node:selected');
    this.list.select(selected.nonempty() ? selected.id() : null);
    this.syncTimeline();
    this.buildLegend();
    refreshLabels(this.cy);
    // the panel follows the view: a node no longer drawn is no longer described
    if (this.panel.shows && !this.panel.shows.startsWith('path:')) {
      const shown = this.cy.getElementById(this.panel.shows);
      if (shown.empty() || !shown.visible()) {
        shown.unselect();
        this.panel.clear();
      }
    }
  }

  fit() {
    this.cy.fit(this.cy.elements(':visible'), 30);
    // a few nodes would be blown up to fill the screen: no closer than 1.5×
    if (this.cy.zoom() > 1.5) {
      this.cy.zoom(1.5);
      this.cy.center(this.cy.elements(':visible'));
    }
    refreshLabels(this.cy);
  }

  syncLink() {
    const link = linkFor(this.selection);
    if (window.location.search !== link) window.history.replaceState(null, '', link);
    /** @type {HTMLAnchorElement} */ (byId('ide-link')).href = ideLink(this.selection);
  }

  /** @param {string[]} ids */
  notFound(ids) {
    this.say(`Not found: ${ids.join(', ')}`);
    this.panel.clear();
    this.notice.show(
      `No node has the id “${ids.join(', ')}”. Search for a name above, or start from ${this.config.start}.`,
      [
        {
          label: 'Go to the start',
          run: () => void this.show({ kind: 'seeds', seeds: [this.config.start] }).catch((e) => this.fail(e)),
        },
        { label: 'Search', run: () => byId('search').focus() },
      ],
    );
    if (!this.scene.dataNodes().length) this.redraw();
  }

  async showFlow() {
    const data = await gql(QUERIES.flow);
    this.selection = { kind: 'flow' };
    this.expanded = new Set();
    this.path = null;
    const { nodes, edges } = flowElements(data.talentFlow);
    document.body.classList.add('flow');
    this.scene.replace([...nodes, ...edges]);
    this.scene.look.sizeBy = 'degree';
    /** @type {HTMLSelectElement} */ (byId('size-by')).value = 'degree';
    this.scene.grouped = false;
    this.afterReplace();
    this.panel.clear(
      'Organisations as nodes; an arrow for the moves from one to the other, as wide as their count. Hover an arrow for who moved.',
    );
    this.showCounts(`${data.talentFlow.links.length} links`);
  }

  /**
   * Brings a node's neighbours in: it joins the seeds (one query for the whole selection, metrics
   * included); the new nodes are placed beside it and nothing already on screen moves.
   * @param {NodeSingular} node
   */
  async expand(node) {
    const id = node.id();
    if (this.expanded.has(id) || this.selection.kind === 'flow' || node.hasClass('group')) return 0;
    this.remember(`expand ${node.data('name')}`);
    this.expanded.add(id);
    this.say(`Expanding ${node.data('name')}…`);
    let graph;
    if (canAddSeed(this.selection)) {
      const next = withSeed(this.selection, id);
      const variables = filterVariables(
        this.config.eventKinds.map((k) => k.kind),
        this.scene.hiddenKinds,
        this.scene.dates,
      );
      graph = (await gql(QUERIES.seeds, { ...variables, seeds: /** @type {any} */ (next).seeds })).graph;
      this.selection = next;
    } else {
      graph = (await gql(QUERIES.neighborhood, { id })).neighborhood;
    }
    const added = this.addAround(graph, node);
    this.syncLink();
    this.showCounts(added ? `+${added} around ${node.data('name')}` : `nothing new around ${node.data('name')}`);
    return added;
  }

  /**
   * Adds a graph to the scene, the new nodes placed beside `anchor` (or beside what they link to).
   * @param {import('./types').ApiGraph} graph
   * @param {NodeSingular | null} anchor
   */
  addAround(graph, anchor) {
    const fresh = this.scene.merge(graph);
    this.scene.restyle();
    this.scene.retime();
    // new nodes are drawn even when the scene is grouped: their community opens
    if (this.scene.grouped) fresh.forEach((n) => void this.scene.openGroups.add(n.data('community')));
    this.scene.refresh();
    placeNew(
      this.cy,
      fresh.filter((n) => n.visible()),
      anchor,
    );
    this.redraw();
    return fresh.length;
  }

  /** @param {string} id */
  async expandById(id) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.select(node);
    try {
      await this.expand(node);
    } catch (error) {
      this.fail(error, () => this.expand(node));
    }
  }

  /**
   * Selects a node and shows its details.
   * @param {NodeSingular} node
   */
  select(node) {
    this.cy.$(':selected').unselect();
    node.select();
    this.list.select(node.id());
    if (node.hasClass('group')) {
      this.panel.clear(
        `${node.data('members')} nodes of community ${node.data('community')}, folded together. Click to open the group.`,
      );
      return;
    }
    const data = node.data();
    this.panel.loading(data);
    gql(QUERIES.details, { id: data.id })
      .then((details) => this.panel.node(data, details))
      .catch((error) => this.panel.failed(data.id, error instanceof Error ? error.message : String(error)));
  }

  /** @param {string} id @param {{ centre?: boolean }} [options] */
  selectById(id, options = {}) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    if (!node.selected()) this.select(node);
    if (options.centre) this.bringIntoView(node, false);
  }

  /**
   * Centres a node (zooming in until its label is readable) and, if asked, flashes a ring round it.
   * @param {NodeSingular} node
   * @param {boolean} highlight
   */
  bringIntoView(node, highlight) {
    if (highlight) {
      this.cy.nodes('.highlight').removeClass('highlight');
      node.addClass('highlight');
      setTimeout(() => node.removeClass('highlight'), 2500);
    }
    // a jump, not an animation: the node is where it is said to be at once
    this.cy.stop();
    this.cy.zoom(Math.max(this.cy.zoom(), 1));
    this.cy.center(node);
    refreshLabels(this.cy);
  }

  /**
   * A name picked in the search (or a node link in the panel): the other end of a path asked for,
   * or the node brought into view (and in, with its neighbours, when it is not on screen).
   * @param {string} id
   */
  async picked(id) {
    if (this.pathFrom) return this.showPath(this.pathFrom, id);
    return this.focusOn(id);
  }

  /** @param {string} id */
  async focusOn(id) {
    let node = this.cy.getElementById(id);
    if (node.nonempty() && node.visible()) {
      this.select(node);
      this.bringIntoView(node, true);
      return;
    }
    if (node.nonempty()) {
      // on the canvas but not drawn: hidden by hand or folded into its group
      this.scene.hidden.delete(id);
      this.scene.openGroups.add(node.data('community'));
      this.redraw();
    } else if (this.selection.kind === 'seeds') {
      this.remember(`bring in ${id}`);
      const next = withSeed(this.selection, id);
      const data =
        next !== this.selection
          ? (
              await gql(QUERIES.seeds, {
                ...filterVariables(
                  this.config.eventKinds.map((k) => k.kind),
                  this.scene.hiddenKinds,
                  this.scene.dates,
                ),
                seeds: /** @type {any} */ (next).seeds,
              })
            ).graph
          : (await gql(QUERIES.neighborhood, { id })).neighborhood;
      if (!data.nodes.some((/** @type {{ id: string }} */ n) => n.id === id)) return this.notFound([id]);
      this.selection = next;
      this.expanded.add(id);
      this.addAround(data, null);
      this.syncLink();
    } else {
      await this.show(
        { kind: 'seeds', seeds: [id] },
        { remember: `leave the ${describe(this.selection, (x) => this.nameOf(x))}` },
      );
    }
    node = this.cy.getElementById(id);
    if (node.nonempty()) {
      this.select(node);
      this.bringIntoView(node, true);
    }
    this.showCounts();
  }

  /** @param {string} id */
  hide(id) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.remember(`hide ${node.data('name')}`);
    this.scene.hidden.add(id);
    node.unselect();
    this.redraw();
    this.showCounts(`hid ${node.data('name')}`);
  }

  undo() {
    const last = this.history.undo();
    this.syncUndo();
    if (!last) return;
    this.timeline.stop();
    this.selection = last.selection;
    this.expanded = new Set(last.expanded);
    this.path = null;
    this.pathFrom = null;
    document.body.classList.toggle('flow', last.selection.kind === 'flow');
    this.scene.restore(last.elements, last.hidden);
    this.scene.restyle();
    this.scene.retime();
    // the view as it was seen, not only the graph
    if (last.viewport) this.cy.viewport({ zoom: last.viewport.zoom, pan: last.viewport.pan });
    this.redraw();
    this.syncLink();
    this.showCounts(`undid ${last.label}`);
  }

  // --- paths -------------------------------------------------------------------------------

  /** The next node picked (clicked or searched) is the other end. @param {string} from */
  askPath(from) {
    this.pathFrom = from;
    this.cy.nodes('.path-end').removeClass('path-end');
    this.cy.getElementById(from).addClass('path-end');
    this.notice.show(`Shortest path from ${this.nameOf(from)}: click the other end, or search its name.`, [
      { label: 'Cancel', run: () => this.cancelPath() },
    ]);
    byId('search').focus();
  }

  cancelPath() {
    this.pathFrom = null;
    this.cy.nodes('.path-end').removeClass('path-end');
    this.notice.hide();
  }

  /**
   * Asks shortestPath and draws it over the scene (its nodes brought in if need be), with the
   * steps and their citations in the panel.
   * @param {string} from
   * @param {string} to
   */
  async showPath(from, to) {
    this.cancelPath();
    this.say(`Finding a path from ${this.nameOf(from)} to ${this.nameOf(to)}…`);
    const path = (await gql(QUERIES.path, { from, to })).shortestPath;
    if (!path) {
      this.notice.show(`No path within 10 steps between ${this.nameOf(from)} and ${this.nameOf(to)}.`);
      this.showCounts();
      return;
    }
    this.remember(`path to ${this.nameOf(to)}`);
    const anchor = this.cy.getElementById(from);
    this.scene.hidden = new Set(
      [...this.scene.hidden].filter((id) => !path.nodes.some((/** @type {{ id: string }} */ n) => n.id === id)),
    );
    this.addAround({ nodes: path.nodes, edges: path.edges }, anchor.nonempty() ? anchor : null);
    this.path = path;
    this.redraw();
    this.cy.fit(this.cy.nodes('.on-path'), 60);
    refreshLabels(this.cy);
    await this.describePath(path);
    this.showCounts(`path of ${path.length} ${path.length === 1 ? 'step' : 'steps'}`);
  }

  /** A deep link to a path: the path alone, laid out. @param {string} from @param {string} to */
  async showPathAlone(from, to) {
    const path = (await gql(QUERIES.path, { from, to })).shortestPath;
    if (!path) {
      this.notFound([from, to]);
      return;
    }
    this.selection = { kind: 'path', from, to };
    this.expanded = new Set();
    document.body.classList.remove('flow');
    this.scene.replace([]);
    this.scene.merge(path);
    this.scene.grouped = false;
    this.path = path;
    this.afterReplace();
    await this.describePath(path);
    this.showCounts(`path of ${path.length} ${path.length === 1 ? 'step' : 'steps'}`);
  }

  /** @param {{ nodes: import('./types').ApiNode[], edges: import('./types').ApiEdge[], length: number }} path */
  async describePath(path) {
    const details = new Map();
    await Promise.all(
      path.nodes
        .filter((n) => n.kind)
        .map(async (n) => {
          details.set(n.id, await gql(QUERIES.details, { id: n.id }));
        }),
    );
    this.panel.path(path, details);
  }

  /** Marks the path's nodes and edges and fades the rest. */
  drawPath() {
    const cy = this.cy;
    cy.elements('.on-path, .faded').removeClass('on-path faded');
    const path = this.path;
    if (!path) return;
    const ids = new Set([...path.nodes.map((n) => n.id), ...path.edges.map((e) => `e:${e.id}`)]);
    const on = cy.elements().filter((e) => ids.has(e.id()));
    on.addClass('on-path');
    cy.elements().difference(on).addClass('faded');
  }

  clearPath() {
    this.path = null;
    this.redraw();
    this.panel.clear();
  }

  // --- timeline ----------------------------------------------------------------------------

  /** @param {number} index into scene.months; months.length is "all dates" */
  setMonth(index) {
    const months = this.scene.months;
    this.scene.asOf = index >= 0 && index < months.length ? /** @type {string} */ (months[index]) : null;
    this.scene.previous = this.scene.asOf && index > 0 ? /** @type {string} */ (months[index - 1]) : null;
    this.redraw();
    this.showCounts();
  }

  syncTimeline() {
    const { months, asOf } = this.scene;
    const index = asOf ? months.indexOf(asOf) : months.length;
    this.timeline.set(months, this.scene.bars || [], index);
    if (!asOf) {
      this.timeline.say(
        months.length
          ? `all dates (${months[0]} to ${months[months.length - 1]}); a year-only date counts as a span of its months`
          : 'no dated events shown',
      );
      return;
    }
    const events = this.cy.nodes('[?kind]:visible');
    const maybe = events.filter('.maybe').length;
    const fresh = this.cy.nodes('.fresh:visible').length;
    this.timeline.say(
      `as of ${asOf} · ${events.length} events${maybe ? ` (${maybe} dated only to the year: dashed, maybe not yet)` : ''} · ${fresh} new this month (ringed)`,
    );
  }

  // --- look --------------------------------------------------------------------------------

  /** What the colours mean: node types, or the communities shown with their largest member. */
  buildLegend() {
    const legend = byId('legend');
    legend.replaceChildren();
    /** @param {string} color @param {string} text */
    const entry = (color, text) => {
      const li = el('li');
      const swatch = el('span', null, 'swatch');
      swatch.style.background = color;
      li.append(swatch, text);
      legend.append(li);
    };
    if (this.scene.look.colorBy !== 'community' || this.selection.kind === 'flow') {
      for (const [label, color] of Object.entries(this.config.colors)) entry(color, label);
      return;
    }
    /** @type {Map<number, NodeSingular>} */
    const best = new Map();
    this.scene.dataNodes().forEach((n) => {
      const c = n.data('community');
      if (c === undefined || c === null) return;
      const top = best.get(c);
      if (!top || n.data('pagerank') > top.data('pagerank')) best.set(c, n);
    });
    [...best.keys()]
      .sort((a, b) => a - b)
      .forEach((c) =>
        entry(
          this.scene.communityColor(c),
          `community ${c} · ${/** @type {NodeSingular} */ (best.get(c)).data('short')}`,
        ),
      );
  }

  /** @param {string} name */
  relayout(name) {
    this.remember(`layout ${this.layoutName}`);
    this.layoutName = name;
    const grouped = this.scene.grouped;
    this.scene.grouped = false;
    this.scene.refresh();
    layoutAll(this.cy, name);
    this.scene.grouped = grouped;
    this.redraw();
    this.fit();
  }

  // --- context menu ------------------------------------------------------------------------

  /** @param {string} id @param {{ x: number, y: number }} at */
  openMenu(id, at) {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    if (!node.selected()) this.select(node);
    const name = node.data('name');
    const run = (/** @type {() => Promise<unknown>} */ work) => () => void work().catch((e) => this.fail(e, work));
    if (node.hasClass('group')) {
      this.menu.open(name, [{ label: 'Open the group', run: () => this.openGroup(node) }], at);
      return;
    }
    this.menu.open(
      name,
      [
        {
          label: this.expanded.has(id) ? 'Neighbours are in' : 'Expand: bring in the neighbours',
          disabled: this.expanded.has(id) || this.selection.kind === 'flow',
          run: run(() => this.expand(node)),
        },
        { label: 'Hide', run: () => this.hide(id) },
        { label: 'Shortest path to…', disabled: this.selection.kind === 'flow', run: () => this.askPath(id) },
        ...(this.path ? [{ label: 'Clear the path', run: () => this.clearPath() }] : []),
        { label: 'Centre on it', run: () => this.bringIntoView(node, true) },
        { label: 'Open in the GraphQL IDE', run: () => window.open(ideLink({ kind: 'seeds', seeds: [id] }), '_blank') },
      ],
      at,
    );
  }

  /** @param {NodeSingular} group */
  openGroup(group) {
    this.remember(`open ${group.data('name')}`);
    this.scene.openGroups.add(group.data('community'));
    this.redraw();
    this.showCounts(`opened community ${group.data('community')}`);
  }

  // --- exports -----------------------------------------------------------------------------

  describeView() {
    const parts = [describe(this.selection, (id) => this.nameOf(id))];
    if (this.scene.asOf) parts.push(`as of ${this.scene.asOf}`);
    if (this.scene.hiddenKinds.size) parts.push(`without ${[...this.scene.hiddenKinds].join(', ')}`);
    if (this.scene.dates.from || this.scene.dates.to)
      parts.push(`dates ${this.scene.dates.from || '…'} to ${this.scene.dates.to || '…'}`);
    if (this.scene.hidden.size) parts.push(`${this.scene.hidden.size} hidden by hand`);
    return parts.join(' · ');
  }

  /** PNG and SVG without what is about the moment (selection, hover, a search pick). @template T @param {() => T} draw */
  withoutTransientMarks(draw) {
    const cy = this.cy;
    const selected = cy.$(':selected');
    /** @type {[string, import('cytoscape').CollectionReturnValue][]} */
    const marked = TRANSIENT_CLASSES.map((c) => [c, cy.elements(`.${c}`)]);
    selected.unselect();
    for (const [c, els] of marked) els.removeClass(c);
    // the labels those marks forced are dropped too (refreshLabels picks them for the view alone)
    refreshLabels(cy);
    try {
      return draw();
    } finally {
      for (const [c, els] of marked) els.addClass(c);
      selected.select();
      refreshLabels(cy);
    }
  }

  /** @param {'png' | 'svg' | 'graphml' | 'gexf' | 'json'} format */
  exportAs(format) {
    const cy = this.cy;
    if (format === 'png')
      return download(
        'graph.png',
        this.withoutTransientMarks(
          () =>
            /** @type {Blob} */ (
              /** @type {unknown} */ (cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }))
            ),
        ),
      );
    if (format === 'svg')
      return download(
        'graph.svg',
        new Blob([this.withoutTransientMarks(() => cy.svg({ full: true, bg: '#ffffff' }))], { type: 'image/svg+xml' }),
      );
    const view = viewOf(cy, this.describeView());
    if (format === 'graphml')
      return download('graph.graphml', new Blob([buildGraphml(view)], { type: 'application/graphml+xml' }));
    if (format === 'gexf')
      return download(
        'graph.gexf',
        new Blob([buildGexf(view, new Date().toISOString().slice(0, 10))], { type: 'application/gexf+xml' }),
      );
    return download('graph.json', new Blob([buildJson(view)], { type: 'application/json' }));
  }

  // --- events ------------------------------------------------------------------------------

  wire() {
    const cy = this.cy;
    cy.on('tap', 'node', (event) => {
      const node = event.target;
      this.menu.close(false);
      if (this.pathFrom && !node.hasClass('group')) {
        const from = this.pathFrom;
        void this.showPath(from, node.id()).catch((e) => this.fail(e, () => this.showPath(from, node.id())));
        return;
      }
      if (node.hasClass('group')) {
        this.openGroup(node);
        return;
      }
      this.select(node);
      this.expand(node).catch((error) => this.fail(error, () => this.expand(node)));
    });
    cy.on('cxttap taphold', 'node', (event) => {
      const p = event.renderedPosition || event.target.renderedPosition();
      this.openMenu(event.target.id(), { x: p.x + 4, y: p.y + 4 });
    });
    cy.on('tap', 'edge', (event) => {
      const edge = event.target;
      cy.$(':selected').unselect();
      edge.select();
      this.panel.edge(edge.data(), edge.source().data('name'), edge.target().data('name'));
    });
    cy.on('tap', (event) => {
      if (event.target === cy) this.menu.close(false);
    });
    cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
    cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));
    cy.on('mouseover', 'node', (event) => {
      event.target.addClass('hovered');
      event.target.connectedEdges().addClass('hover');
    });
    cy.on('mouseout', 'node', (event) => {
      event.target.removeClass('hovered');
      event.target.connectedEdges().removeClass('hover');
    });

    /** @param {string} id @param {() => unknown} run */
    const click = (id, run) => byId(id).addEventListener('click', run);
    const guarded = (/** @type {() => Promise<unknown>} */ work) => () => void work().catch((e) => this.fail(e, work));
    click(
      'whole-graph',
      guarded(() =>
        this.show({ kind: 'whole' }, { remember: `leave the ${describe(this.selection, (x) => this.nameOf(x))}` }),
      ),
    );
    click(
      'talent-flow',
      guarded(() =>
        this.show({ kind: 'flow' }, { remember: `leave the ${describe(this.selection, (x) => this.nameOf(x))}` }),
      ),
    );
    click(
      'reset',
      guarded(() => this.show({ kind: 'seeds', seeds: [this.config.start] }, { remember: 'reset' })),
    );
    click('undo', () => this.undo());
    click('follow', () => this.toggleFollow());
    click('zoom-in', () => this.zoomBy(1.4));
    click('zoom-out', () => this.zoomBy(1 / 1.4));
    click('zoom-fit', () => this.fit());
    for (const format of /** @type {const} */ (['png', 'svg', 'graphml', 'gexf', 'json']))
      click(`export-${format}`, () => this.exportAs(format));
    byId('size-by').addEventListener('change', (event) => {
      this.scene.look.sizeBy = /** @type {HTMLSelectElement} */ (event.target).value;
      this.scene.restyle();
      this.redraw();
    });
    byId('color-by').addEventListener('change', (event) => {
      this.scene.look.colorBy = /** @type {HTMLSelectElement} */ (event.target).value;
      this.scene.restyle();
      this.redraw();
    });
    byId('layout').addEventListener('change', (event) =>
      this.relayout(/** @type {HTMLSelectElement} */ (event.target).value),
    );
    byId('group-communities').addEventListener('change', (event) => {
      this.remember(this.scene.grouped ? 'ungroup' : 'group');
      this.scene.grouped = /** @type {HTMLInputElement} */ (event.target).checked;
      this.scene.openGroups.clear();
      this.redraw();
      this.showCounts();
    });
    for (const [button, drawer] of [
      ['toggle-filters', 'filters'],
      ['toggle-panel', 'panel'],
    ]) {
      const toggle = byId(/** @type {string} */ (button));
      const panel = byId(/** @type {string} */ (drawer));
      const close = el('button', 'Close', 'drawer-close');
      close.type = 'button';
      close.addEventListener('click', () => setDrawer(toggle, panel, false));
      panel.prepend(close);
      toggle.addEventListener('click', () => setDrawer(toggle, panel, !panel.classList.contains('open')));
      panel.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') setDrawer(toggle, panel, false);
      });
    }
    document.addEventListener('keydown', (event) => {
      const target = /** @type {HTMLElement} */ (event.target);
      if ((event.ctrlKey || event.metaKey) && event.key === 'z' && !/^(INPUT|TEXTAREA)$/.test(target.tagName)) {
        event.preventDefault();
        this.undo();
      }
      if (event.key === 'Escape' && this.pathFrom) this.cancelPath();
    });
    this.buildFilters();
  }

  /** @param {number} factor */
  zoomBy(factor) {
    const cy = this.cy;
    cy.zoom({
      level: Math.max(cy.minZoom(), Math.min(cy.maxZoom(), cy.zoom() * factor)),
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  }

  buildFilters() {
    const kinds = byId('kinds');
    for (const k of this.config.eventKinds) {
      const label = el('label');
      const box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = k.kind;
      box.addEventListener('change', () => {
        if (box.checked) this.scene.hiddenKinds.delete(k.kind);
        else this.scene.hiddenKinds.add(k.kind);
        this.scene.retime();
        this.redraw();
        this.showCounts();
      });
      const swatch = el('span', null, 'swatch');
      swatch.style.background = this.scene.colorOf(k.label);
      label.append(box, ' ', swatch, ' ', k.label);
      kinds.append(label);
    }
    for (const id of ['from', 'to']) {
      const input = byId(id);
      input.addEventListener('input', () => this.readDates(false));
      input.addEventListener('change', () => this.readDates(true));
    }
  }

  /** Applies the date range once both fields hold a partial date (or nothing); `report` says what is wrong. @param {boolean} report */
  readDates(report) {
    const from = /** @type {HTMLInputElement} */ (byId('from')).value.trim();
    const to = /** @type {HTMLInputElement} */ (byId('to')).value.trim();
    const error = byId('filter-error');
    const bad = (from && !PARTIAL_DATE.test(from) && 'From') || (to && !PARTIAL_DATE.test(to) && 'To');
    if (report || !bad) error.hidden = !bad;
    if (bad) {
      error.textContent = `${bad}: use 2024, 2024-10 or 2024-12-05`;
      return;
    }
    this.scene.dates = { from: from || null, to: to || null };
    this.scene.retime();
    this.redraw();
    this.showCounts();
  }
}

/** @param {HTMLElement} toggle @param {HTMLElement} panel @param {boolean} open */
function setDrawer(toggle, panel, open) {
  panel.classList.toggle('open', open);
  toggle.setAttribute('aria-expanded', String(open));
  if (open) /** @type {HTMLElement | null} */ (panel.querySelector('button, select, input, a'))?.focus();
  else toggle.focus();
}

/**
 * The GraphQL IDE with a query of this view in a new tab (web/ide/ide.js reads #query=…).
 * @param {Selection} selection
 */
export function ideLink(selection) {
  const fields =
    'nodes { nodeId label name kind date degree pagerank community } edges { source target type role quote }';
  let query;
  if (selection.kind === 'seeds' && selection.seeds.length === 1)
    query = `{\n  neighborhood(id: ${JSON.stringify(selection.seeds[0])}) {\n    ${fields}\n  }\n}`;
  else if (selection.kind === 'seeds')
    query = `{\n  graph(seeds: ${JSON.stringify(selection.seeds)}, depth: 1) {\n    totalNodes truncated ${fields}\n  }\n}`;
  else if (selection.kind === 'path')
    query = `{\n  shortestPath(from: ${JSON.stringify(selection.from)}, to: ${JSON.stringify(selection.to)}) {\n    length ${fields}\n  }\n}`;
  else if (selection.kind === 'flow')
    query = '{\n  talentFlow {\n    links { from { id name } to { id name } count movers { name } }\n  }\n}';
  else query = `{\n  graph(limit: 2000) {\n    totalNodes truncated ${fields}\n  }\n}`;
  return `/graphql#query=${encodeURIComponent(query)}`;
}

/** Loads the config, then the view the address asks for; a failure at load offers Retry. */
async function start() {
  const status = byId('status');
  let config;
  try {
    const response = await fetch('/explore/config.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    config = await response.json();
  } catch (error) {
    status.textContent = 'The explorer could not load its settings from the server.';
    new Notice(byId('notice')).show(
      `The explorer could not load its settings (${error instanceof Error ? error.message : error}). Is the server up?`,
      [{ label: 'Retry', run: () => window.location.reload() }],
    );
    return;
  }
  const explorer = new Explorer(config);
  const first = selectionFromLink(window.location.search, config.start);
  const load = () => explorer.show(first);
  try {
    await load();
  } catch (error) {
    explorer.fail(error, load);
  }
  document.body.dataset.ready = 'true';
}

void start();
