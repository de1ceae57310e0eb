import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Driver } from 'neo4j-driver';
import { migrate } from '../db/migrations';
import type { Logger } from '../logger';
import { connectDriver } from '../neo4j/connection';
import { Executor } from '../neo4j/executor';
import {
  ensureLauncherBuilt,
  findJavaHome,
  launcherClasspath,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../neo4j/localNeo4j';
import { repoPath } from '../paths';
import { ARRAY_DELIMITER, CsvWriter } from './csv';
import { GraphGenerator, REAL_SEED_SOURCE_ID, type Manifest } from './graph';
import { DerivedValues } from './derivedValues';
import { Progress } from './progress';
import { ensureDerived } from '../db/derived';
import { checkedRows, toRecords, type NodeRecord, type RelRecord } from './records';
import { eventKinds } from './kinds';
import { EntityLabel, RelationshipType } from '../model/vocabulary';
import { asError } from '../errors';

/**
 * Getting a generated graph into Neo4j fast: CSV files and `neo4j-admin database import full` (the
 * import tool ships in the launcher's Neo4j jars) for a fresh embedded store, or batched UNWIND
 * writes over Bolt into a configured server. Then the project's migrations, and a wait until
 * every index is online.
 */
export const MANIFEST_FILE = 'generator.json';
export const GENERATOR_STATE_ID = 'generator';

export interface StoredGraph {
  /** What generated the store: same fingerprint and plan, same graph. */
  fingerprint: string;
  manifest: Manifest;
  timings: {
    generateSeconds: number;
    importSeconds: number;
    records: number;
    recordsPerSecond: number;
    /** Indexes and constraints built on the imported store, until every index is online. */
    migrateSeconds: number;
    /** The derived-data check after it (nothing to recompute when the CSV carried it). */
    derivedSeconds?: number;
    /** Records over generate + import + migrations + derived data. */
    endToEndRecordsPerSecond?: number;
  };
}

export class GeneratorRefusal extends Error {
  override name = 'GeneratorRefusal';
}

/** A hash of the code that decides what is stored, so a stale generated store is rebuilt. */
export function generatorFingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    ...['graph.ts', 'names.ts', 'prng.ts', 'kinds.ts', 'records.ts', 'csv.ts', 'derivedValues.ts'].map((f) =>
      path.join('src', 'generate', f),
    ),
    // The fact records, their validation and derived properties live in src/model/ with the registry.
    ...readdirSync(repoPath('src', 'model')).map((f) => path.join('src', 'model', f)),
    // The tallies' keys and ids, which derivedValues.ts writes as the writer would.
    path.join('src', 'store', 'stats.store.ts'),
  ].sort();
  for (const file of files) hash.update(file).update(readFileSync(repoPath(file)));
  return hash.digest('hex');
}

function stateNode(generator: GraphGenerator, fingerprint: string): NodeRecord {
  const { seed, nodes } = generator.plan;
  return {
    table: 'GeneratorState',
    labels: ['GeneratorState'],
    props: { id: GENERATOR_STATE_ID, seed, nodes, fingerprint },
  };
}

/** Writes the whole graph as CSV files for the importer; returns its arguments and the record count. */
export async function writeCsv(generator: GraphGenerator, dir: string, fingerprint: string) {
  rmSync(dir, { recursive: true, force: true });
  const csv = new CsvWriter(dir);
  const progress = new Progress('generate', generator.plan.nodes, 'nodes');
  let records = 0;
  const names = new Set<string>();
  // Entities wait for the end: their degree and latest event come from every later chunk's events.
  const derived = new DerivedValues();
  const entities: NodeRecord[] = [];
  for (const rows of checkedRows(generator)) {
    const chunk = toRecords(rows, names);
    derived.add(chunk);
    for (const n of chunk.nodes) {
      if (n.labels[0] === 'Entity') entities.push(n);
      else csv.node(n);
    }
    for (const r of chunk.relationships) csv.relationship(r);
    await csv.drain();
    records += chunk.nodes.length + chunk.relationships.length;
    // The plan counts facts; :Name nodes are derived from them.
    progress.add(chunk.nodes.filter((n) => n.table !== 'Name').length);
  }
  for (const n of entities) csv.node(derived.withStats(n));
  const extra = [...derived.tallies(), DerivedValues.stateNode(), stateNode(generator, fingerprint)];
  for (const n of extra) csv.node(n);
  const files = await csv.close();
  const { seconds } = progress.finish();
  return { files, records: records + extra.length, seconds };
}

