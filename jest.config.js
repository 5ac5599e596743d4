// Three tiers: unit tests beside the code; medium (services and repositories on real PostgreSQL with the ATS port
// in memory and the in-process queue: no Redis, simulator or browser); integration/e2e over HTTP with PostgreSQL,
// Redis, the ATS simulator and Chromium. Timeouts are generous on purpose: they catch hangs, not slowness (speed
// targets live in the benchmarks), and a loaded CI machine must not turn a slow start-up into a failure.
const swc = ['@swc/jest', {
  jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
  module: { type: 'commonjs' },
}];
// openid-client v6 (and its oauth4webapi, jose) are ES modules only; Jest's module system loads CommonJS, so
// these three are transformed to CommonJS like our own sources. The built app imports them natively.
const esm = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const transform = { '^.+\\.ts$': swc, '/node_modules/(openid-client|oauth4webapi|jose)/.+\\.js$': esm };
const transformIgnorePatterns = ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'];
const moduleNameMapper = { '^@comeback/([a-z-]+)(/.*)?$': '<rootDir>/libs/$1/src$2' };
module.exports = {
  testTimeout: 120_000,
  // A worker that grew past this after a test file is replaced: each file boots Nest apps (and the name-reading
  // dictionary) afresh, and Jest's per-file module registries do not give all of that back (an OOM at 4 GB in CI).
  workerIdleMemoryLimit: '1536MB',
  projects: [
    { displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'], transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node' },
    { displayName: 'medium', rootDir: __dirname, testMatch: ['<rootDir>/test/medium/**/*.test.ts'], transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node', globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts', setupFiles: ['<rootDir>/test/medium/support/medium-env.ts'], maxWorkers: 2 },
    { displayName: 'integration', rootDir: __dirname, testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/medium/'], transform, transformIgnorePatterns, moduleNameMapper, testEnvironment: 'node', globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts', setupFiles: ['<rootDir>/test/support/integration-env.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/response-scan-setup.ts'], maxWorkers: 2 },
  ],
};
