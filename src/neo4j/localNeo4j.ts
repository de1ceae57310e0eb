import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { acquireFolderLock, ensurePortFree } from './startupChecks';
import { createInterface } from 'node:readline';
import type { Logger } from '../logger';
import { repoPath } from '../paths';
import { EXPECTED_DOWNLOAD, MavenProgress } from './mavenProgress';

export interface LocalNeo4jOptions {
  dataDir: string;
  /** 0 picks any free port. */
  port: number;
  heapMb: number;
  pageCacheMb: number;
  logger: Logger;
  /** Further Neo4j settings (name → value), e.g. a transaction memory limit; NEO4J_LOCAL_SETTINGS ("a=1;b=2") adds to them. */
  settings?: Record<string, string>;
  /**
   * Awaited before each start after the first (a crash's restart, restart()): e.g. until the disk
   * has room again. stop() aborts `signal`, and the restart gives up.
   */
  beforeRestart?: (signal: AbortSignal) => Promise<void>;
}

export interface LocalNeo4j {
  uri: string;
  stop(): Promise<void>;
  /**
   * Stops the running Neo4j cleanly and starts it again on the same port (a database that hit a
   * fatal error, e.g. a full disk, stays broken while its process lives). Resolves once it is back.
   */
  restart(): Promise<void>;
}

/** What a Neo4j that cannot recover its store says while starting (a transaction log cut short by a full disk, a damaged file). */
const UNRECOVERABLE =
  /recovery not possible|Error reading transaction logs|corrupted log files|UnderlyingStorageException/i;

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

const SUPPORTED_JAVA = [17, 21];
const READY_TIMEOUT_MS = 180_000;

function javaMajor(javaHome: string): number | undefined {
  const bin = path.join(javaHome, 'bin', 'java');
  if (!existsSync(bin)) return undefined;
  const out = spawnSync(bin, ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

const JVM_ROOTS = ['/usr/lib/jvm', '/usr/local/lib/jvm', '/opt/java'];

/** Why NEO4J_JAVA_HOME, the caller's explicit choice, cannot be used; undefined when it can. */
function unusableJava(home: string): string | undefined {
  if (!existsSync(home)) return 'does not exist';
  if (!existsSync(path.join(home, 'bin', 'java'))) return 'has no bin/java';
  const major = javaMajor(home);
  if (major === undefined) return 'has a bin/java that does not say its version';
  if (!SUPPORTED_JAVA.includes(major)) return `is Java ${major}; Neo4j 5.26 runs on Java 17 or 21 only`;
  return undefined;
}

/**
 * A JDK home for Neo4j 5.26, which runs on Java 17 or 21 only: NEO4J_JAVA_HOME, JAVA_HOME, `java`
 * on the PATH, then the JDKs under the usual roots, in that order; newer ones (e.g. 25) are skipped.
 * A NEO4J_JAVA_HOME that cannot be used is said (`warn`), not silently passed over.
 */
export function findJavaHome(
  env: NodeJS.ProcessEnv = process.env,
  jvmRoots: readonly string[] = JVM_ROOTS,
  warn: (message: string) => void = () => undefined,
): string {
  const candidates: string[] = [];
  if (env.NEO4J_JAVA_HOME) {
    const problem = unusableJava(env.NEO4J_JAVA_HOME);
    if (problem) warn(`NEO4J_JAVA_HOME=${env.NEO4J_JAVA_HOME} ${problem}: looking for another Java 17 or 21`);
    candidates.push(env.NEO4J_JAVA_HOME);
  }
  if (env.JAVA_HOME) candidates.push(env.JAVA_HOME);
  const which = spawnSync('/bin/sh', ['-c', 'command -v java'], {
    encoding: 'utf8',
    env: { PATH: env.PATH ?? '' },
  }).stdout?.trim();
  if (which) candidates.push(path.dirname(path.dirname(realpathSync(which))));
  for (const root of jvmRoots) {
    if (existsSync(root)) for (const name of readdirSync(root).sort()) candidates.push(path.join(root, name));
  }
  const seen = new Set<string>();
  for (const home of candidates) {
    if (seen.has(home)) continue;
    seen.add(home);
    const major = javaMajor(home);
    if (major !== undefined && SUPPORTED_JAVA.includes(major)) return home;
  }
  throw new LocalNeo4jError(
    `no Java 17 or 21 found for the local Neo4j 5.26 (looked at ${[...seen].join(', ') || 'nothing'}); install one, set NEO4J_JAVA_HOME, or set NEO4J_URI`,
  );
}

function launcherFingerprint(dir: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(dir, 'pom.xml')));
  hash.update(readFileSync(path.join(dir, 'src/main/java/kg/launcher/Launcher.java')));
  return hash.digest('hex');
}

