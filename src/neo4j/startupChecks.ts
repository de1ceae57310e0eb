import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A start-up check that failed: main() prints its message as one line. */
export class StartupCheckError extends Error {
  override name = 'StartupCheckError';
}

/** A TCP port on 127.0.0.1 that was free a moment ago (tests and the soak start servers on it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Resolves when `host:port` can be listened on now, so a busy port is said before migrations and
 * the seed run, not found afterwards as a raw EADDRINUSE.
 */
export function ensurePortFree(host: string, port: number, busy: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StartupCheckError(busy) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const FOLDER_LOCK = 'api.lock';

/**
 * Takes `<folder>/api.lock` for this process (its pid inside, created exclusively). Held by a live
 * process: refused with `inUse(pid)`. Left by a process that died: taken over.
 */
export function acquireFolderLock(folder: string, inUse: (pid: number) => string): { release(): void } {
  const file = path.join(folder, FOLDER_LOCK);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      return {
        release: () => {
          if (held) rmSync(file, { force: true });
          held = false;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new StartupCheckError(inUse(pid));
      rmSync(file, { force: true });
    }
  }
  throw new StartupCheckError(`cannot take ${file}`);
}
