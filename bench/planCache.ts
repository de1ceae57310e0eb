import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import type { NamedQuery } from '../src/cypher/cypherFiles';
import { DEFAULT_SCALE_DIR, scaleMemory } from '../src/generate/options';
import { logger } from '../src/logger';
import { EntityLabel, EventKind, OrganizationCategory } from '../src/model/vocabulary';
import { connectDriver } from '../src/neo4j/connection';
import { startLocalNeo4j } from '../src/neo4j/localNeo4j';
import { toDriverValue } from '../src/neo4j/toNative';
import {
  entityCountRead,
  entityPageRead,
  entityQueries,
  type EntityFilter,
  type EntityPageRequest,
} from '../src/store/entities.store';
import { eventCountParams, eventPageParams, eventQueries, type EventFilter } from '../src/store/events.store';
import { loadAverage, machine } from './timing';

/**
 * npm run bench:plans -- [--data-dir D] [--nodes N]
 *
 * What a cold `entities` or `events` page costs in planning (issue 20: "the cold first call is not
 * 3 s"). Neo4j caches a plan per query text *and parameter types*, and in 5.26 the type of a string
 * or a list includes its size bucket (0, 1, up to 10, up to 100…; internal.cypher.use_parameter_size),
 * so a block is planned anew for each combination of null and non-null values, empty and non-empty
 * lists, short and long strings it is sent with. On a freshly started Neo4j over a generated store
 * (npm run generate), this EXPLAINs each block with the parameters the stores send for a set of
 * requests (entityPageRead, eventPageParams…), each once and then again, and prints both times (the
 * first is planning unless an earlier request's types were the same, the second the cache), then
 * how many plans the block left in Neo4j's query cache (`CALL db.clearQueryCaches()` says how many
 * entries it cleared; it is cleared before each block).
 */

const page = (first = 20, after: string | null = null): EntityPageRequest => ({
  first,
  backward: false,
  after,
  before: null,
});
const filter = (change: Partial<EntityFilter>): EntityFilter => ({
  order: 'NAME',
  label: null,
  category: null,
  prefix: null,
  eventKinds: null,
  eventsFrom: null,
  eventsTo: null,
  ...change,
});

/** The `entities` requests, as the resolver turns arguments into a filter and a page (a cursor is a sort key). */
const ENTITY_REQUESTS: [string, EntityFilter, EntityPageRequest][] = [
  ['entities(first: 20)', filter({}), page()],
  ['— its next page (after a cursor)', filter({}), page(20, 'chen wei org/lanshu-technology-n5c')],
  ['type: Organization, orderBy: DEGREE', filter({ order: 'DEGREE', label: EntityLabel.Organization }), page()],
  [
    '— and category: AI_STARTUP',
    filter({ order: 'DEGREE', label: EntityLabel.Organization, category: OrganizationCategory.AI_STARTUP }),
    page(),
  ],
  ['namePrefix: "陳"', filter({ prefix: '陈' }), page()],
  ['namePrefix: "Chen", orderBy: DEGREE', filter({ order: 'DEGREE', prefix: 'chen' }), page()],
  [
    'hasEventOf: [ACQUISITION], 2024',
    filter({ order: 'LATEST_EVENT', eventKinds: ['ACQUISITION'], eventsFrom: '2024', eventsTo: '2024' }),
    page(),
  ],
  [
    'hasEventOf: [ACQUISITION, FUNDING_ROUND]',
    filter({ order: 'LATEST_EVENT', eventKinds: ['ACQUISITION', 'FUNDING_ROUND'] }),
    page(),
  ],
  ['eventsFrom: "2020-01"', filter({ eventsFrom: '2020-01' }), page()],
];

const ENTITY_COUNTS: [string, EntityFilter][] = [
  [
    'count: type: Organization, category',
    filter({ label: EntityLabel.Organization, category: OrganizationCategory.AI_STARTUP }),
  ],
  ['count: namePrefix: "陳"', filter({ prefix: '陈' })],
  ['count: hasEventOf: [ACQUISITION]', filter({ eventKinds: ['ACQUISITION'] })],
];

