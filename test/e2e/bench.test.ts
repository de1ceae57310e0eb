import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoPath } from '../../src/paths';

/** The benchmark still runs (one tiny round): it measures, it is not measured here. */
describe('npm run bench', () => {
  it('prints a ratio against the bare driver for every case', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [repoPath('dist', 'bench', 'run.js')], {
      cwd: repoPath(),
      env: {
        ...process.env,
        NEO4J_URI: process.env.TEST_NEO4J_URI!,
        BENCH_ROUNDS: '1',
        BENCH_PER_ROUND: '2',
        LOG_LEVEL: 'warn',
      },
    });
    const rows = stdout.split('\n').filter((line) => /\d+\.\d\d×/.test(line));
    expect(rows).toHaveLength(5);
  });
});
