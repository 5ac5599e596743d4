import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  logSafeError,
  SecretBox,
  TenantService,
  ValidationFailedException,
  type AuditActor,
} from '@comeback/platform';
import type { PersonEntity } from '../entities/person.entity';
import { emailKey } from '../one-time-token';
import { PeopleRepository } from '../people.repository';
import { PeopleService } from '../people.service';
import { SignInService } from '../sign-in.service';
import { loadOidcClient, type OidcClient } from './openid-client.loader';

type Configuration = InstanceType<OidcClient['Configuration']>;

/** A sign-in in progress lives in a sealed, HttpOnly cookie for 10 minutes: state, nonce and PKCE verifier. */
const ATTEMPT_MS = 10 * 60_000;
const COOKIE_FIELD = 'oidc_attempt';
const DISCOVERY_CACHE = 100;

interface Attempt {
  state: string;
  nonce: string;
  verifier: string;
  until: number;
  /** An invitation being accepted through SSO (its token), if any. */
  invitation?: string;
}

export type SsoResult =
  { ok: true; token: string; person: PersonEntity } | { ok: false; reason: 'failed' | 'unknown_person' };

export interface SsoSettingsInput {
  issuer: string;
  clientId: string;
  clientSecret: string;
  required: boolean;
  /** Off unless HR turns it on: see `TenantSsoEntity.trustUnverifiedEmail`. */
  trustUnverifiedEmail?: boolean;
}

export interface SsoSettings {
  issuer: string;
  clientId: string;
  required: boolean;
  trustUnverifiedEmail: boolean;
}

/**
 * Is this e-mail claim good enough to find a person by? `email_verified: true` always; a missing claim only when
 * the tenant said it trusts this provider's directory (Entra ID); `false` (or anything else) never.
 */
export function emailClaimAccepted(claims: Record<string, unknown>, trustUnverifiedEmail: boolean): boolean {
  if (typeof claims.email !== 'string' || claims.email === '') return false;
  if (claims.email_verified === true) return true;
  return trustUnverifiedEmail && claims.email_verified === undefined;
}

