import { execFileSync } from 'node:child_process';
import { repoPath } from '../../src/paths';

/** The compiled logger (globalSetup builds dist/), run as a process so stdout is a pipe or a terminal. */
const LOG_ONE = `require(${JSON.stringify(repoPath('dist', 'src', 'logger.js'))}).logger.info({ uri: 'bolt://127.0.0.1:7687' }, 'local Neo4j ready')`;
const env = { ...process.env, LOG_LEVEL: 'info', NO_COLOR: '1' };

describe('logs in the terminal', () => {
  it('are one JSON object per line when stdout is not a terminal', () => {
    const out = execFileSync(process.execPath, ['-e', LOG_ONE], { encoding: 'utf8', env });
    expect(JSON.parse(out)).toEqual({
      level: 30,
      time: expect.any(Number),
      uri: 'bolt://127.0.0.1:7687',
      msg: 'local Neo4j ready',
    });
  });

  it('are readable lines (time, level, message, fields) on a terminal', () => {
    // script(1) gives the process a pseudo-terminal
    const command = `${JSON.stringify(process.execPath)} -e ${JSON.stringify(LOG_ONE)}`; // sh -c reads the double quotes
    const out = execFileSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env }).replace(
      // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
      /\x1b\[[0-9;]*m/g,
      '',
    );
    expect(out).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: local Neo4j ready\r?\n {4}uri: "bolt:\/\/127\.0\.0\.1:7687"\r?\n$/,
    );
  });
});