const EVENT_REQUESTS: [string, EventFilter][] = [
  ['events(first: 20)', { first: 20 }],
  ['— its next page', { first: 20, after: '2024-05-13 event/acquisition/generated-42' }],
  ['kinds: [ACQUISITION]', { first: 20, kinds: [EventKind.ACQUISITION] }],
  ['kinds: [ACQUISITION, TALENT_MOVE]', { first: 20, kinds: [EventKind.ACQUISITION, EventKind.TALENT_MOVE] }],
  [
    'participant {role: to}, TALENT_MOVE',
    { first: 20, kinds: [EventKind.TALENT_MOVE], participants: [{ role: 'to', id: 'org/tengfengxing-group-0' }] },
  ],
  [
    'participant {id}, from "2023"',
    { first: 20, from: '2023', participants: [{ role: null, id: 'org/tengfengxing-group-0' }] },
  ],
  [
    'two participants',
    {
      first: 20,
      participants: [
        { role: 'acquirer', id: 'org/tengfengxing-group-0' },
        { role: null, id: 'org/lanshu-technology-n5c' },
      ],
    },
  ],
];

async function run(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<string> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
  try {
    const { records } = await session.run(cypher, toDriverValue(params) as Record<string, unknown>);
    return String(records[0]?.get(0) ?? '');
  } finally {
    await session.close();
  }
}

async function explainMs(driver: Driver, query: NamedQuery<never, unknown>, params: object): Promise<number> {
  const started = performance.now();
  await run(driver, `EXPLAIN ${query.cypher}`, params as Record<string, unknown>);
  return performance.now() - started;
}

/** How many plans the query cache holds (the answer of db.clearQueryCaches, which empties it). */
async function clearCache(driver: Driver): Promise<number> {
  const answer = await run(driver, 'CALL db.clearQueryCaches()', {});
  return Number(/of (\d+) quer/.exec(answer)?.[1] ?? 0);
}

async function block(driver: Driver, title: string, cases: [string, NamedQuery<never, unknown>, object][]) {
  await clearCache(driver);
  console.log(`\n${title}`);
  for (const [name, query, params] of cases) {
    const first = await explainMs(driver, query, params);
    const again = await explainMs(driver, query, params);
    console.log(
      `${name.padEnd(42)} first ${first.toFixed(0).padStart(6)} ms   again ${again.toFixed(0).padStart(5)} ms   (load ${loadAverage()})`,
    );
  }
  // Neo4j adds one entry to a query run more than ten times (its recompilation when hot), whatever its parameters.
  console.log(
    `plans in the query cache after these ${cases.length} (${cases.length * 2} EXPLAINs; a query run over 10 times has one more entry, its hot recompilation): ${await clearCache(driver)}`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: DEFAULT_SCALE_DIR },
      nodes: { type: 'string', default: '1000000' },
    },
  });
  logger.level = 'warn';
  const neo4j = await startLocalNeo4j({
    dataDir: values['data-dir'],
    port: 0,
    logger,
    ...scaleMemory(Number(values.nodes)),
  });
  const driver = await connectDriver(neo4j.uri, 'neo4j', 'neo4j', 'neo4j');
  const as = <P extends object>(query: NamedQuery<P, unknown>) => query as unknown as NamedQuery<never, unknown>;
  try {
    console.log(`machine: ${machine()}`);
    console.log(
      `a fresh Neo4j over ${values['data-dir']}: EXPLAIN with the parameters the stores send, first and again`,
    );
    await block(driver, 'entities.cypher#entityPage (pages, then counts)', [
      ...ENTITY_REQUESTS.map(([name, f, r]): [string, NamedQuery<never, unknown>, object] => [
        name,
        as(entityQueries.entityPage),
        entityPageRead(f, r),
      ]),
      ...ENTITY_COUNTS.map(([name, f]): [string, NamedQuery<never, unknown>, object] => [
        name,
        as(entityQueries.entityPage),
        entityCountRead(f),
      ]),
    ]);
    await block(
      driver,
      'events.cypher#eventPage',
      EVENT_REQUESTS.map(([name, f]) => [name, as(eventQueries.eventPage), eventPageParams(f)]),
    );
    await block(
      driver,
      'events.cypher#eventCount',
      EVENT_REQUESTS.filter(([name]) => !name.startsWith('—')).map(([name, f]) => [
        name,
        as(eventQueries.eventCount),
        eventCountParams(f),
      ]),
    );
    // Left as they are: blocks whose only list is the DataLoader's batch of ids (its size bucket: 1, up to 10, up to 100).
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `org/generated-${i}`);
    await block(
      driver,
      'entities.cypher#relationshipsOf (a batch of 1, 5 and 50 ids: not changed)',
      [1, 5, 50].map((n) => [
        `${n} ids`,
        as(entityQueries.relationshipsOf),
        { ids: ids(n), perEntity: 501, perFact: 100, withCitations: true },
      ]),
    );
    console.log(`\nload average after: ${loadAverage()}`);
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
