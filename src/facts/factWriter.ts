import { loadCypherFile } from '../cypher/cypherFiles';
import { badUserInput } from '../graphql/common/errors';
import type { Params, Row } from '../neo4j/executor';
import type { NamedQuery } from '../cypher/cypherFiles';
import { FactError, toFactRows, type FactSet } from './facts';

const queries = loadCypherFile('queries/facts.cypher', ['checkFacts', 'upsertSources', 'upsertEntities', 'upsertRelationships', 'upsertEvents']);

/** Runs one statement inside the caller's write transaction (Executor.writeAll). */
export type Run = (query: NamedQuery, params?: Params) => Promise<Row[]>;

export interface FactProblems {
  missingEntities: string[];
  missingSources: string[];
  unquotable: string[];
  conflicts: string[];
  sameNames: { id: string; existing: string[] }[];
}

/**
 * Writes a set of facts inside the caller's transaction, after checking in one round trip that
 * every reference resolves and every quote is a verbatim span of its source's text. Any problem
 * throws before anything is written, and the transaction rolls back: all or nothing. MERGE on ids
 * makes writing the same facts again a no-op.
 */
export async function writeFacts(run: Run, facts: FactSet): Promise<void> {
  let rows: ReturnType<typeof toFactRows>;
  try {
    rows = toFactRows(facts);
  } catch (error) {
    if (error instanceof FactError) throw badUserInput('facts', error.message);
    throw error;
  }
  const citations = [
    ...rows.entities.map((e) => ({ sourceId: e.sourceId, quote: e.quote })),
    ...rows.relationships.map((r) => ({ sourceId: r.sourceId, quote: r.quote })),
    ...rows.events.flatMap((e) => e.quotes.map((quote) => ({ sourceId: e.sourceId, quote }))),
  ];
  const [problems] = (await run(queries.checkFacts, {
    entityIds: [...new Set([...rows.relationships.flatMap((r) => [r.from, r.to]), ...rows.events.flatMap((e) => e.participants.map((p) => p.id))])],
    newEntityIds: rows.entities.map((e) => e.id),
    citations,
    newSources: rows.sources.map((s) => ({ id: s.id, text: s.props.text ?? null })),
    kinds: [...rows.entities, ...rows.events].map((n) => ({ id: n.id, label: n.label })),
    entities: rows.entities.map((e) => ({ id: e.id, label: e.label, keys: e.props.keys, allowSameName: e.allowSameName })),
  })) as unknown as FactProblems[];
  reportProblems(problems!);

  await run(queries.upsertSources, { rows: rows.sources });
  await run(queries.upsertEntities, { rows: rows.entities });
  await run(queries.upsertRelationships, { rows: rows.relationships });
  await run(queries.upsertEvents, { rows: rows.events });
}

function reportProblems(problems: FactProblems): void {
  const { missingEntities, missingSources, unquotable, conflicts, sameNames } = problems;
  if (conflicts.length) {
    throw badUserInput('facts', `id already used by a node of another kind: ${conflicts.join(', ')}`);
  }
  const duplicates = sameNames.filter((d) => d.existing.length);
  if (duplicates.length) {
    const list = duplicates.map((d) => `${d.id} has the name of ${d.existing.join(', ')}`).join('; ');
    throw badUserInput('facts', `${list} (use the existing id, or allowSameName: true for a different entity of the same name)`);
  }
  if (missingEntities.length) throw badUserInput('facts', `unknown entity id: ${missingEntities.join(', ')}`);
  if (missingSources.length) throw badUserInput('facts', `unknown source id: ${[...new Set(missingSources)].join(', ')}`);
  if (unquotable.length) {
    throw badUserInput('facts', `not a verbatim span of its source: ${unquotable.map((q) => JSON.stringify(q)).join(', ')}`);
  }
}
