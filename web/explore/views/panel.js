// @ts-check
// The side panel: a node's properties and citations, an edge's statement, a path step by step.
import { el } from '../dom.js';

/** @param {[string, unknown][]} pairs */
function properties(pairs) {
  const dl = el('dl');
  for (const [name, value] of pairs) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
    dl.append(el('dt', name), el('dd', Array.isArray(value) ? value.join(' · ') : String(value)));
  }
  return dl;
}

/**
 * @param {string} title
 * @param {{ quote: string, source: { title?: string | null, publisher?: string | null, date?: string | null } }[]} list
 */
function citations(title, list) {
  const section = el('section', null, 'citations');
  section.append(el('h2', title));
  if (!list.length) section.append(el('p', 'None recorded.', 'hint'));
  for (const c of list) {
    const quote = el('blockquote', c.quote);
    quote.append(el('cite', [c.source.title, c.source.publisher, c.source.date].filter(Boolean).join(' · ')));
    section.append(quote);
  }
  return section;
}

export class Panel {
  /**
   * @param {HTMLElement} root
   * @param {(id: string) => void} open a node named in the panel (brings it in and selects it)
   */
  constructor(root, open) {
    this.root = root;
    this.open = open;
    /** Which node the panel is about (null: nothing). */
    this.shows = /** @type {string | null} */ (null);
  }

  /** @param {{ id: string, name: string }} entity */
  nodeLink(entity) {
    const a = el('a', entity.name, 'node-link');
    a.href = `?id=${encodeURIComponent(entity.id)}`;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      this.open(entity.id);
    });
    return a;
  }

  /** @param {string} [text] */
  clear(text) {
    this.shows = null;
    this.root.replaceChildren(
      el(
        'p',
        text ||
          'Click a node to see its properties and citations, and to bring in its neighbours. Right-click (or long-press) for more.',
        'hint',
      ),
    );
  }

  /** @param {{ id: string, label: string | null, name: string }} data */
  loading(data) {
    this.shows = data.id;
    this.root.replaceChildren(
      el('h2', data.label || 'Node'),
      el('p', data.name),
      el('p', 'Loading the details…', 'hint'),
    );
  }

  /**
   * @param {{ id: string, label: string | null }} data
   * @param {any} details the answer of QUERIES.details
   */
  node(data, details) {
    if (this.shows !== data.id) return;
    const { entity, event } = details;
    this.root.replaceChildren(el('h2', data.label || 'Node'));
    if (entity) {
      this.root.append(
        el('h3', entity.name),
        properties([
          ['id', entity.id],
          ['names', entity.names],
          ['description', entity.description],
          ['categories', entity.categories],
          ['anonymous', entity.anonymous ? 'yes' : null],
        ]),
        citations('Citations', entity.mentions),
      );
    } else if (event) {
      const parties = el('ul');
      for (const p of event.participants) {
        const li = el('li', `${p.role}: `);
        li.append(this.nodeLink(p.entity));
        parties.append(li);
      }
      this.root.append(
        el('h3', event.summary),
        properties([
          ['id', event.id],
          ['kind', event.kind],
          ['date', event.date],
          ['date as written', event.dateNote],
        ]),
        el('h2', 'Participants'),
        parties,
        citations('Citations', event.sources),
      );
    } else {
      this.root.append(el('p', `${data.id}: not in the graph any more.`, 'error'));
    }
  }

  /** @param {string} id @param {string} message */
  failed(id, message) {
    if (this.shows !== id) return;
    this.root.replaceChildren(el('p', message, 'error'));
  }

  /** @param {import('../types').EdgeData} data @param {string} from @param {string} to */
  edge(data, from, to) {
    this.shows = data.id;
    this.root.replaceChildren(
      el('h2', data.type),
      properties([
        ['from', from],
        ['to', to],
        ['role', data.role],
        ['moves', data.count],
      ]),
    );
    if (data.quote)
      this.root.append(citations('Citation', [{ quote: data.quote, source: { title: 'as stated in the source' } }]));
  }

  /**
   * A path, step by step: each edge with its quote; events with their own citations below.
   * @param {{ length: number, nodes: import('../types').ApiNode[], edges: import('../types').ApiEdge[] }} path
   * @param {Map<string, any>} details node id → answer of QUERIES.details for the path's nodes
   */
  path(path, details) {
    const first = /** @type {import('../types').ApiNode} */ (path.nodes[0]);
    const last = /** @type {import('../types').ApiNode} */ (path.nodes[path.nodes.length - 1]);
    this.shows = `path:${first.id}>${last.id}`;
    this.root.replaceChildren(el('h2', `Shortest path · ${path.length} ${path.length === 1 ? 'step' : 'steps'}`));
    const list = el('ol', null, 'path');
    path.nodes.forEach((n, i) => {
      const li = el('li');
      li.append(this.nodeLink(n), el('span', ` · ${n.label}${n.date ? ` · ${n.date}` : ''}`, 'hint'));
      const found = details.get(n.id);
      const quotes = found ? (found.entity ? [] : found.event ? found.event.sources : []) : [];
      for (const c of quotes) {
        const q = el('blockquote', c.quote);
        q.append(el('cite', [c.source.title, c.source.publisher, c.source.date].filter(Boolean).join(' · ')));
        li.append(q);
      }
      const next = path.nodes[i + 1];
      const edge =
        next &&
        path.edges.find(
          (e) => (e.source === n.id && e.target === next.id) || (e.source === next.id && e.target === n.id),
        );
      if (edge) {
        const step = el('p', `↓ ${edge.type}${edge.role ? ` (${edge.role})` : ''}`, 'hint');
        li.append(step);
        if (edge.quote) {
          const q = el('blockquote', edge.quote);
          q.append(el('cite', 'as stated in the source'));
          li.append(q);
        }
      }
      list.append(li);
    });
    this.root.append(list);
  }
}