/** `neo4j-admin database import full` into <dataDir>/data/databases/neo4j, in a child JVM. */
export async function importCsv(
  dataDir: string,
  files: { nodes: string[]; relationships: string[] },
  heapMb: number,
  logger: Logger,
): Promise<void> {
  const javaHome = findJavaHome();
  const launcher = await ensureLauncherBuilt(javaHome, logger);
  const args = [
    `-Xmx${heapMb}m`,
    '-cp',
    launcherClasspath(launcher),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    'neo4j',
    ...files.nodes.map((f) => `--nodes=${f}`),
    ...files.relationships.map((f) => `--relationships=${f}`),
    `--array-delimiter=${ARRAY_DELIMITER}`,
    '--overwrite-destination=true',
    '--max-off-heap-memory=2G',
    '--bad-tolerance=0',
    // Its report of bad entries would otherwise land in the current directory.
    `--report-file=${path.join(dataDir, 'import.report')}`,
  ];
  const child = spawn(path.join(javaHome, 'bin', 'java'), args, {
    env: { ...process.env, NEO4J_HOME: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      logger.debug({ importer: line }, 'neo4j import');
      // The importer's own stage lines are the progress of this step.
      if (/^\(\d\/\d\) |COMPLETED in|IMPORT DONE/.test(line)) process.stderr.write(`import: ${line.trim()}\n`);
    });
  }
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`neo4j-admin import failed (exit ${code}):\n${tail.join('\n')}`);
}

/** Migrations (constraints, indexes) on the loaded graph, and every index online before use. */
export async function migrateLoaded(driver: Driver, database: string, logger: Logger): Promise<number> {
  const started = Date.now();
  const db = new Executor(driver, database, logger, 30 * 60_000);
  try {
    await migrate(db, logger);
  } catch (error) {
    // migrate() waits 120 s for indexes; a large graph may need longer, which the wait below allows.
    if (!/index|Index/.test(String((error as Error).message))) throw error;
  }
  await db.schema('CALL db.awaitIndexes(3600)');
  return (Date.now() - started) / 1000;
}

/** What the writer keeps and a bulk load does not write: every derived value (src/db/derived.ts). */
/** Recomputes the derived data of a loaded store (all of it with `force`); returns the steps it ran. */
export async function finishLoaded(
  driver: Driver,
  database: string,
  logger: Logger,
  { force = true }: { force?: boolean } = {},
): Promise<string[]> {
  return ensureDerived(new Executor(driver, database, logger, 30 * 60_000), logger, { force });
}

/** The store holds what was generated: as many nodes under each label and relationships of each type. */
export async function verifyLoaded(driver: Driver, database: string, manifest: Manifest): Promise<void> {
  const labels = eventKinds().map((k) => [k.kind, k.label] as const);
  const expected: Record<string, number> = { Source: manifest.counts.nodes.Source ?? 0, Entity: 0, Event: 0 };
  for (const label of Object.values(EntityLabel)) expected.Entity! += manifest.counts.nodes[label] ?? 0;
  for (const [kind] of labels) expected.Event! += manifest.counts.nodes[kind] ?? 0;
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    for (const [label, count] of Object.entries(expected)) {
      const result = await session.run(`MATCH (n:${name(label)}) RETURN count(n) AS n`);
      const found = Number(result.records[0]!.get('n'));
      if (found !== count)
        throw new Error(`the loaded graph has ${found} :${label} nodes, the generator made ${count}`);
    }
    for (const [type, count] of Object.entries(manifest.counts.relationships)) {
      const result = await session.run(`MATCH ()-[r:${name(type)}]->() RETURN count(r) AS n`);
      const found = Number(result.records[0]!.get('n'));
      if (found !== count)
        throw new Error(`the loaded graph has ${found} ${type} relationships, the generator made ${count}`);
    }
  } finally {
    await session.close();
  }
}

