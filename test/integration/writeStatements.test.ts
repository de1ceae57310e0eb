import pino from 'pino';
import { writeFacts } from '../../src/facts/factWriter';
import { createContext } from '../../src/graphql/context';
import { createApp, type App } from '../../src/http/app';
import { logger } from '../../src/logger';
import { EntityLabel } from '../../src/model/vocabulary';
import { Executor } from '../../src/neo4j/executor';
import { eventQueries } from '../../src/store/events.store';
import { openTestGraph, removeTagged } from '../support/graph';

/** A statement the executor sent: its block, its Cypher and its parameters (from its debug log line). */
interface Sent {
  query: string;
  cypher: string;
  params: Record<string, unknown>;
}

/** The parameter a statement UNWINDs at its top (`UNWIND $rows AS row`), if it does. */
function unwound(cypher: string): string | null {
  const code = cypher
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return /^\s*UNWIND\s+\$([A-Za-z_]\w*)\s+AS\b/i.exec(code)?.[1] ?? null;
}

/**
 * A write sends the statements it needs and no statement over an empty list: the executor's own
 * log of what it sent to the real Neo4j, for the addEvent mutation.
 */
describe('the statements a write sends', () => {
  let graph: Awaited<ReturnType<typeof openTestGraph>>;
  let app: App;
  const sent: Sent[] = [];
  let db: Executor;
  const suffix = Date.now().toString(36);
  const sourceId = `source/statements-${suffix}`;
  const text = 'Wang Fang left Beta Labs and joined Gamma AI in April 2025.';
  const person = `person/wang-fang-${suffix}`;
  const from = `org/beta-labs-${suffix}`;
  const to = `org/gamma-ai-${suffix}`;

  beforeAll(async () => {
    graph = await openTestGraph();
    app = await createApp({ db: graph.db, logger });
    const capture = pino({ level: 'debug' }, { write: (line: string) => void sent.push(JSON.parse(line) as Sent) });
    db = new Executor(graph.driver, 'neo4j', capture, 30_000);
    await graph.db.writeAll('setup', (run) =>
      writeFacts(
        run,
        {
          sources: [{ id: sourceId, title: 'statements', text }],
          entities: [
            { id: person, label: EntityLabel.Person, name: `Wang Fang ${suffix}`, quote: 'Wang Fang' },
            { id: from, label: EntityLabel.Organization, name: `Beta Labs ${suffix}`, quote: 'Beta Labs' },
            { id: to, label: EntityLabel.Organization, name: `Gamma AI ${suffix}`, quote: 'Gamma AI' },
          ],
          relationships: [],
          events: [],
        },
        { mode: 'create', by: { principal: 'test', role: 'admin' } },
      ),
    );
  });
  afterAll(async () => {
    await removeTagged(graph, suffix);
    await app.close();
    await graph.close();
  });

  it('addEvent: one statement per step with work to do, none with an empty UNWIND input', async () => {
    const context = createContext(db, { id: 'test:editor', role: 'editor', via: 'api-key' });
    const response = await app.apollo.executeOperation(
      {
        query: 'mutation($input: EventInput!) { addEvent(input: $input) { outcome event { id } } }',
        variables: {
          input: {
            id: `event/talent-move/wang-fang-${suffix}`,
            kind: 'TALENT_MOVE',
            date: '2025-04',
            summary: 'Wang Fang moved from Beta Labs to Gamma AI',
            participants: [
              { role: 'mover', entity: person },
              { role: 'from', entity: from },
              { role: 'to', entity: to },
            ],
            sourceId,
            quotes: ['joined Gamma AI in April 2025'],
          },
        },
      },
      { contextValue: context },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors).toBeUndefined();
    const statements = sent.filter((line) => line.query);
    const empty = statements.filter((s) => {
      const name = unwound(s.cypher);
      const input = name === null ? null : s.params[name];
      return Array.isArray(input) && input.length === 0;
    });
    expect(empty.map((s) => `${s.query} ($${unwound(s.cypher)} = [])`)).toEqual([]);
    // The read-back (eventsByIds) is the mutation's answer; appendChanges runs last, before the commit.
    expect(statements.map((s) => s.query)).toEqual([
      'lockFacts',
      'checkFacts',
      'similarEvents',
      'writeEvents',
      'addCitations',
      'recordRevisions',
      'refreshEntityStats',
      'lockTallies',
      'countEventTallies',
      'countMoveTallies',
      'eventsByIds',
      'appendChanges',
    ]);
  });

  it('a statement that unwinds an empty list is not sent, and answers no rows', async () => {
    const before = db.roundTrips;
    sent.length = 0;
    expect(eventQueries.eventsByIds.unwinds).toBe('ids');
    expect(await db.read(eventQueries.eventsByIds, { ids: [] })).toEqual([]);
    expect(await db.writeAll('empty', (run) => run(eventQueries.eventsByIds, { ids: [] }))).toEqual([]);
    expect({ trips: db.roundTrips - before, sent: sent.filter((line) => line.query).length }).toEqual({
      trips: 0,
      sent: 0,
    });
    // The same statement with input is sent.
    expect(await db.read(eventQueries.eventsByIds, { ids: [`event/talent-move/wang-fang-${suffix}`] })).toHaveLength(1);
    expect(db.roundTrips - before).toBe(1);
  });
});
