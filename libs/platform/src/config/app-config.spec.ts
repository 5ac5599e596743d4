import { InvalidConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const c = loadAppConfig({});
    expect(c).toMatchObject({ databaseUrl: null, redisUrl: null, port: 3000, migrationsRunAtBoot: true, runJobsInApi: true });
    expect(c.secretKey).toHaveLength(32);
  });

  it('runs jobs in the worker, not the api, once Redis is configured', () => {
    expect(loadAppConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).runJobsInApi).toBe(false);
    expect(loadAppConfig({ REDIS_URL: 'redis://127.0.0.1:6379', RUN_JOBS_IN_API: 'true' }).runJobsInApi).toBe(true);
  });

  it('parses booleans and numbers', () => {
    expect(loadAppConfig({ MIGRATIONS_RUN_AT_BOOT: 'false', PORT: '8080' })).toMatchObject({ migrationsRunAtBoot: false, port: 8080 });
  });

  it('sizes the database pool at two connections per concurrent job unless told otherwise', () => {
    const pg = { DATABASE_URL: 'postgres://db/x' };
    expect(loadAppConfig(pg).databasePoolSize).toBe(10);
    expect(loadAppConfig({ ...pg, WORKER_CONCURRENCY: '16' }).databasePoolSize).toBe(32);
    expect(loadAppConfig({ ...pg, WORKER_CONCURRENCY: '16', DATABASE_POOL_SIZE: '12' }).databasePoolSize).toBe(12);
    expect(loadAppConfig({ WORKER_CONCURRENCY: '16' }).databasePoolSize).toBe(10); // embedded: one query at a time anyway
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ SECRET_KEY: 'not-base64' }, 'SECRET_KEY'],
    [{ MIGRATIONS_RUN_AT_BOOT: 'maybe' }, 'MIGRATIONS_RUN_AT_BOOT'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
  ])('rejects %j with a message naming the variable', (env, name) => {
    expect(() => loadAppConfig(env)).toThrow(InvalidConfigError);
    expect(() => loadAppConfig(env)).toThrow(name);
  });
});
