import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { DEFAULT_SCALE_DIR, scaleMemory } from '../src/generate/options';
import { logger } from '../src/logger';
import { connectDriver } from '../src/neo4j/connection';
import { startLocalNeo4j } from '../src/neo4j/localNeo4j';
import { toDriverValue } from '../src/neo4j/toNative';
import { entityQueries } from '../src/store/entities.store';
import { loadAverage, machine } from './timing';

/**
 * npm run bench:plans -- [--data-dir D] [--nodes N]
 *
 * What a cold `entities` page costs in planning (issue 20: "the cold first call is not 3 s"). Neo4j
 * caches a plan per query text *and parameter types*, so the entity page block is planned anew for
 * every combination of null and non-null filters it is sent with. On a freshly started Neo4j over a
 * generated store (npm run generate), this EXPLAINs the block once per combination, then again,
 * and prints both times: the first is planning, the second the cache.
 */
const BASE = {
  order: 'DEGREE',
  ascending: false,
  lo: '',
  hi: '\uffff',
  nameFrom: '',
  nameTo: '\uffff',
  label: 'Organization',
  category: null,
  prefix: null,
  prefixNames: true,
  sets: true,
  byEvents: true,
  kinds: ['ACQUISITION'],
  lower: '2024',
  upper: '2024-12\uffff',
  cap: 5000,
  scan: 2000,
  first: 20,
  countOnly: false,
};

const COMBINATIONS: [string, Record<string, unknown>][] = [
  ['label, kinds', {}],
  ['label, kinds, category', { category: 'AI_STARTUP' }],
  ['label, prefix', { prefix: '陳', kinds: null }],
  ['label only', { kinds: null }],
  ['no label', { label: null, kinds: null }],
];

async function explainMs(driver: Driver, params: Record<string, unknown>): Promise<number> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
  try {
    const started = performance.now();
    await session.run(`EXPLAIN ${entityQueries.entityPage.cypher}`, toDriverValue(params) as Record<string, unknown>);
    return performance.now() - started;
  } finally {
    await session.close();
  }
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
  try {
    console.log(`machine: ${machine()}`);
    console.log(
      `entities.cypher#entityPage on a fresh Neo4j over ${values['data-dir']}: EXPLAIN per parameter-type combination`,
    );
    for (const [name, change] of COMBINATIONS) {
      const params = { ...BASE, ...change };
      const first = await explainMs(driver, params);
      const again = await explainMs(driver, params);
      console.log(
        `${name.padEnd(28)} first ${first.toFixed(0).padStart(6)} ms   again ${again.toFixed(0).padStart(5)} ms`,
      );
    }
    console.log(`load average after: ${loadAverage()}`);
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
