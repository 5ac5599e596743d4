// Two projects: fast unit tests beside the code, and integration/e2e tests on real PostgreSQL + Redis.
const swc = ['@swc/jest', {
  jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
  module: { type: 'commonjs' },
}];
const moduleNameMapper = { '^@comeback/([a-z-]+)(/.*)?$': '<rootDir>/libs/$1/src$2' };
module.exports = {
  projects: [
    { displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'], transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node' },
    { displayName: 'integration', rootDir: __dirname, testMatch: ['<rootDir>/test/**/*.test.ts'], transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node', globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts', setupFiles: ['<rootDir>/test/support/integration-env.ts'], maxWorkers: 2 },
  ],
};
