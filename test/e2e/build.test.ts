import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoPath } from '../../src/paths';

/** npm start's prestart (scripts/build-if-changed.js), on a copy of the sources: it compiles once, then only when they change. */
describe('prestart', () => {
  it('compiles on the first start and not on a second start with nothing changed', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'kg-build-'));
    try {
      for (const entry of [
        'src',
        'scripts',
        'cypher',
        'tsconfig.json',
        'tsconfig.build.json',
        'package.json',
        'package-lock.json',
      ]) {
        cpSync(repoPath(entry), path.join(copy, entry), { recursive: true });
      }
      symlinkSync(repoPath('node_modules'), path.join(copy, 'node_modules'));
      const prestart = () =>
        spawnSync(process.execPath, [path.join(copy, 'scripts', 'build-if-changed.js')], { encoding: 'utf8' });
      const first = prestart();
      expect({ status: first.status, stderr: first.stderr }).toEqual({
        status: 0,
        stderr: 'building (src/ changed since the last build)…\n',
      });
      execFileSync('test', ['-f', path.join(copy, 'dist', 'src', 'main.js')]);
      const started = Date.now();
      const second = prestart();
      expect({ status: second.status, stderr: second.stderr }).toEqual({ status: 0, stderr: '' });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 180_000);
});
