import { BulkPlanner } from '../facts/bulkPlan';
import type { FactRows } from '../model/factRows';
import type { FactCitation } from '../model/records';
import type { GraphGenerator } from './graph';

/**
 * Fact records → plain nodes and relationships for the bulk loaders. Each set of facts goes through
 * the writer's bulk rules first (src/facts/bulkPlan.ts: toFactRows, the one translation of facts,
 * then the writer's checks), so the generator writes nothing the API's writer would refuse. The
 * stored properties are the rows' own; every property of every row
 * is passed on as it is, so properties toFactRows adds later reach the store without a change here.
 * What this file adds is only what cypher/queries/facts.cypher adds when it writes the rows: the
 * labels, `label`, and the ids, quotes and positions of INVOLVES, CITES and MENTIONED_IN.
 */
export interface NodeRecord {
  /** The file/table the node goes to: one per label combination, so columns stay alike. */
  table: string;
  labels: string[];
  props: Record<string, unknown>;
}

export interface RelRecord {
  type: string;
  from: { label: string; id: string };
  /** `key` for a :Name end, which the Bolt loader finds by its key. */
  to: { label: string; id: string; key?: string };
  props: Record<string, unknown>;
}

export interface Records {
  nodes: NodeRecord[];
  relationships: RelRecord[];
}

const KNOWN_ROWS = new Set(['sources', 'entities', 'relationships', 'events', 'corroborations', 'refused']);
const warned = new Set<string>();

/**
 * Records for a chunk of facts. `names` holds the name keys already given a :Name node by earlier
 * chunks: a key is one node however many entities bear it (writeEntities MERGEs it).
 */
/** The import id of a :Name node (its key is its identity; ids of other nodes never start with name:). */
export const nameNodeId = (key: string) => `name:${key}`;

/** The generator's fact sets as rows, each checked by the writer's bulk rules; throws at the first refusal. */
export function* checkedRows(generator: GraphGenerator): Generator<FactRows> {
  const planner = new BulkPlanner((id) => generator.entityLabel(id));
  for (const chunk of generator.chunks()) yield planner.plan(chunk).rows;
}

export function toRecords(rows: FactRows, names: Set<string> = new Set()): Records {
  for (const key of Object.keys(rows)) {
    if (!KNOWN_ROWS.has(key) && !warned.has(key)) {
      warned.add(key);
      process.emitWarning(`toFactRows returned "${key}" rows, which src/generate/records.ts does not load yet`);
    }
  }
  const nodes: NodeRecord[] = [];
  const relationships: RelRecord[] = [];
  const texts = new Map(rows.sources.map((s) => [s.id, typeof s.props.text === 'string' ? s.props.text : null]));
  // A citation edge's properties as addCitations (cypher/queries/facts.cypher) sets them; the offset
  // is known when the source's text is in the same chunk.
  const cite = (type: string, from: { label: string; id: string }, factId: string, citations: FactCitation[]) => {
    citations.forEach((c, position) => {
      const offset = texts.get(c.sourceId)?.indexOf(c.quote);
      relationships.push({
        type,
        from,
        to: { label: 'Source', id: c.sourceId },
        props: {
          quote: c.quote,
          factId,
          sourceId: c.sourceId,
          offset: offset === undefined || offset < 0 ? null : offset,
          position,
          citedBy: 'generator',
        },
      });
    });
    return { citationCount: citations.length, sourceCount: new Set(citations.map((c) => c.sourceId)).size };
  };
  for (const s of rows.sources) nodes.push({ table: 'Source', labels: ['Source'], props: { ...s.props, id: s.id } });
  for (const e of rows.entities) {
    const counts = cite('MENTIONED_IN', { label: 'Entity', id: e.id }, e.id, e.citations);
    nodes.push({
      table: e.label,
      labels: ['Entity', e.label],
      props: { ...e.props, ...counts, id: e.id, label: e.label },
    });
    for (const key of e.props.keys) {
      const id = nameNodeId(key);
      if (!names.has(key)) {
        names.add(key);
        nodes.push({ table: 'Name', labels: ['Name'], props: { id, key } });
      }
      relationships.push({
        type: 'NAMED',
        from: { label: 'Entity', id: e.id },
        to: { label: 'Name', id, key },
        props: {},
      });
    }
  }
  for (const r of rows.relationships) {
    const counts = cite('RELATIONSHIP_CITED_IN', { label: 'Entity', id: r.from }, r.id, r.citations);
    const primary = r.citations[0]!;
    relationships.push({
      type: r.type,
      from: { label: 'Entity', id: r.from },
      to: { label: 'Entity', id: r.to },
      props: { ...r.props, ...counts, id: r.id, sourceId: primary.sourceId, quote: primary.quote },
    });
  }
  for (const e of rows.events) {
    const counts = cite('CITES', { label: 'Event', id: e.id }, e.id, e.citations);
    nodes.push({
      table: e.label,
      labels: ['Event', e.label],
      props: { ...e.props, ...counts, id: e.id, label: e.label },
    });
    // A participant row's props are the INVOLVES properties, as writeEvents sets them.
    for (const p of e.participants) {
      relationships.push({
        type: 'INVOLVES',
        from: { label: 'Event', id: e.id },
        to: { label: 'Entity', id: p.entity },
        props: p.props,
      });
    }
  }
  return { nodes, relationships };
}
