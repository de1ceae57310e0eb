import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { authenticator } from '../auth/authenticate';
import { grants, Role } from '../auth/principal';
import { loadConfig } from '../config';
import { migrate } from '../db/migrations';
import { reindexIfNeeded } from '../db/reindex';
import { DomainError, textOf } from '../errors';
import { importFacts, TransactionTooLarge, type ImportReport } from '../import/importFile';
import { parseJsonLines } from '../import/jsonl';
import { logger } from '../logger';
import { openGraph } from '../neo4j/connection';
import { Executor } from '../neo4j/executor';

const USAGE =
  'usage: npm run import -- <file.jsonl> [--dry-run]   (credentials: IMPORT_CREDENTIAL=<API key or JWT>, checked against API_KEYS / JWT_*)';

/**
 * npm run import -- <file.jsonl> [--dry-run]: a new source's facts, as JSON Lines (docs/import.md),
 * through the API's checked writer, on NEO4J_URI or the embedded Neo4j. The principal comes from
 * IMPORT_CREDENTIAL (an editor's or admin's API key or JWT; sources need admin) and is recorded
 * in every revision. A dry run prints per record what would happen and writes nothing.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--dry-run')) throw new Error(USAGE);
  const config = loadConfig();
  logger.level = config.LOG_LEVEL;

  const authenticate = authenticator({
    apiKeys: config.API_KEYS,
    jwt: {
      secret: config.JWT_SECRET,
      jwksUrl: config.JWT_JWKS_URL,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      roleClaim: config.JWT_ROLE_CLAIM,
    },
  });
  const credential = process.env.IMPORT_CREDENTIAL;
  if (!credential)
    throw new Error(
      'IMPORT_CREDENTIAL must hold an editor’s or admin’s API key or JWT (an import writes, so it needs a principal)',
    );
  const principal = await authenticate(`Bearer ${credential}`);
  if (!principal) throw new Error('IMPORT_CREDENTIAL is not a credential');

  const text = readFileSync(files[0]!, 'utf8');
  const parsed = parseJsonLines(text);
  if (parsed.facts.sources.length && !grants(principal.role, Role.admin))
    throw new Error(`the file adds sources, which needs the admin role; ${principal.id} has ${principal.role}`);

  const graph = await openGraph(config, logger);
  try {
    const db = new Executor(graph.driver, config.NEO4J_DATABASE, logger, 30 * 60_000);
    await migrate(db, logger);
    await reindexIfNeeded(db, logger);
    const started = Date.now();
    const bar = progressBar(started);
    const report = await importFacts(db, parsed, text, {
      dryRun,
      by: { principal: principal.id, role: principal.role },
      progress: bar,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    print(report, dryRun, (Date.now() - started) / 1000);
    if (dryRun && report.results.some((r) => r.error)) process.exitCode = 2;
  } finally {
    await graph.close();
  }
}

/** A progress line with the rate and the time left, on a terminal only. */
function progressBar(started: number) {
  return (done: number, total: number) => {
    if (!process.stderr.isTTY) return;
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} records, ${Math.round(rate)}/s, ETA ${eta}s   `,
    );
  };
}

function print(report: ImportReport, dryRun: boolean, seconds: number): void {
  for (const r of report.results) {
    const what = r.error
      ? `${r.outcome}: ${r.error.message.replace(/^line \d+: /, '')}`
      : `${r.outcome}${r.fields.length ? ` (${r.fields.join(', ')})` : ''}${r.citationsAdded ? ` +${r.citationsAdded} citation(s)` : ''}`;
    if (dryRun || r.outcome !== 'UNCHANGED')
      console.log(
        `${r.line === undefined ? '' : `line ${r.line}: `}${r.fact.toLowerCase()} ${r.id || r.path}: ${what}`,
      );
  }
  const counts = Object.entries(report.counts)
    .map(([k, n]) => `${n} ${k.toLowerCase()}`)
    .join(', ');
  const resumed = report.resumedGroups ? `, resumed after ${report.resumedGroups} committed group(s)` : '';
  const tx = report.transaction;
  const groups = tx
    ? `, transactions of up to ${tx.records} records (${tx.basis}${report.records <= tx.records ? ': the file is all or nothing' : ''})`
    : '';
  console.log(
    `${dryRun ? 'dry run, nothing written' : 'imported'}: ${report.records} records (${counts || 'none'}) in ${seconds.toFixed(1)} s${resumed}${groups}`,
  );
}

main().catch((error: unknown) => {
  const messages = error instanceof AggregateError ? error.errors.map(textOf) : [textOf(error)];
  for (const m of messages.slice(0, 50)) process.stderr.write(`error: ${m.split('\n')[0]}\n`);
  if (messages.length > 50) process.stderr.write(`error: … and ${messages.length - 50} more\n`);
  if (error instanceof DomainError && !(error instanceof TransactionTooLarge))
    process.stderr.write(
      'nothing was written (the import is all or nothing per transaction); --dry-run lists every problem\n',
    );
  process.exit(1);
});