/**
 * Runs Maven in batch mode and shows its downloads as they finish: on a terminal, one line on
 * stderr rewritten in place ("downloading Neo4j: 212 files, 96.3 MB"); otherwise (logs, CI) only
 * a summary when done. Resolves with Maven's exit code and the last lines it printed.
 */
function runMaven(
  dir: string,
  javaHome: string,
  logger: Logger,
): Promise<{ code: number | null; tail: string[]; error?: Error }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const progress = new MavenProgress(EXPECTED_DOWNLOAD);
    const tty = process.stderr.isTTY === true;
    const tail: string[] = [];
    const child = spawn('mvn', ['-B', 'package', '-DskipTests'], {
      cwd: dir,
      env: { ...process.env, JAVA_HOME: javaHome },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let shown = 0;
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      // at most a few redraws a second, so a fast mirror does not flood the terminal
      if (progress.read(line) && tty && Date.now() - shown > 200) {
        shown = Date.now();
        process.stderr.write(`\r\x1b[2Kdownloading Neo4j: ${progress.summary()}`);
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('error', (error) => resolve({ code: null, tail, error }));
    child.once('close', (code) => {
      if (tty && shown) process.stderr.write('\r\x1b[2K');
      if (progress.files)
        logger.info(
          { files: progress.files, bytes: progress.bytes, seconds: Math.round((Date.now() - started) / 1000) },
          `downloaded ${progress.summary()}`,
        );
      resolve({ code, tail });
    });
  });
}

/** Builds the launcher with Maven unless the build for these sources is already there. */
export async function ensureLauncherBuilt(javaHome: string, logger: Logger): Promise<string> {
  const dir = repoPath('neo4j-launcher');
  const stamp = path.join(dir, 'target', 'build.sha256');
  const fingerprint = launcherFingerprint(dir);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return dir;

  logger.info(
    `first start: downloading Neo4j 5.26 from Maven Central (${MavenProgress.describe(EXPECTED_DOWNLOAD)} with an empty Maven cache) and building the local launcher`,
  );
  const mvn = await runMaven(dir, javaHome, logger);
  if (mvn.error)
    throw new LocalNeo4jError(`cannot run Maven (mvn): ${mvn.error.message}; install Maven or set NEO4J_URI`);
  if (mvn.code !== 0) {
    const errors = mvn.tail.filter((l) => l.startsWith('[ERROR]'));
    throw new LocalNeo4jError(
      `building the local Neo4j launcher failed: ${(errors.length ? errors : mvn.tail).slice(-5).join(' | ')}`,
    );
  }
  writeFileSync(stamp, fingerprint);
  return dir;
}

/** Delays between restarts of a Neo4j that died: 1 s, doubling, at most 30 s. */
export const RESTART_BACKOFF_MS = { first: 1_000, max: 30_000 };

/** The launcher's classpath: its classes and Neo4j's jars (the import tool among them). */
export function launcherClasspath(dir: string): string {
  return [path.join(dir, 'target', 'classes'), path.join(dir, 'target', 'lib', '*')].join(path.delimiter);
}

interface Spawned {
  child: ChildProcess;
  uri: string;
}

