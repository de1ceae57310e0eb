import { spawn, type ChildProcess } from 'node:child_process';
import { repoPath } from '../../src/paths';

export { freePort } from '../../src/neo4j/startupChecks';

export interface Started {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs the compiled entry point of `npm start` (dist/src/main.js) with the given environment. */
export function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, [repoPath('dist', 'src', 'main.js')], {
    cwd: repoPath(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, stderr: () => err, exited };
}

/** Resolves with the URL once the server prints it; rejects if it exits first. */
export function waitForUrl(started: Started, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within ${timeoutMs} ms: ${started.stderr()}`)), timeoutMs);
    const check = () => {
      const match = /GraphQL API ready at (\S+)/.exec(started.output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    started.child.stdout!.on('data', check);
    void started.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving: ${started.stderr()}`));
    });
  });
}

export async function postGraphQL(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}
