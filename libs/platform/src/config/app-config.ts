import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';
import { embeddedSecrets, weakSecretReason } from './secrets';

function parseBoolean(value: unknown): boolean | undefined | string {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  return typeof value === 'string' ? value : JSON.stringify(value); // left as a string so @IsBoolean reports it
}

/** Environment variables, validated once at start-up. Every one is documented in `.env.example`. */
class EnvironmentVariables {
  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsString()
  DATA_DIR: string = '.data';

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /** Required with DATABASE_URL; embedded mode generates one into DATA_DIR (see secrets.ts). */
  @IsOptional()
  @IsString()
  JWT_SECRET?: string;

  @IsString()
  JWT_ISSUER: string = 'comeback';

  /** 32 bytes, base64: encrypts ATS credentials and webhook secrets at rest. Required with DATABASE_URL. */
  @IsOptional()
  @IsString()
  SECRET_KEY?: string;

  /** During a key rotation: the key SECRET_KEY replaced, still accepted for reading until `secrets:rotate` ran. */
  @IsOptional()
  @IsString()
  SECRET_KEY_PREVIOUS?: string;

  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL: string = 'http://localhost:3000';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Run the queue processors inside the api process (default: yes when REDIS_URL is unset). */
  @IsOptional()
  @IsOptional()
  @IsBoolean({ message: 'RUN_JOBS_IN_API must be true or false' })
  @Transform(({ value }) => parseBoolean(value))
  RUN_JOBS_IN_API?: boolean;

  @IsOptional()
  @IsBoolean({ message: 'MIGRATIONS_RUN_AT_BOOT must be true or false' })
  @Transform(({ value }) => parseBoolean(value))
  MIGRATIONS_RUN_AT_BOOT?: boolean;

  /** Key prefix of the Bull queues and rate limits in Redis (lets several environments share one Redis). */
  @IsString()
  @Matches(/^[a-z0-9_-]+$/i)
  QUEUE_PREFIX: string = 'comeback';

  /** How long a worker holds a job before another may take it over (a crashed worker's jobs are retried after this). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(500)
  @Max(600_000)
  QUEUE_LOCK_MS: number = 30_000;

  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(50)
  WORKER_CONCURRENCY: number = 4;

  /** PostgreSQL connections per process. Default: 10, or two per concurrent job when that is more. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  /**
   * Hosts the ATS HTTP client may call besides each adapter's vendor hosts, comma-separated (`host`,
   * `host:port` or `*.domain`), e.g. the simulator's `127.0.0.1`. Private, loopback and link-local addresses
   * are refused unless their host is named here.
   */
  @IsOptional()
  @IsString()
  @Matches(/^\s*(\*\.)?[a-z0-9.:[\]-]+(\s*,\s*(\*\.)?[a-z0-9.:[\]-]+)*\s*$/i, {
    message:
      'ATS_ALLOWED_HOSTS must be a comma-separated list of host names, host:port pairs or *.domain patterns',
  })
  ATS_ALLOWED_HOSTS?: string;

  /**
   * Proxies in front of the api (load balancer, ingress), comma-separated IP addresses or CIDR ranges, or
   * `loopback`, `linklocal`, `uniquelocal`. Only a request whose peer is one of them has its client address taken
   * from X-Forwarded-For (the nearest address no trusted proxy added); otherwise the socket address counts, so a
   * client cannot pick its own rate-limit key. Unset: no proxy is trusted.
   */
  @IsOptional()
  @IsString()
  TRUSTED_PROXIES?: string;

  /** Webhook deliveries accepted per source address and minute (beyond that: 429). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  WEBHOOK_RATE_LIMIT_PER_MINUTE: number = 600;

  /** Largest webhook body we store (bytes); larger deliveries get 413 before anything is stored. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024)
  WEBHOOK_MAX_BODY_BYTES: number = 512 * 1024;

  /** Console sign-in attempts per source address and minute (beyond that: 429). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(10_000)
  CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE: number = 10;

  /** Failed-or-not sign-in attempts per account (tenant + e-mail) and 15 minutes (beyond that: 429). */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(10_000)
  CONSOLE_LOGIN_ATTEMPTS_PER_ACCOUNT: number = 10;