export function readStoredGraph(dataDir: string): StoredGraph | undefined {
  const file = path.join(dataDir, MANIFEST_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredGraph) : undefined;
}

export interface EmbeddedOptions {
  nodes: number;
  seed: number;
  dataDir: string;
  force?: boolean;
  heapMb: number;
  pageCacheMb: number;
  /** Start with any free port (0) or a fixed one. */
  port?: number;
  logger: Logger;
}

/**
 * A running embedded Neo4j holding the generated graph of this size and seed: reused when the data
 * folder already holds it (same generator fingerprint), else generated, imported and migrated.
 * Refuses a data folder with a database that the generator did not write, unless `force`.
 */
export async function ensureEmbeddedGraph(
  options: EmbeddedOptions,
): Promise<{ neo4j: LocalNeo4j; stored: StoredGraph; reused: boolean }> {
  const { dataDir, logger } = options;
  const fingerprint = generatorFingerprint();
  const stored = readStoredGraph(dataDir);
  const databaseDir = path.join(dataDir, 'data', 'databases', 'neo4j');
  const start = () =>
    startLocalNeo4j({
      dataDir,
      port: options.port ?? 0,
      heapMb: options.heapMb,
      pageCacheMb: options.pageCacheMb,
      logger,
    });
  if (
    stored &&
    existsSync(databaseDir) &&
    stored.fingerprint === fingerprint &&
    stored.manifest.plan.nodes === options.nodes &&
    stored.manifest.plan.seed === options.seed
  ) {
    return { neo4j: await start(), stored, reused: true };
  }
  if (existsSync(databaseDir) && !stored && !options.force) {
    throw new GeneratorRefusal(`${dataDir} holds a database the generator did not write; pass --force to replace it`);
  }
  rmSync(dataDir, { recursive: true, force: true });

  const generator = new GraphGenerator(options.nodes, options.seed);
  const {
    files,
    records,
    seconds: generateSeconds,
  } = await writeCsv(generator, path.join(dataDir, 'import'), fingerprint);
  const importStarted = Date.now();
  await importCsv(dataDir, files, Math.min(options.heapMb, 4096), logger);
  const importSeconds = (Date.now() - importStarted) / 1000;
  rmSync(path.join(dataDir, 'import'), { recursive: true, force: true });

  const neo4j = await start();
  const driver = await connectDriver(neo4j.uri, 'neo4j', 'neo4j', 'neo4j');
  try {
    const migrateSeconds = await migrateLoaded(driver, 'neo4j', logger);
    // The CSV holds the derived data (src/generate/derivedValues.ts) and the versions it was
    // computed with, so this finds nothing to recompute; it is the start-up's own check.
    const derivedStarted = Date.now();
    const recomputed = await finishLoaded(driver, 'neo4j', logger, { force: false });
    if (recomputed.length) throw new Error(`the generated CSV lacked derived data: ${recomputed.join(', ')}`);
    const derivedSeconds = (Date.now() - derivedStarted) / 1000;
    const manifest = generator.manifest();
    await verifyLoaded(driver, 'neo4j', manifest);
    const result: StoredGraph = {
      fingerprint,
      manifest,
      timings: {
        generateSeconds,
        importSeconds,
        records,
        recordsPerSecond: Math.round(records / (generateSeconds + importSeconds)),
        migrateSeconds,
        derivedSeconds,
        endToEndRecordsPerSecond: Math.round(
          records / (generateSeconds + importSeconds + migrateSeconds + derivedSeconds),
        ),
      },
    };
    writeFileSync(path.join(dataDir, MANIFEST_FILE), `${JSON.stringify(result, null, 2)}\n`);
    return { neo4j, stored: result, reused: false };
  } catch (error) {
    await neo4j.stop();
    throw error;
  } finally {
    await driver.close();
  }
}

