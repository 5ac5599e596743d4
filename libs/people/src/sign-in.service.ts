import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  logSafeError,
  RateLimitedException,
  RateLimiter,
  SessionCheckRegistry,
  TenantService,
  TokenService,
  type LiveSession,
  type SessionChecker,
} from '@comeback/platform';
import type { PersonEntity } from './entities/person.entity';
import { emailKey, hashOneTimeToken, newOneTimeToken } from './one-time-token';
import { PasswordHasher } from './password-hasher';
import { PeopleMailer } from './people-mailer';
import { PeopleRepository } from './people.repository';
import { actorOf, checkPassword } from './people.service';

const MINUTE_MS = 60_000;
const ACCOUNT_WINDOW_MS = 15 * MINUTE_MS;
export const SESSION_SECONDS = 8 * 3600;
const RESET_MS = 3600_000;

export type SignInResult =
  { ok: true; token: string; person: PersonEntity } | { ok: false; reason: 'invalid' | 'sso_required' };

/** Password sign-in, console sessions, password reset. Sessions are rows, checked on every request. */
@Injectable()
export class SignInService implements SessionChecker, OnModuleInit {
  private readonly logger = new Logger('SignInService');

  constructor(
    private readonly rows: PeopleRepository,
    private readonly tenants: TenantService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly mailer: PeopleMailer,
    private readonly audit: AuditService,
    private readonly registry: SessionCheckRegistry,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async check(tenantId: string, sessionId: string, personId: string): Promise<LiveSession | null> {
    const p = await this.rows.liveSession(tenantId, sessionId, personId);
    return p ? { personId: p.id, role: p.role, name: p.displayName, email: p.email } : null;
  }

  /** Per source address (every sign-in form shares it), then per account; 429 beyond either. */
  async throttle(ip: string, account?: string): Promise<void> {
    const wait = await this.limiter.tryAcquire(
      `console-login:${ip}`,
      this.config.consoleLoginAttemptsPerMinute,
      MINUTE_MS,
    );
    if (wait > 0) throw new RateLimitedException(wait);
    if (account === undefined) return;
    const waitAccount = await this.limiter.tryAcquire(
      `console-login-account:${account}`,
      this.config.consoleLoginAttemptsPerAccount,
      ACCOUNT_WINDOW_MS,
    );
    if (waitAccount > 0) throw new RateLimitedException(waitAccount);
  }

  /**
   * One answer for an unknown organisation, an unknown e-mail, a deactivated person and a wrong password, and
   * the same argon2 work in every case, so neither the answer nor its timing tells which.
   */
  async signInWithPassword(input: {
    tenant: string;
    email: string;
    password: string;
    ip: string;
  }): Promise<SignInResult> {
    const key = emailKey(input.email);
    const slug = input.tenant.trim().toLowerCase();
    await this.throttle(input.ip, `${slug}:${key}`);
    const tenant = slug ? await this.tenants.findBySlug(slug) : null;
    const person = tenant ? await this.rows.findByEmail(tenant.id, key) : null;
    const ok = await this.hasher.verify(person?.passwordHash ?? null, input.password);
    if (!tenant || !person || !ok || person.status !== 'active') return { ok: false, reason: 'invalid' };
    const sso = await this.rows.findSso(tenant.id);
    if (sso?.required) return { ok: false, reason: 'sso_required' };
    return { ok: true, token: await this.openSession(person, 'password'), person };
  }

  /** A session row and the cookie's token naming it. */
  async openSession(person: PersonEntity, method: 'password' | 'sso' | 'invitation'): Promise<string> {
    const session = await this.rows.openSession(null, {
      tenantId: person.tenantId,
      personId: person.id,
      method,
      expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000),
    });
    await this.audit.record(actorOf(person), {
      action: 'session.start',
      targetType: 'person',
      targetId: person.id,
      details: { method },
    });
    return this.tokens.mint({
      tenantId: person.tenantId,
      role: person.role,
      subject: person.id,
      name: person.displayName,
      sessionId: session.id,
      expiresInSeconds: SESSION_SECONDS,
    });
  }

  async endSession(tenantId: string, sessionId: string): Promise<void> {
    if (/^[0-9a-f-]{36}$/i.test(tenantId) && /^[0-9a-f-]{36}$/i.test(sessionId))
      await this.rows.endSession(tenantId, sessionId);
  }

  /**
   * Same outcome whether or not the e-mail belongs to someone: the mail goes out after the answer, so the
   * response time does not tell either.
   */
  async requestPasswordReset(input: { tenant: string; email: string; ip: string }): Promise<void> {
    const key = emailKey(input.email);
    const slug = input.tenant.trim().toLowerCase();
    await this.throttle(input.ip, `reset:${slug}:${key}`);
    const tenant = slug ? await this.tenants.findBySlug(slug) : null;
    const person = tenant ? await this.rows.findByEmail(tenant.id, key) : null;
    if (!tenant || !person || person.status !== 'active') return;
    const token = newOneTimeToken();
    await this.rows.insertReset({
      tenantId: tenant.id,
      personId: person.id,
      tokenHash: hashOneTimeToken(token),
      expiresAt: new Date(Date.now() + RESET_MS),
    });
    void this.mailer
      .passwordReset({
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        to: person.email,
        language: person.language,
        token,
      })
      .catch((err: unknown) => this.logger.error({ err: logSafeError(err) }, 'password reset mail not sent'));
  }

  /** Whether a reset link is still usable (for the page that asks for the new password). */
  async resetIsOpen(token: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
    return !!(await this.rows.findOpenReset(hashOneTimeToken(token)));
  }

  /** Uses the link once, sets the password and ends every session of the person. False when the link is spent. */
  async resetPassword(token: string, password: string): Promise<boolean> {
    checkPassword(password);
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
    const reset = await this.rows.findOpenReset(hashOneTimeToken(token));
    if (!reset) return false;
    const hash = await this.hasher.hash(password);
    const person = await this.rows.transaction(async (tx) => {
      if (!(await this.rows.useReset(tx, reset.id))) return null;
      const p = await this.rows.findById(reset.tenantId, reset.personId);
      if (!p || p.status !== 'active') return null;
      await this.rows.setPasswordHash(tx, reset.tenantId, reset.personId, hash);
      await this.rows.endSessionsOf(tx, reset.tenantId, reset.personId);
      return p;
    });
    if (!person) return false;
    await this.audit.record(actorOf(person), {
      action: 'person.password_reset',
      targetType: 'person',
      targetId: person.id,
    });
    return true;
  }
}
