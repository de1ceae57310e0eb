import { execFileSync, spawnSync } from 'node:child_process';
import { repoPath } from '../../src/paths';

/** docker-compose.yml must validate; Debian's docker-compose checks it without a Docker engine. */
const hasCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
const required = process.env.CI === 'true';

describe('docker-compose.yml', () => {
  (hasCompose || required ? it : it.skip)(
    'validates with `docker-compose config -q` (apt-get install docker-compose)',
    () => {
      expect(() =>
        execFileSync('docker-compose', ['-f', repoPath('docker-compose.yml'), 'config', '-q'], {
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      ).not.toThrow();
    },
  );

  (hasCompose || required ? it : it.skip)(
    'runs neo4j:5.26-community with a healthcheck and the API waiting for it',
    () => {
      const config = execFileSync('docker-compose', ['-f', repoPath('docker-compose.yml'), 'config'], {
        encoding: 'utf8',
      });
      expect(config).toMatch(/image: neo4j:5\.26-community/);
      expect(config).toMatch(/healthcheck:/);
      expect(config).toMatch(/condition: service_healthy/);
    },
  );
});
