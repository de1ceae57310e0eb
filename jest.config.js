/** Test tiers: unit (no database) and integration (+ e2e over HTTP) against a real Neo4j. */
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
/**
 * The explorer's browser modules (web/explore/*.js: ES modules, // @ts-check) and their unit tests, compiled
 * with tsconfig.web.json; their types are checked by npm run typecheck (ts-jest's own check mixed up the
 * two configs when one worker ran both kinds of tests).
 */
const webJest = {
  '^.+/test/unit/explore/.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.web.json', diagnostics: false }],
  '^.+/web/.+\\.js$': ['ts-jest', { tsconfig: 'tsconfig.web.json', diagnostics: false }],
  ...tsJest,
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: webJest,
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
      slowTestThreshold: 30,
    },
  ],
};
