import { InvalidInput } from '../errors';
import { toFactRows, type FactRows } from '../model/factRows';
import type { FactSet } from '../model/records';
import type { CheckRow } from '../store/facts.store';
import { checkParams, classify, type CheckParams, type Plan } from './factPlan';

/**
 * The writer's rules for a bulk load into an empty store (the generator's CSV files for
 * `neo4j-admin database import`, and its UNWIND batches over Bolt): each fact set goes through
 * toFactRows and classify, the same validation, registry rules (roles, endpoints), verbatim-quote
 * check and in-set duplicate handling as writeFacts (src/facts/factWriter.ts); only the check's
 * questions are answered here instead of by the store (cypher/queries/facts.cypher checkFacts),
 * from what the load holds:
 * - an entity a fact refers to must be one of the load's entities (`entityLabel`, known up front:
 *   a bulk loader writes every node before any relationship, so an event may name an entity whose
 *   own set comes later), with a label its role or endpoint allows;
 * - a quote must be a verbatim span of a source of the same set (a set brings the texts it cites:
 *   the planner does not keep the texts of earlier sets);
 * - nothing is stored yet, so every fact is new: an id given twice across sets is refused by the
 *   store's uniqueness constraints when it is loaded;
 * - an entity without `allowSameName` may not share a name key with another entity of its label
 *   in the load (checked against the sets planned so far, as the store's check would);
 * - similar events (same kind, participants and a compatible date) are not looked for: a generated
 *   graph's events are distinct by construction;
 * - no revisions are built: a bulk-loaded graph starts without history (history(id) is empty until
 *   the first write through writeFacts).
 * Any problem throws, naming the record, before a row of the set is returned.
 */
export class BulkPlanner {
  private readonly sourceIds = new Set<string>();
  /** `label\u0000key` → entity ids, for the entities that do not allow a same-named one. */
  private readonly names = new Map<string, string[]>();

  constructor(private readonly entityLabel: (id: string) => string | undefined) {}

  /** The rows to load for one set, checked as writeFacts would check them against the load so far. */
  plan(facts: FactSet): { rows: FactRows; plan: Plan } {
    const rows = toFactRows(facts);
    const params = checkParams(rows);
    const plan = classify(rows, this.check(rows, params), params, [], 'create', { history: false });
    const problem = plan.results.find((r) => r.error);
    if (problem?.error) throw problem.error;
    for (const s of rows.sources) this.sourceIds.add(s.id);
    for (const e of rows.entities)
      for (const key of e.allowSameName ? [] : e.props.keys) {
        const at = `${e.label}\u0000${key}`;
        this.names.set(at, [...(this.names.get(at) ?? []), e.id]);
      }
    return { rows, plan };
  }

  /** What cypher/queries/facts.cypher checkFacts answers, for a store that holds the sets planned so far. */
  private check(rows: FactRows, { query }: CheckParams): CheckRow {
    const inSet = new Map(rows.entities.map((e) => [e.id, e.label]));
    const created = new Set(query.newEntityIds);
    const labelOf = (id: string) => this.entityLabel(id) ?? inSet.get(id);
    const texts = new Map(query.newSources.map((s) => [s.id, s.text ?? '']));
    for (const c of query.citations)
      if (!texts.has(c.sourceId) && this.sourceIds.has(c.sourceId))
        throw new InvalidInput(
          'sources',
          `${c.sourceId} came in an earlier set: a bulk load checks quotes within their set, which must bring its sources`,
        );
    return {
      missingEntities: query.entityIds.filter((id) => !created.has(id) && !labelOf(id)),
      missingSources: query.citations.filter((c) => !texts.has(c.sourceId)).map((c) => c.sourceId),
      quoted: query.citations.map((c) => {
        const offset = texts.get(c.sourceId)?.indexOf(c.quote) ?? -1;
        return { key: c.key, offset: offset < 0 ? null : offset };
      }),
      entityLabels: query.entityIds.flatMap((id) => {
        const label = labelOf(id);
        return label ? [{ id, label }] : [];
      }),
      labelConflicts: query.nodes.filter((n) => (this.entityLabel(n.id) ?? n.label) !== n.label).map((n) => n.id),
      sources: [],
      entities: [],
      events: [],
      relationships: [],
      retracted: [],
      facts: query.facts.map((f) => ({ key: f.key, exists: false, citationCount: 0, citations: [] })),
      sameNames: query.names.map((e) => ({
        id: e.id,
        existing: [...new Set(e.keys.flatMap((key) => this.names.get(`${e.label}\u0000${key}`) ?? []))].filter(
          (id) => id !== e.id,
        ),
      })),
    };
  }
}
