import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidConfigError, loadAppConfig } from './app-config';

const dataDirs: string[] = [];
/** Embedded mode writes its generated secrets into DATA_DIR: a fresh one per case. */
function embedded(env: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'comeback-config-'));
  dataDirs.push(dir);
  return { DATA_DIR: dir, ...env };
}
const SECRETS = {
  JWT_SECRET: randomBytes(48).toString('base64url'),
  SECRET_KEY: randomBytes(32).toString('base64'),
};
const PROD = { DATABASE_URL: 'postgres://db/x', SMTP_URL: 'smtp://mail.example.com:587', ...SECRETS };
afterAll(() => dataDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadAppConfig', () => {
  it('refuses production without SMTP_URL (one-time links would sit in the outbox) unless MAIL_OUTBOX_ONLY=true', () => {
    const { SMTP_URL: _smtp, ...noSmtp } = PROD;
    expect(() => loadAppConfig(noSmtp)).toThrow(/SMTP_URL is required in production.*MAIL_OUTBOX_ONLY=true/s);
    expect(() => loadAppConfig(embedded({ NODE_ENV: 'production' }))).toThrow(/SMTP_URL is required/);
    expect(loadAppConfig({ ...noSmtp, MAIL_OUTBOX_ONLY: 'true' }).smtpUrl).toBeNull();
    expect(() => loadAppConfig({ ...noSmtp, MAIL_OUTBOX_ONLY: 'false' })).toThrow(/SMTP_URL is required/);
    expect(loadAppConfig(PROD).smtpUrl).toBe('smtp://mail.example.com:587');
    // The embedded demo keeps mail for its local mailbox page.
    expect(loadAppConfig(embedded()).smtpUrl).toBeNull();
  });

  it('gives the embedded defaults when nothing is set', () => {
    const c = loadAppConfig(embedded());
    expect(c).toMatchObject({
      databaseUrl: null,
      redisUrl: null,
      port: 3000,
      migrationsRunAtBoot: true,
      runJobsInApi: true,
    });
    expect(c.secretKey).toHaveLength(32);
  });

  it('runs jobs in the worker, not the api, once Redis is configured', () => {
    expect(loadAppConfig(embedded({ REDIS_URL: 'redis://127.0.0.1:6379' })).runJobsInApi).toBe(false);
    expect(
      loadAppConfig(embedded({ REDIS_URL: 'redis://127.0.0.1:6379', RUN_JOBS_IN_API: 'true' })).runJobsInApi,
    ).toBe(true);
  });

  it('trusts no proxy by default, and the listed addresses, ranges and names when given', () => {
    expect(loadAppConfig(embedded()).trustedProxies).toEqual([]);
    expect(
      loadAppConfig(embedded({ TRUSTED_PROXIES: ' 10.0.0.0/8, 192.168.1.7 ,fd00::/8, loopback' }))
        .trustedProxies,
    ).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', 'loopback']);
  });

  it('parses booleans and numbers', () => {
    expect(loadAppConfig(embedded({ MIGRATIONS_RUN_AT_BOOT: 'false', PORT: '8080' }))).toMatchObject({
      migrationsRunAtBoot: false,
      port: 8080,
    });
  });

  it('sizes the database pool at two connections per concurrent job unless told otherwise', () => {
    const pg = PROD;
    expect(loadAppConfig(pg).databasePoolSize).toBe(10);
    expect(loadAppConfig({ ...pg, WORKER_CONCURRENCY: '16' }).databasePoolSize).toBe(32);
    expect(
      loadAppConfig({ ...pg, WORKER_CONCURRENCY: '16', DATABASE_POOL_SIZE: '12' }).databasePoolSize,
    ).toBe(12);
    expect(loadAppConfig(embedded({ WORKER_CONCURRENCY: '16' })).databasePoolSize).toBe(10); // embedded: one query at a time anyway
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ SECRET_KEY: 'not-base64' }, 'SECRET_KEY'],
    [{ MIGRATIONS_RUN_AT_BOOT: 'maybe' }, 'MIGRATIONS_RUN_AT_BOOT'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ TRUSTED_PROXIES: '10.0.0.1, proxy.internal' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '10.0.0.0/8/1' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: '*' }, 'TRUSTED_PROXIES'],
  ])('rejects %j with a message naming the variable', (env, name) => {
    expect(() => loadAppConfig(embedded(env))).toThrow(InvalidConfigError);
    expect(() => loadAppConfig(embedded(env))).toThrow(name);
  });
});

