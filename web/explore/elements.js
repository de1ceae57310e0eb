// @ts-check
// API answers → Cytoscape element definitions, in a fixed order (by id) so that the same view
// gets the same layout every time. Pure (unit-tested).

/** @typedef {import('./types').ApiGraph} ApiGraph */
/** @typedef {import('./types').ElementDef} ElementDef */
/** @typedef {import('./types').NodeDef} NodeDef */
/** @typedef {import('./types').EdgeDef} EdgeDef */

/** The talent flow's stand-in for moves whose origin the sources do not state. */
export const FLOW_UNKNOWN = 'flow/unknown-origin';

/** @param {string} text */
export function shortName(text) {
  return text.length > 42 ? `${text.slice(0, 40)}…` : text;
}

/** @param {{ id: string }} a @param {{ id: string }} b */
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * @param {ApiGraph} graph
 * @returns {{ nodes: NodeDef[], edges: EdgeDef[] }}
 */
export function graphElements(graph) {
  const nodes = [...graph.nodes].sort(byId).map(
    (n) =>
      /** @type {NodeDef} */ ({
        group: 'nodes',
        data: {
          id: n.id,
          label: n.label,
          name: n.name,
          short: shortName(n.name),
          kind: n.kind || null,
          date: n.date || null,
          isEvent: n.kind ? 1 : 0,
          degree: n.degree,
          pagerank: n.pagerank,
          community: n.community === undefined ? null : n.community,
        },
      }),
  );
  const edges = [...graph.edges].sort(byId).map(
    (e) =>
      /** @type {EdgeDef} */ ({
        group: 'edges',
        data: {
          id: `e:${e.id}`,
          source: e.source,
          target: e.target,
          type: e.type,
          role: e.role || null,
          quote: e.quote || null,
          caption: e.role || e.type,
        },
      }),
  );
  return { nodes, edges };
}

/**
 * Organisations as nodes, moves as arrows as wide as their count; a node's degree is its moves.
 * @param {import('./types').TalentFlow} flow
 * @returns {{ nodes: NodeDef[], edges: EdgeDef[] }}
 */
export function flowElements(flow) {
  /** @type {Record<string, number>} */
  const moves = {};
  for (const link of flow.links) {
    const from = link.from ? link.from.id : FLOW_UNKNOWN;
    moves[from] = (moves[from] || 0) + link.count;
    moves[link.to.id] = (moves[link.to.id] || 0) + link.count;
  }
  const list = [...flow.nodes];
  if (moves[FLOW_UNKNOWN]) list.push({ id: FLOW_UNKNOWN, name: '來處不詳 · origin not stated' });
  const nodes = list.sort(byId).map(
    (n) =>
      /** @type {NodeDef} */ ({
        group: 'nodes',
        data: {
          id: n.id,
          name: n.name,
          short: shortName(n.name),
          label: n.id === FLOW_UNKNOWN ? null : 'Organization',
          kind: null,
          date: null,
          isEvent: 0,
          degree: moves[n.id] || 0,
          pagerank: 0,
          community: null,
        },
      }),
  );
  const edges = flow.links
    .map((link) => {
      const from = link.from ? link.from.id : FLOW_UNKNOWN;
      const movers = link.movers.map((m) => m.name).join('、');
      return /** @type {EdgeDef} */ ({
        group: 'edges',
        data: {
          id: `flow:${from}>${link.to.id}`,
          source: from,
          target: link.to.id,
          type: 'TALENT_FLOW',
          count: link.count,
          width: 1.5 + 2.5 * link.count,
          caption: `${link.count} · ${movers}`,
        },
      });
    })
    .sort((a, b) => byId(a.data, b.data));
  return { nodes, edges };
}
