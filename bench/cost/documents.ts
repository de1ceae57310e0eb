import type { Manifest } from '../../src/generate/graph';
import { GRAPH_FIELDS } from './graphFields';

export interface Ids {
  /** An entity with many events (a hub). */
  hub: string;
  other: string;
  from: string;
  to: string;
  /** A name prefix that many names share. */
  prefix: string;
}

/** The article's graph: ByteDance is its hub. */
export const ARTICLE_IDS: Ids = {
  hub: 'org/bytedance',
  other: 'org/moonshot-ai',
  from: 'person/zhu-xiaohu',
  to: 'person/yang-zhilin',
  prefix: '月',
};

/** A generated graph's ids, from its manifest: its first hub, non-hubs and most common surname. */
export function generatedIds(m: Manifest): Ids {
  return {
    hub: m.hubs[0],
    other: m.nonHubs[0] ?? m.hubs[1],
    from: m.hubs[0],
    to: m.nonHubs[1] ?? m.hubs[2],
    prefix: m.surnames[0],
  };
}

const SUBGRAPH = '{ nodes { nodeId label name } edges { edgeId source target type } }';

/** One root field's selection per kind of work the cost model prices, over the given ids. */
export function calibrationFields({ hub, other, from, to, prefix }: Ids): { name: string; field: string }[] {
  const j = JSON.stringify;
  const fields: { name: string; field: string }[] = [];
  for (const depth of [1, 2, 3])
    for (const limit of [200, 500])
      fields.push({
        name: `neighborhood(hub, depth: ${depth}, limit: ${limit})`,
        field: `neighborhood(id: ${j(hub)}, depth: ${depth}, limit: ${limit}) ${SUBGRAPH}`,
      });
  fields.push({ name: 'neighborhood(other, depth: 2)', field: `neighborhood(id: ${j(other)}, depth: 2) ${SUBGRAPH}` });
  for (const limit of [500, 2000])
    fields.push({
      name: `graph(limit: ${limit}) with metrics`,
      field: `graph(limit: ${limit}) { totalNodes truncated ${GRAPH_FIELDS} }`,
    });
  fields.push({
    name: 'graph(seeds: [hub], limit: 2000) with metrics',
    field: `graph(seeds: [${j(hub)}], limit: 2000) { totalNodes truncated ${GRAPH_FIELDS} }`,
  });
  for (const first of [20, 100])
    fields.push({
      name: `entities(first: ${first})`,
      field: `entities(first: ${first}) { totalCount edges { node { id name } } }`,
    });
  fields.push({
    name: 'entities(orderBy: DEGREE, first: 100)',
    field: 'entities(orderBy: DEGREE, first: 100) { edges { node { id name } } }',
  });
  for (const limit of [10, 50])
    fields.push({
      name: `search(prefix, limit: ${limit})`,
      field: `search(text: ${j(prefix)}, limit: ${limit}) { id name names }`,
    });
  fields.push({
    name: 'shortestPath(from, to)',
    field: `shortestPath(from: ${j(from)}, to: ${j(to)}) { length nodes { nodeId label name } edges { edgeId source target type } }`,
  });
  fields.push({
    name: 'events(first: 100) with participants',
    field: 'events(first: 100) { edges { node { id kind date summary participants { role entity { id name } } } } }',
  });
  fields.push({
    name: 'timeline(hub, first: 100)',
    field: `timeline(entity: ${j(hub)}, first: 100) { edges { node { id kind date summary } } }`,
  });
  fields.push({ name: 'talentFlow', field: 'talentFlow { links { count from { id } to { id } } }' });
  fields.push({ name: 'centrality(limit: 100)', field: 'centrality(limit: 100) { events entity { id name } }' });
  fields.push({
    name: 'talentMoves(first: 100)',
    field: 'talentMoves(first: 100) { totalCount edges { node { mover { name } to { name } } } }',
  });
  fields.push({
    name: 'acquisitions(first: 100)',
    field: 'acquisitions(first: 100) { totalCount edges { node { id date } } }',
  });
  fields.push({
    name: 'eventStats',
    field:
      'eventStats { byKind { count } byPeriod { undated periods { period count } } movesByDestination(limit: 100) { moves } }',
  });
  return fields;
}

/** The calibration's documents: each field as `copies` aliases, so per-request overheads are shared. */
export function calibrationDocuments(ids: Ids, copies = 1): { name: string; query: string; copies: number }[] {
  return calibrationFields(ids).map(({ name, field }) => ({
    name,
    copies,
    query: `{ ${Array.from({ length: copies }, (_, i) => `a${i}: ${field}`).join(' ')} }`,
  }));
}