// ---- Bolt: a configured server (NEO4J_URI) ----------------------------------------------------

const BATCH = 5000;
const PARALLEL = 2;

/**
 * Labels and types are spliced into the Cypher text (dynamic `$(...)` labels are not planned as
 * index seeks), so only names of the fixed vocabulary pass.
 */
const VOCABULARY = new Set<string>([
  'Entity',
  'Event',
  'Source',
  'GeneratorState',
  'Name',
  'NAMED',
  'INVOLVES',
  'CITES',
  'MENTIONED_IN',
  'RELATIONSHIP_CITED_IN',
  ...Object.values(EntityLabel),
  ...Object.values(RelationshipType),
  ...eventKinds().map((k) => k.label),
]);
function name(text: string): string {
  if (!VOCABULARY.has(text)) throw new Error(`not in the graph's vocabulary: ${text}`);
  return text;
}
const createNodes = (labels: string[]) => `UNWIND $rows AS row CREATE (n:${labels.map(name).join(':')}) SET n = row`;
// The id constraints on Entity, Event and Source make both endpoints index seeks.
// A :Name is found by its key (its uniqueness constraint), every other node by its id.
const createRels = (r: RelRecord) => `UNWIND $rows AS row
MATCH (a:${name(r.from.label)} {id: row.from})
MATCH (b:${name(r.to.label)} {${r.to.label === 'Name' ? 'key' : 'id'}: row.to})
CREATE (a)-[r:${name(r.type)}]->(b) SET r = row.props`;

/**
 * Refuses a database with facts the generator did not write (the real seed among them) unless
 * `force`; says whether it already holds this very graph.
 */
export async function checkTarget(
  driver: Driver,
  database: string,
  plan: { nodes: number; seed: number },
  fingerprint: string,
  force: boolean,
): Promise<'same' | 'replace'> {
  const session = driver.session({ database });
  try {
    const result = await session.run(
      `OPTIONAL MATCH (g:GeneratorState {id: $id})
       RETURN g {.*} AS state, EXISTS { MATCH (s:Source {id: $real}) } AS real, COUNT { MATCH (s:Source) } + COUNT { MATCH (e:Entity) } AS facts`,
      { id: GENERATOR_STATE_ID, real: REAL_SEED_SOURCE_ID },
    );
    const row = result.records[0]!;
    const state = row.get('state') as { seed?: unknown; nodes?: unknown; fingerprint?: string } | null;
    const facts = Number(row.get('facts'));
    if (
      state &&
      Number(state.seed) === plan.seed &&
      Number(state.nodes) === plan.nodes &&
      state.fingerprint === fingerprint
    )
      return 'same';
    if ((row.get('real') || (facts > 0 && !state)) && !force) {
      throw new GeneratorRefusal(
        'the database holds facts the generator did not write (e.g. the seed); pass --force to delete them and load the generated graph',
      );
    }
    return 'replace';
  } finally {
    await session.close();
  }
}

interface Batch {
  cypher: string;
  rows: unknown[];
}

/** Runs write batches, PARALLEL at a time, each in its own transaction. */
async function runBatches(
  driver: Driver,
  database: string,
  batches: Iterable<Batch>,
  onDone: (n: number) => void,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let failure: Error | undefined;
  for (const { cypher, rows } of batches) {
    if (failure) break;
    const p = (async () => {
      const session = driver.session({ database });
      try {
        await session.executeWrite((tx) => tx.run(cypher, { rows }), { timeout: 10 * 60_000 });
        onDone(rows.length);
      } finally {
        await session.close();
      }
    })();
    inFlight.add(p);
    p.catch((error: unknown) => (failure ??= asError(error))).finally(() => inFlight.delete(p));
    if (inFlight.size >= PARALLEL) await Promise.race(inFlight).catch(() => undefined);
  }
  await Promise.allSettled(inFlight);
  if (failure) throw failure;
}