  /**
   * Outgoing mail server, e.g. `smtps://user:pass@mail.example.com:465` or `smtp://127.0.0.1:2525`. Unset → mail
   * is kept in the database's outbox instead of being sent (shown at /console/dev/mailbox in embedded mode).
   */
  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/[^\s/]+(:\d+)?\/?(\?\S*)?$/i, {
    message: 'SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:port)',
  })
  SMTP_URL?: string;

  /** The From address of every e-mail we send. */
  @IsString()
  @Matches(/^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/, {
    message: 'MAIL_FROM must be an e-mail address, optionally as "Name <address>"',
  })
  MAIL_FROM: string = 'Comeback <no-reply@comeback.invalid>';

  /**
   * Production without SMTP_URL keeps mail (one-time sign-in links included) in the database outbox: refused at
   * start unless this says so on purpose. Kept mail is purged after 24 hours either way.
   */
  @IsOptional()
  @IsBoolean({ message: 'MAIL_OUTBOX_ONLY must be true or false' })
  @Transform(({ value }) => parseBoolean(value))
  MAIL_OUTBOX_ONLY?: boolean;

  /** `production` counts as production even without DATABASE_URL (the embedded mode). */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /** Tests and local OIDC providers only: accept an http:// SSO issuer (production issuers are https://). */
  @IsOptional()
  @IsBoolean({ message: 'SSO_ALLOW_HTTP_ISSUER must be true or false' })
  @Transform(({ value }) => parseBoolean(value))
  SSO_ALLOW_HTTP_ISSUER?: boolean;

  /**
   * Bearer token that opens `/metrics` (Prometheus text format). Unset: `/metrics` answers 404, so nothing about
   * the installation is exposed by default. At least 24 characters.
   */
  @IsOptional()
  @MinLength(24, { message: 'METRICS_TOKEN must be at least 24 characters' })
  METRICS_TOKEN?: string;

  /** Label metrics with tenant ids (one series per tenant: only where the number of tenants is small). */
  @IsOptional()
  @Transform(({ value }) => parseBoolean(value))
  @IsBoolean({ message: 'METRICS_TENANT_LABELS must be true or false' })
  METRICS_TENANT_LABELS?: boolean;

  /**
   * The worker's own HTTP port for `/health/live`, `/health/ready` and `/metrics` (the worker has no api).
   * Unset: the worker opens no port.
   */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt({ message: 'WORKER_HEALTH_PORT must be a port number' })
  @Min(1, { message: 'WORKER_HEALTH_PORT must be a port number' })
  @Max(65535, { message: 'WORKER_HEALTH_PORT must be a port number' })
  WORKER_HEALTH_PORT?: number;
}

