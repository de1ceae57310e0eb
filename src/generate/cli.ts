import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { logger } from '../logger';
import { connectDriver } from '../neo4j/connection';
import { DEFAULT_SEED } from './graph';
import { DEFAULT_SCALE_DIR, scaleMemory } from './options';
import { checkTarget, ensureEmbeddedGraph, generatorFingerprint, loadOverBolt, type StoredGraph } from './load';
import { textOf } from '../errors';

/**
 * npm run generate -- --nodes <N> [--seed S] [--data-dir D] [--force]
 *
 * Without NEO4J_URI: a fresh embedded store in --data-dir (default .data/neo4j-scale) through CSV
 * and neo4j-admin import, migrated, left stopped. With NEO4J_URI: batched writes over Bolt into
 * that server. Either way the generator refuses to overwrite facts it did not write without --force.
 */

function report(stored: StoredGraph, reused: boolean): void {
  const { manifest, timings } = stored;
  const nodes = Object.values(manifest.counts.nodes).reduce((a, b) => a + b, 0);
  const rels = Object.values(manifest.counts.relationships).reduce((a, b) => a + b, 0);
  console.log(
    reused
      ? `reused the generated graph: ${nodes} nodes, ${rels} relationships`
      : `generated ${nodes} nodes and ${rels} relationships: generate ${timings.generateSeconds.toFixed(1)} s, import ${timings.importSeconds.toFixed(1)} s ` +
          `(${timings.recordsPerSecond.toLocaleString('en')} records/s), migrations and indexes ${timings.migrateSeconds.toFixed(1)} s, ` +
          `derived data ${(timings.derivedSeconds ?? 0).toFixed(1)} s: ${timings.records.toLocaleString('en')} records, ${(timings.endToEndRecordsPerSecond ?? 0).toLocaleString('en')} records/s end to end`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'data-dir': { type: 'string', default: DEFAULT_SCALE_DIR },
      force: { type: 'boolean', default: false },
    },
  });
  const nodes = Number(values.nodes);
  const seed = Number(values.seed);
  if (!Number.isInteger(nodes) || nodes < 1000) throw new Error('--nodes must be an integer of at least 1000');
  logger.level = process.env.LOG_LEVEL ?? 'warn';
  const config = loadConfig();
  if (config.NEO4J_URI) {
    const driver = await connectDriver(
      config.NEO4J_URI,
      config.NEO4J_USER,
      config.NEO4J_PASSWORD,
      config.NEO4J_DATABASE,
    );
    try {
      const state = await checkTarget(
        driver,
        config.NEO4J_DATABASE,
        { nodes, seed },
        generatorFingerprint(),
        values.force,
      );
      if (state === 'same') {
        console.log(`${config.NEO4J_URI} already holds this generated graph`);
        return;
      }
      const stored = await loadOverBolt(driver, config.NEO4J_DATABASE, nodes, seed, logger);
      report(stored, false);
    } finally {
      await driver.close();
    }
    return;
  }
  const { neo4j, stored, reused } = await ensureEmbeddedGraph({
    nodes,
    seed,
    dataDir: values['data-dir'],
    force: values.force,
    logger,
    ...scaleMemory(nodes),
  });
  await neo4j.stop();
  report(stored, reused);
  console.log(`data folder: ${values['data-dir']} (manifest: generator.json)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${textOf(error)}\n`);
  process.exit(1);
});