/** Spawns the launcher JVM and resolves once Bolt accepts connections. */
async function spawnNeo4j(
  javaHome: string,
  dir: string,
  dataDir: string,
  port: number,
  options: LocalNeo4jOptions,
): Promise<Spawned> {
  const { logger } = options;
  const classpath = launcherClasspath(dir);
  const args = [
    `-Xms${Math.min(512, options.heapMb)}m`,
    `-Xmx${options.heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-cp',
    classpath,
    'kg.launcher.Launcher',
    dataDir,
    String(port),
    String(options.pageCacheMb),
  ];
  const settings = [
    process.env.NEO4J_LOCAL_SETTINGS,
    ...Object.entries(options.settings ?? {}).map(([k, v]) => `${k}=${v}`),
  ]
    .filter(Boolean)
    .join(';');
  const env = { ...process.env, NEO4J_LOCAL_SETTINGS: settings };
  const child = spawn(path.join(javaHome, 'bin', 'java'), args, { stdio: ['pipe', 'pipe', 'pipe'], env });

  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    logger.debug({ neo4j: line }, 'neo4j stderr');
  });

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(`local Neo4j did not start within ${READY_TIMEOUT_MS / 1000}s`));
    }, READY_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^NEO4J_READY (\S+)$/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      } else {
        logger.debug({ neo4j: line }, 'neo4j stdout');
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Another Neo4j (not one of ours, which the folder lock catches first) holds the store.
      if (stderrTail.some((l) => /Locker|storeLockException|FileLockException|store_lock/.test(l))) {
        return reject(
          new LocalNeo4jError(
            `the data folder ${dataDir} is in use by another Neo4j; stop it or set NEO4J_LOCAL_DIR to another folder`,
          ),
        );
      }
      if (stderrTail.some((l) => UNRECOVERABLE.test(l))) {
        return reject(
          new LocalNeo4jError(
            `the Neo4j store in ${dataDir} cannot be recovered (its transaction log is damaged, e.g. cut short by a full disk): ` +
              `restore the folder from a backup, or start once with NEO4J_LOCAL_SETTINGS=internal.dbms.tx_log.fail_on_corrupted_log_files=false ` +
              `to keep what the log still holds and drop its damaged end`,
          ),
        );
      }
      const lastError =
        stderrTail.filter((l) => /Exception|Error|error/.test(l)).slice(-1)[0] ?? stderrTail.slice(-1)[0] ?? '';
      reject(new LocalNeo4jError(`local Neo4j exited with code ${code} before it was ready: ${lastError.trim()}`));
    });
  });
  child.removeAllListeners('exit');
  return { child, uri };
}

/**
 * Starts Neo4j 5.26 community in a child JVM with Bolt on 127.0.0.1.
 * The child exits when our stdin pipe closes, so it cannot outlive this process. If it dies
 * while we run (killed, out of memory), it is started again on the same port, with backoff, so
 * the driver's pool reconnects to the same URI and the API recovers without a restart of its own.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const { logger } = options;
  // Before anything slow (Maven, the JVM): the folder and the port must be ours to use.
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireFolderLock(
    dataDir,
    (pid) =>
      `the data folder ${dataDir} is in use by process ${pid} (another npm start?); stop it or set NEO4J_LOCAL_DIR to another folder`,
  );
  let current: Spawned;
  let javaHome: string;
  let dir: string;
  try {
    if (options.port)
      await ensurePortFree(
        '127.0.0.1',
        options.port,
        `NEO4J_LOCAL_PORT ${options.port} is in use (another Neo4j?); stop it or set NEO4J_LOCAL_PORT to another port, or 0 for any free one`,
      );
    javaHome = findJavaHome(process.env, JVM_ROOTS, (message) => logger.warn(message));
    dir = await ensureLauncherBuilt(javaHome, logger);
    logger.info({ dataDir, javaHome }, 'starting local Neo4j 5.26');
    current = await spawnNeo4j(javaHome, dir, dataDir, options.port, options);
  } catch (error) {
    lock.release();
    throw error;
  }
  const { uri } = current;
  const port = Number(new URL(uri.replace(/^bolt:/, 'http:')).port);
  logger.info({ uri }, 'local Neo4j ready');

  let stopping = false;
  /** Set while restart() replaces a live Neo4j: its exit is asked for, not a crash. */
  let replacing = false;
  let restarting: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let delay = RESTART_BACKOFF_MS.first;

  /** Aborted by stop(): a restart waiting for options.beforeRestart gives up. */
  const stopped = new AbortController();
  const restart = () => {
    timer = undefined;
    if (stopping) return;
    logger.warn({ uri, attemptInMs: delay }, 'restarting local Neo4j');
    const ready = options.beforeRestart?.(stopped.signal) ?? Promise.resolve();
    return (restarting = ready
      .then(() => (stopping ? undefined : spawnNeo4j(javaHome, dir, dataDir, port, options)))
      .then(
        (next) => {
          restarting = undefined;
          if (!next) return;
          if (stopping) return stopChild(next.child);
          current = next;
          delay = RESTART_BACKOFF_MS.first;
          watch(next.child);
          logger.warn({ uri }, 'local Neo4j restarted');
        },
        (error: unknown) => {
          restarting = undefined;
          logger.error({ uri, err: error }, 'local Neo4j did not restart; trying again');
          schedule();
        },
      ));
  };
  const schedule = () => {
    if (stopping) return;
    timer = setTimeout(() => void restart(), delay); // its failures schedule the next attempt
    delay = Math.min(delay * 2, RESTART_BACKOFF_MS.max);
  };
  const watch = (child: ChildProcess) => {
    child.once('exit', (code, signal) => {
      if (stopping || replacing) return;
      logger.error({ uri, code, signal }, 'local Neo4j exited unexpectedly');
      schedule();
    });
  };
  watch(current.child);

  return {
    uri,
    restart: async () => {
      if (stopping || restarting || replacing) return;
      replacing = true;
      // Its clean stop writes a checkpoint: wait for room before it, not only before the start.
      await options.beforeRestart?.(stopped.signal).catch(() => undefined);
      if (stopping) return void (replacing = false);
      logger.warn({ uri }, 'stopping local Neo4j to restart it');
      try {
        await stopChild(current.child);
      } finally {
        replacing = false;
      }
      if (timer) clearTimeout(timer);
      delay = RESTART_BACKOFF_MS.first;
      await restart();
    },
    stop: async () => {
      stopping = true;
      stopped.abort();
      if (timer) clearTimeout(timer);
      await restarting?.catch(() => undefined);
      await stopChild(current.child);
      lock.release();
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    // Closing stdin asks the launcher to shut the database down cleanly.
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}
