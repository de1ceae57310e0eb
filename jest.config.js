/** Test tiers: unit (no database) and integration (+ e2e over HTTP) against a real Neo4j. */
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
/** The explorer's browser modules and their unit tests: test/support/webTransform.js (tsconfig.web.json). */
const webJest = {
  '^.+/test/unit/explore/.+\\.ts$': '<rootDir>/test/support/webTransform.js',
  '^.+/web/.+\\.js$': '<rootDir>/test/support/webTransform.js',
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