/**
 * Single sign-on over OpenID Connect (authorization code + PKCE, state and nonce), one provider per tenant.
 * The person is found by the provider's *verified* e-mail; nobody is created unless they hold an open invitation.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger('SsoService');
  private readonly discovered = new Map<string, { at: number; config: Promise<Configuration> }>();

  constructor(
    private readonly rows: PeopleRepository,
    private readonly tenants: TenantService,
    private readonly people: PeopleService,
    private readonly signIn: SignInService,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get redirectUri(): string {
    return `${this.config.publicBaseUrl}/console/sso/callback`;
  }

  async settings(tenantId: string): Promise<SsoSettings | null> {
    const row = await this.rows.findSso(tenantId);
    return row
      ? {
          issuer: row.issuer,
          clientId: row.clientId,
          required: row.required,
          trustUnverifiedEmail: row.trustUnverifiedEmail,
        }
      : null;
  }

  async enabledFor(tenantSlug: string): Promise<boolean> {
    const tenant = tenantSlug ? await this.tenants.findBySlug(tenantSlug.trim().toLowerCase()) : null;
    return !!tenant && !!(await this.rows.findSso(tenant.id));
  }

  /** Saves the provider after checking its discovery document answers (a typo is caught while HR is here). */
  async configure(actor: AuditActor, input: SsoSettingsInput): Promise<void> {
    let issuer: URL;
    try {
      issuer = new URL(input.issuer);
    } catch {
      throw new ValidationFailedException('issuer must be a URL', { field: 'issuer' });
    }
    if (issuer.protocol !== 'https:' && !(this.config.ssoAllowHttpIssuer && issuer.protocol === 'http:'))
      throw new ValidationFailedException('issuer must be an https:// URL', { field: 'issuer' });
    const clientId = input.clientId.trim();
    if (!clientId) throw new ValidationFailedException('clientId is required', { field: 'clientId' });
    try {
      await this.discover(issuer.href, clientId, input.clientSecret);
    } catch (err) {
      this.logger.warn({ err: logSafeError(err) }, 'OIDC discovery failed');
      throw new ValidationFailedException(
        'The issuer did not answer with an OpenID Connect discovery document',
        {
          field: 'issuer',
        },
      );
    }
    await this.rows.saveSso({
      tenantId: actor.tenantId,
      issuer: issuer.href,
      clientId,
      clientSecretSealed: this.box.seal(input.clientSecret, {
        tenantId: actor.tenantId,
        field: 'tenant_sso.client_secret',
      }),
      required: input.required,
      trustUnverifiedEmail: input.trustUnverifiedEmail ?? false,
    });
    this.discovered.delete(actor.tenantId);
    await this.audit.record(actor, {
      action: 'sso.configure',
      targetType: 'tenant',
      targetId: actor.tenantId,
      details: {
        issuer: issuer.href,
        required: input.required,
        trustUnverifiedEmail: input.trustUnverifiedEmail ?? false,
      },
    });
  }

  async remove(actor: AuditActor): Promise<void> {
    await this.rows.deleteSso(actor.tenantId);
    this.discovered.delete(actor.tenantId);
    await this.audit.record(actor, { action: 'sso.remove', targetType: 'tenant', targetId: actor.tenantId });
  }

  /** Key rotation (`secrets:rotate`): every tenant's client secret sealed again under the current key. */
  async resealAll(): Promise<{ providers: number; resealed: number }> {
    const rows = await this.rows.allSso();
    let resealed = 0;
    for (const row of rows) {
      if (!this.box.needsReseal(row.clientSecretSealed)) continue;
      const ctx = { tenantId: row.tenantId, field: 'tenant_sso.client_secret' };
      await this.rows.setSsoSecret(row.tenantId, this.box.reseal(row.clientSecretSealed, ctx));
      this.discovered.delete(row.tenantId);
      resealed += 1;
    }
    return { providers: rows.length, resealed };
  }

  /** Where to send the browser, and the cookie that remembers this attempt. Null when the tenant has no SSO. */
  async begin(tenantSlug: string, invitation?: string): Promise<{ url: string; cookie: string } | null> {
    const tenant = await this.tenants.findBySlug(tenantSlug.trim().toLowerCase());
    const row = tenant ? await this.rows.findSso(tenant.id) : null;
    if (!tenant || !row) return null;
    const oidc = await loadOidcClient();
    const config = await this.configFor(tenant.id);
    const attempt: Attempt = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      until: Date.now() + ATTEMPT_MS,
      ...(invitation ? { invitation } : {}),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
    });
    return { url: url.href, cookie: this.sealAttempt(tenant.id, attempt) };
  }

  sealAttempt(tenantId: string, attempt: Attempt): string {
    return `${tenantId}.${this.box.seal(JSON.stringify(attempt), { tenantId, field: COOKIE_FIELD })}`;
  }

  /**
   * The provider sent the browser back. Refused unless the cookie's state matches, the code exchange (PKCE)
   * succeeds, the ID token's signature, issuer, audience and nonce check out, and the e-mail is verified.
   */
  async complete(cookie: string | undefined, callbackQuery: string): Promise<SsoResult> {
    const fail = { ok: false, reason: 'failed' } as const;
    const opened = cookie ? this.openAttempt(cookie) : null;
    if (!opened || opened.attempt.until < Date.now()) return fail;
    const { tenantId, attempt } = opened;
    try {
      const oidc = await loadOidcClient();
      const config = await this.configFor(tenantId);
      const tokens = await oidc.authorizationCodeGrant(
        config,
        new URL(`${this.redirectUri}?${callbackQuery}`),
        {
          pkceCodeVerifier: attempt.verifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        },
      );
      const idToken = tokens.claims();
      if (!idToken) return fail;
      // Providers that keep profile claims out of the ID token (oidc-provider, Okta by default) give them at the
      // userinfo endpoint, bound to the ID token's subject.
      const claims =
        typeof idToken.email === 'string'
          ? idToken
          : await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
      const row = await this.rows.findSso(tenantId);
      if (!row || !emailClaimAccepted(claims, row.trustUnverifiedEmail) || typeof claims.email !== 'string')
        return fail;
      return await this.personFor(tenantId, claims.email, attempt.invitation);
    } catch (err) {
      this.logger.warn({ err: logSafeError(err) }, 'OIDC sign-in refused');
      return fail;
    }
  }

  private async personFor(tenantId: string, email: string, invitationToken?: string): Promise<SsoResult> {
    const key = emailKey(email);
    let person = await this.rows.findByEmail(tenantId, key);
    if (!person) {
      // Only someone HR invited joins through SSO, and only with the e-mail the invitation was sent to.
      const invitation = invitationToken
        ? await this.people.invitationFor(invitationToken)
        : await this.rows.findOpenInvitationFor(tenantId, key);
      if (!invitation || invitation.tenantId !== tenantId || invitation.emailKey !== key)
        return { ok: false, reason: 'unknown_person' };
      person = await this.people.acceptInvitation(invitation, { password: null });
    }
    if (!person || person.status !== 'active') return { ok: false, reason: 'unknown_person' };
    return { ok: true, token: await this.signIn.openSession(person, 'sso'), person };
  }

  private openAttempt(cookie: string): { tenantId: string; attempt: Attempt } | null {
    const dot = cookie.indexOf('.');
    const tenantId = cookie.slice(0, dot);
    if (dot < 0 || !/^[0-9a-f-]{36}$/.test(tenantId)) return null;
    try {
      const attempt = JSON.parse(
        this.box.open(cookie.slice(dot + 1), { tenantId, field: COOKIE_FIELD }),
      ) as Attempt;
      return { tenantId, attempt };
    } catch {
      return null;
    }
  }

  private async configFor(tenantId: string): Promise<Configuration> {
    const row = await this.rows.findSso(tenantId);
    if (!row) throw new Error('SSO is not configured for this tenant');
    const hit = this.discovered.get(tenantId);
    if (hit && hit.at === row.updatedAt.getTime()) return hit.config;
    const secret = this.box.open(row.clientSecretSealed, { tenantId, field: 'tenant_sso.client_secret' });
    const config = this.discover(row.issuer, row.clientId, secret);
    config.catch(() => this.discovered.delete(tenantId));
    this.discovered.set(tenantId, { at: row.updatedAt.getTime(), config });
    if (this.discovered.size > DISCOVERY_CACHE) this.discovered.delete(this.discovered.keys().next().value!);
    return config;
  }

  private async discover(issuer: string, clientId: string, secret: string): Promise<Configuration> {
    const oidc = await loadOidcClient();
    const insecure = this.config.ssoAllowHttpIssuer && issuer.startsWith('http:');
    return oidc.discovery(
      new URL(issuer),
      clientId,
      secret,
      oidc.ClientSecretPost(secret),
      insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
  }
}