export interface AppConfig {
  /** Unset → embedded PostgreSQL (PGlite) in `dataDir`. */
  databaseUrl: string | null;
  /** Unset → in-process queue driver. */
  redisUrl: string | null;
  dataDir: string;
  port: number;
  jwt: { secret: string; issuer: string };
  secretKey: Buffer;
  /** Set during a key rotation only: opens values sealed under the previous key. */
  secretKeyPrevious: Buffer | null;
  publicBaseUrl: string;
  logLevel: string;
  migrationsRunAtBoot: boolean;
  workerConcurrency: number;
  /** Connections in this process's PostgreSQL pool. */
  databasePoolSize: number;
  queuePrefix: string;
  queueLockMs: number;
  runJobsInApi: boolean;
  /** Extra outbound hosts for the ATS client (patterns, lower case); see ATS_ALLOWED_HOSTS. */
  atsAllowedHosts: string[];
  /** Peers whose X-Forwarded-For is believed (Express `trust proxy` values); empty: none. */
  trustedProxies: string[];
  webhookRateLimitPerMinute: number;
  webhookMaxBodyBytes: number;
  consoleLoginAttemptsPerMinute: number;
  consoleLoginAttemptsPerAccount: number;
  /** No DATABASE_URL: the local, one-process mode (PGlite). Dev-only pages (the mailbox) exist only here. */
  embedded: boolean;
  /** Unset → e-mail goes to the database outbox instead of an SMTP server. */
  smtpUrl: string | null;
  mailFrom: string;
  ssoAllowHttpIssuer: boolean;
  /** Null: `/metrics` is closed (404). */
  metricsToken: string | null;
  metricsTenantLabels: boolean;
  workerHealthPort: number | null;
}

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}\nSee .env.example for every variable.`);
    this.name = 'InvalidConfigError';
  }
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false, skipMissingProperties: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  const trustedProxies = parseTrustedProxies(vars.TRUSTED_PROXIES, problems);
  const secrets = problems.length === 0 ? resolveSecrets(vars, problems) : null;
  if (secrets) checkMailDelivery(vars, problems);
  if (!secrets || problems.length > 0) throw new InvalidConfigError(problems);
  return {
    databaseUrl: vars.DATABASE_URL ?? null,
    redisUrl: vars.REDIS_URL ?? null,
    dataDir: vars.DATA_DIR,
    port: vars.PORT,
    jwt: { secret: secrets.JWT_SECRET, issuer: vars.JWT_ISSUER },
    secretKey: Buffer.from(secrets.SECRET_KEY, 'base64'),
    secretKeyPrevious: vars.SECRET_KEY_PREVIOUS ? Buffer.from(vars.SECRET_KEY_PREVIOUS, 'base64') : null,
    publicBaseUrl: vars.PUBLIC_BASE_URL.replace(/\/$/, ''),
    logLevel: vars.LOG_LEVEL,
    migrationsRunAtBoot: vars.MIGRATIONS_RUN_AT_BOOT ?? true,
    workerConcurrency: vars.WORKER_CONCURRENCY,
    // Two connections per concurrent job: a job holds one at a time, the rest is headroom for the api's
    // requests when jobs run in the api process, so jobs queue for the database rather than for the pool.
    // (Embedded PGlite runs one query at a time whatever the pool: 10 there.)
    databasePoolSize:
      vars.DATABASE_POOL_SIZE ?? (vars.DATABASE_URL ? Math.max(10, 2 * vars.WORKER_CONCURRENCY) : 10),
    queuePrefix: vars.QUEUE_PREFIX,
    queueLockMs: vars.QUEUE_LOCK_MS,
    runJobsInApi: vars.RUN_JOBS_IN_API ?? !vars.REDIS_URL,
    atsAllowedHosts: (vars.ATS_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    trustedProxies,
    webhookRateLimitPerMinute: vars.WEBHOOK_RATE_LIMIT_PER_MINUTE,
    webhookMaxBodyBytes: vars.WEBHOOK_MAX_BODY_BYTES,
    consoleLoginAttemptsPerMinute: vars.CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE,
    consoleLoginAttemptsPerAccount: vars.CONSOLE_LOGIN_ATTEMPTS_PER_ACCOUNT,
    embedded: !vars.DATABASE_URL,
    smtpUrl: vars.SMTP_URL ?? null,
    mailFrom: vars.MAIL_FROM,
    ssoAllowHttpIssuer: vars.SSO_ALLOW_HTTP_ISSUER ?? false,
    metricsToken: vars.METRICS_TOKEN ?? null,
    metricsTenantLabels: vars.METRICS_TENANT_LABELS ?? false,
    workerHealthPort: vars.WORKER_HEALTH_PORT ?? null,
  };
}

/**
 * In production mail must leave: without SMTP_URL, invitations and password-reset links would only sit in the
 * database outbox where nobody receives them. Refused unless MAIL_OUTBOX_ONLY=true says it is meant.
 */
function checkMailDelivery(vars: EnvironmentVariables, problems: string[]): void {
  const production = !!vars.DATABASE_URL || vars.NODE_ENV === 'production';
  if (!production || vars.SMTP_URL || vars.MAIL_OUTBOX_ONLY === true) return;
  problems.push(
    'SMTP_URL is required in production (DATABASE_URL set or NODE_ENV=production): without it invitations and ' +
      'password-reset links are only kept in the database outbox and never delivered. Set SMTP_URL, or set ' +
      'MAIL_OUTBOX_ONLY=true to keep mail in the outbox on purpose (it is purged after 24 hours).',
  );
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUSTED_PROXIES entries, each an IP address, a CIDR range or one of Express's names; a bad one is a problem. */
export function parseTrustedProxies(value: string | undefined, problems: string[]): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (PROXY_NAMES.has(entry)) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits && rest.length === 0);
    if (family === 0 || !prefixOk)
      problems.push(
        `TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal`,
      );
  }
  return entries;
}

/**
 * Production (DATABASE_URL set) must bring its own secrets: a missing one is named, a short, published or
 * repetitive one refused. Embedded mode generates random ones into its data directory on first start. No
 * secret is a constant in the code: anyone could otherwise sign an hr_admin token.
 */
function resolveSecrets(
  vars: EnvironmentVariables,
  problems: string[],
): { JWT_SECRET: string; SECRET_KEY: string } | null {
  const given = { JWT_SECRET: vars.JWT_SECRET, SECRET_KEY: vars.SECRET_KEY };
  if (vars.DATABASE_URL) {
    for (const name of ['JWT_SECRET', 'SECRET_KEY'] as const) {
      if (!given[name])
        problems.push(`${name} is required when DATABASE_URL is set (generate one: openssl rand -base64 32)`);
    }
  }
  for (const name of ['JWT_SECRET', 'SECRET_KEY'] as const) {
    const value = given[name];
    const weak = value ? weakSecretReason(name, value) : null;
    if (weak) problems.push(weak);
  }
  if (vars.SECRET_KEY_PREVIOUS) {
    if (!given.SECRET_KEY) problems.push('SECRET_KEY_PREVIOUS is only meaningful beside a new SECRET_KEY');
    else if (vars.SECRET_KEY_PREVIOUS === given.SECRET_KEY)
      problems.push('SECRET_KEY_PREVIOUS must differ from SECRET_KEY');
    const weak = weakSecretReason('SECRET_KEY', vars.SECRET_KEY_PREVIOUS);
    if (weak) problems.push(weak.replace(/^SECRET_KEY/, 'SECRET_KEY_PREVIOUS'));
  }
  if (problems.length > 0) return null;
  if (given.JWT_SECRET && given.SECRET_KEY)
    return { JWT_SECRET: given.JWT_SECRET, SECRET_KEY: given.SECRET_KEY };
  const generated = embeddedSecrets(vars.DATA_DIR);
  return {
    JWT_SECRET: given.JWT_SECRET ?? generated.JWT_SECRET,
    SECRET_KEY: given.SECRET_KEY ?? generated.SECRET_KEY,
  };
}