/** Groups items by their statement into batches of BATCH rows. */
function* batched<T>(items: Iterable<T>, statement: (item: T) => string, row: (item: T) => unknown): Generator<Batch> {
  const open = new Map<string, unknown[]>();
  for (const item of items) {
    const cypher = statement(item);
    let rows = open.get(cypher);
    if (!rows) open.set(cypher, (rows = []));
    rows.push(row(item));
    if (rows.length >= BATCH) {
      yield { cypher, rows };
      open.delete(cypher);
    }
  }
  for (const [cypher, rows] of open) yield { cypher, rows };
}

/**
 * Loads over Bolt: empties the database, migrates (the id constraints make relationship endpoints
 * index seeks), creates all nodes, then all relationships (a second deterministic generation pass,
 * so nothing is held in memory), in parallel batches. The manifest goes onto the GeneratorState node.
 */
export async function loadOverBolt(
  driver: Driver,
  database: string,
  nodes: number,
  seed: number,
  logger: Logger,
): Promise<StoredGraph> {
  const fingerprint = generatorFingerprint();
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  const migrateSeconds = await migrateLoaded(driver, database, logger);
  const started = Date.now();
  let records = 0;
  const nodePass = new GraphGenerator(nodes, seed);
  const progress = new Progress('load nodes', nodePass.plan.nodes, 'nodes');
  const names = new Set<string>();
  const nodeRecords = function* () {
    for (const rows of checkedRows(nodePass)) yield* toRecords(rows, names).nodes;
  };
  const nodeBatches = batched(
    nodeRecords(),
    (n) => createNodes(n.labels),
    (n) => n.props,
  );
  await runBatches(driver, database, nodeBatches, (n) => {
    records += n;
    progress.add(n);
  });
  progress.finish();
  const relPass = new GraphGenerator(nodes, seed);
  const relProgress = new Progress('load relationships', Math.round(nodes * 2.6), 'relationships');
  const relRecords = function* () {
    for (const rows of checkedRows(relPass)) yield* toRecords(rows).relationships;
  };
  const relBatches = batched(relRecords(), createRels, (r) => ({
    from: r.from.id,
    to: r.to.key ?? r.to.id,
    props: r.props,
  }));
  await runBatches(driver, database, relBatches, (n) => {
    records += n;
    relProgress.add(n);
  });
  relProgress.finish();
  await finishLoaded(driver, database, logger);
  const seconds = (Date.now() - started) / 1000;
  const stored: StoredGraph = {
    fingerprint,
    manifest: relPass.manifest(),
    timings: {
      generateSeconds: seconds,
      importSeconds: 0,
      records,
      recordsPerSecond: Math.round(records / seconds),
      migrateSeconds,
    },
  };
  await verifyLoaded(driver, database, stored.manifest);
  const state = stateNode(relPass, fingerprint);
  await runBatches(
    driver,
    database,
    [{ cypher: createNodes(state.labels), rows: [{ ...state.props, stored: JSON.stringify(stored) }] }],
    () => undefined,
  );
  return stored;
}

/** The StoredGraph a Bolt load left on its GeneratorState node, if any. */
export async function readBoltStoredGraph(driver: Driver, database: string): Promise<StoredGraph | undefined> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const result = await session.run('MATCH (g:GeneratorState {id: $id}) RETURN g.stored AS stored', {
      id: GENERATOR_STATE_ID,
    });
    const text = result.records[0]?.get('stored') as string | undefined;
    return text ? (JSON.parse(text) as StoredGraph) : undefined;
  } finally {
    await session.close();
  }
}