describe('secrets (nobody can sign an hr_admin token with a value from the code)', () => {
  it.each([
    [{ DATABASE_URL: 'postgres://db/x' }, ['JWT_SECRET is required', 'SECRET_KEY is required']],
    [{ DATABASE_URL: 'postgres://db/x', JWT_SECRET: SECRETS.JWT_SECRET }, ['SECRET_KEY is required']],
    [
      { DATABASE_URL: 'postgres://db/x', SECRET_KEY: SECRETS.SECRET_KEY, JWT_SECRET: '' },
      ['JWT_SECRET is required'],
    ],
  ])('production (%j) refuses to start without its own secrets, naming each missing one', (env, names) => {
    let error: unknown;
    try {
      loadAppConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    for (const n of names) expect((error as Error).message).toContain(n);
  });

  it.each([
    [
      'the earlier built-in JWT secret',
      { JWT_SECRET: 'embedded-development-secret-change-me-please' },
      'JWT_SECRET',
    ],
    [
      'the earlier built-in key',
      { SECRET_KEY: 'ZW1iZWRkZWQtZGV2ZWxvcG1lbnQta2V5LTMyYnl0ZXM=' },
      'SECRET_KEY',
    ],
    ['a placeholder', { JWT_SECRET: 'please-change-me-before-production-0123456789' }, 'JWT_SECRET'],
    ['a short secret', { JWT_SECRET: 'k3Y!x9' }, 'JWT_SECRET'],
    ['a repeated pattern', { JWT_SECRET: 'abababababababababababababababababab' }, 'JWT_SECRET'],
    ['an all-zero key', { SECRET_KEY: Buffer.alloc(32).toString('base64') }, 'SECRET_KEY'],
  ])('refuses %s, in production and embedded alike', (_what, bad, name) => {
    expect(() => loadAppConfig({ ...PROD, ...bad })).toThrow(name);
    expect(() => loadAppConfig(embedded(bad))).toThrow(name);
  });

  it('production uses exactly the secrets it is given', () => {
    const c = loadAppConfig(PROD);
    expect(c.jwt.secret).toBe(SECRETS.JWT_SECRET);
    expect(c.secretKey.equals(Buffer.from(SECRETS.SECRET_KEY, 'base64'))).toBe(true);
  });

  it('embedded mode generates random secrets into its data directory once (0600) and keeps them', () => {
    const env = embedded();
    const first = loadAppConfig(env);
    const again = loadAppConfig(env);
    expect(again.jwt.secret).toBe(first.jwt.secret);
    expect(again.secretKey.equals(first.secretKey)).toBe(true);
    const file = join(env.DATA_DIR, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      JWT_SECRET: first.jwt.secret,
      SECRET_KEY: first.secretKey.toString('base64'),
    });
    const other = loadAppConfig(embedded());
    expect(other.jwt.secret).not.toBe(first.jwt.secret);
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('no secret is a constant in the code: the published values appear only in the refusal list', () => {
    const root = join(__dirname, '../../../..');
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          /\.(ts|js|json|sh)$/.test(name) &&
          !name.endsWith('.spec.ts') &&
          !path.endsWith(join('config', 'secrets.ts'))
        ) {
          const text = readFileSync(path, 'utf8');
          if (
            text.includes('embedded-development-secret') ||
            text.includes('ZW1iZWRkZWQtZGV2ZWxvcG1lbnQta2V5LTMyYnl0ZXM')
          )
            hits.push(path);
        }
      }
    };
    for (const top of ['apps', 'libs', 'test', 'scripts', 'config']) walk(join(root, top));
    expect(hits).toEqual([]);
  });
});

describe('SECRET_KEY_PREVIOUS (key rotation)', () => {
  it('is read beside SECRET_KEY and must differ from it', () => {
    const previous = randomBytes(32).toString('base64');
    expect(loadAppConfig({ ...PROD, SECRET_KEY_PREVIOUS: previous }).secretKeyPrevious).toEqual(
      Buffer.from(previous, 'base64'),
    );
    expect(loadAppConfig(PROD).secretKeyPrevious).toBeNull();
    expect(() => loadAppConfig({ ...PROD, SECRET_KEY_PREVIOUS: PROD.SECRET_KEY })).toThrow(
      /SECRET_KEY_PREVIOUS must differ/,
    );
    expect(() => loadAppConfig({ ...PROD, SECRET_KEY_PREVIOUS: 'short' })).toThrow(
      /SECRET_KEY_PREVIOUS must be 32 bytes/,
    );
  });
});
