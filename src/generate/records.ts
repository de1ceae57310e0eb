import { toFactRows, type FactSet } from '../facts/facts';

/**
 * Fact records → plain nodes and relationships for the bulk loaders. The stored properties come
 * from toFactRows (src/facts/facts.ts), the one translation of facts; every property of every row
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
  to: { label: string; id: string };
  props: Record<string, unknown>;
}

export interface Records {
  nodes: NodeRecord[];
  relationships: RelRecord[];
}

type Rows = ReturnType<typeof toFactRows>;
const KNOWN_ROWS = new Set(['sources', 'entities', 'relationships', 'events']);
const warned = new Set<string>();

/** Objects nested in a participant row (e.g. `props`) are spread, scalars kept. */
function participantProps(participant: Record<string, unknown>): Record<string, unknown> {
  const { id: _entity, props, ...rest } = participant;
  return { ...rest, ...(props && typeof props === 'object' ? (props as Record<string, unknown>) : {}) };
}

export function toRecords(facts: FactSet): Records {
  const rows: Rows = toFactRows(facts);
  for (const key of Object.keys(rows)) {
    if (!KNOWN_ROWS.has(key) && !warned.has(key)) {
      warned.add(key);
      process.emitWarning(`toFactRows returned "${key}" rows, which src/generate/records.ts does not load yet`);
    }
  }
  const nodes: NodeRecord[] = [];
  const relationships: RelRecord[] = [];
  for (const s of rows.sources) nodes.push({ table: 'Source', labels: ['Source'], props: { ...s.props, id: s.id } });
  for (const e of rows.entities) {
    nodes.push({ table: e.label, labels: ['Entity', e.label], props: { ...e.props, id: e.id, label: e.label } });
    relationships.push({ type: 'MENTIONED_IN', from: { label: 'Entity', id: e.id }, to: { label: 'Source', id: e.sourceId }, props: { quote: e.quote } });
  }
  for (const r of rows.relationships) {
    relationships.push({
      type: r.type,
      from: { label: 'Entity', id: r.from },
      to: { label: 'Entity', id: r.to },
      props: { ...r.props, id: r.id, sourceId: r.sourceId, quote: r.quote },
    });
  }
  for (const e of rows.events) {
    nodes.push({ table: e.label, labels: ['Event', e.label], props: { ...e.props, id: e.id, label: e.label } });
    e.participants.forEach((p, position) => {
      relationships.push({
        type: 'INVOLVES',
        from: { label: 'Event', id: e.id },
        to: { label: 'Entity', id: p.id },
        props: { ...participantProps(p as unknown as Record<string, unknown>), id: `${e.id}#${p.role}#${p.id}`, position },
      });
    });
    e.quotes.forEach((quote, position) => {
      relationships.push({ type: 'CITES', from: { label: 'Event', id: e.id }, to: { label: 'Source', id: e.sourceId }, props: { quote, position } });
    });
  }
  return { nodes, relationships };
}
