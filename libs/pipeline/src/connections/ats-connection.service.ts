import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  asAtsKind,
  AtsConnection,
  AtsConnectorRegistry,
  AtsKind,
  ConnectionCheckItem,
  connectionUrlProblem,
  explicitWebhookSecrets,
} from '@comeback/ats';
import {
  APP_CONFIG,
  AppException,
  type AppConfig,
  AuditActor,
  AuditService,
  ChangeNotifier,
  ErrorCode,
  LruCache,
  NotFoundException,
  SecretBox,
  ValidationFailedException,
} from '@comeback/platform';
import { WebhookSubscriptionService } from '../subscriptions/webhook-subscription.service';
import { sealContext } from './seal-context';
import type { AtsConnectionEntity } from './ats-connection.entity';
import { AtsConnectionRepository } from './ats-connection.repository';

export interface AtsConnectionInput {
  kind: AtsKind;
  apiBaseUrl: string;
  authUrl?: string | null;
  clientId?: string | null;
  secret: string;
  webhookSecret?: string | null;
  /** More signing secrets (Greenhouse: one webhook per event, each with its own secret key). */
  webhookSecrets?: readonly string[] | null;
  refreshToken?: string | null;
  actingUserId?: string | null;
  offerSalaryField?: string | null;
}

/**
 * Decrypted connections are cached briefly: the webhook path reads one on every delivery. Bounded (LRU), and
 * only found connections are kept: a miss is keyed by whatever tenant id a stranger put in a webhook URL. A saved,
 * removed or re-sealed connection is dropped from every process's cache at once (a change notice); the expiry is
 * the safety net for a notice lost while Redis was away.
 */
const CACHE_MS = 30_000;
/** Change-notice topic: the key is `<tenant>:<kind>`. */
const CONNECTION_CHANGED = 'ats-connection';
/** The test delivery goes to our own public URL: it answers at once or something is wrong. */
const WEBHOOK_CHECK_TIMEOUT_MS = 5_000;
const CACHE_MAX_ENTRIES = 1_000;

@Injectable()
export class AtsConnectionService implements OnModuleInit {
  private readonly logger = new Logger(AtsConnectionService.name);
  private readonly cache = new LruCache<string, AtsConnection>(CACHE_MAX_ENTRIES, CACHE_MS);
  /**
   * Bumped by every change notice: a read that started before a notice does not cache what it read (it may be
   * the row as it was before the change).
   */
  private generation = 0;

  constructor(
    private readonly repo: AtsConnectionRepository,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly subscriptions: WebhookSubscriptionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ChangeNotifier) private readonly changes: ChangeNotifier,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.changes.subscribe(CONNECTION_CHANGED, (key) => {
      this.generation++;
      this.cache.delete(key);
    });
  }

  /** Drops the connection from this process's cache and tells every other process to do the same. */
  private async changed(tenantId: string, kind: string): Promise<void> {
    const key = `${tenantId}:${kind}`;
    this.generation++;
    this.cache.delete(key);
    // Saved already: a notice that cannot be sent leaves the other processes on their copy until it expires.
    await this.changes
      .publish(CONNECTION_CHANGED, key)
      .catch((err: Error) =>
        this.logger.warn({ tenantId, kind, err: err.message }, 'connection change notice not sent'),
      );
  }

  async upsert(
    actor: AuditActor,
    input: AtsConnectionInput,
    webhookTargetUrl?: string,
  ): Promise<AtsConnection> {
    this.assertAllowedUrls(input);
    const connector = this.connectors.get(input.kind);
    const webhookSecrets = explicitWebhookSecrets({
      webhookSecret: input.webhookSecret ?? null,
      webhookSecrets: input.webhookSecrets ?? [],
    });
    // Greenhouse answers reads only for a Site Admin, and both ATSs refuse writes without a valid author: a
    // connection whose token or acting user the ATS refuses would fail every job, so it is not saved at all.
    const candidate: AtsConnection = {
      tenantId: actor.tenantId,
      kind: input.kind,
      apiBaseUrl: input.apiBaseUrl.replace(/\/$/, ''),
      authUrl: input.authUrl ?? null,
      clientId: input.clientId ?? null,
      secret: input.secret,
      webhookSecret: webhookSecrets[0] ?? null,
      webhookSecrets,
      refreshToken: input.refreshToken ?? null,
      actingUserId: input.actingUserId ?? null,
      offerSalaryField: input.offerSalaryField ?? null,
    };
    if (!connector.webhookSigningSecret(candidate))
      throw new ValidationFailedException(
        `A ${connector.displayName} connection needs webhookSecret (the signing secret set in the ATS)`,
      );
    const refused = (await connector.checkIdentity(candidate)).filter(
      // Blocking only what the ATS answered with a refusal; an ATS that did not answer is left to the check.
      (i) =>
        (i.check === 'credentials' || i.check === 'acting_user') && i.status === 'fail' && !i.unreachable,
    );
    if (refused.length > 0) {
      throw new AppException(ErrorCode.AtsConnectionRefused, refused.map((i) => i.message.en).join(' '), {
        items: refused,
      });
    }
    const entity = await this.repo.upsert(actor.tenantId, input.kind, {
      apiBaseUrl: candidate.apiBaseUrl,
      authUrl: candidate.authUrl,
      clientId: candidate.clientId,
      secretSealed: this.box.seal(input.secret, sealContext(actor.tenantId, input.kind, 'secret')),
      webhookSecretsSealed: webhookSecrets.map((w) =>
        this.box.seal(w, sealContext(actor.tenantId, input.kind, 'webhook_secret')),
      ),
      refreshTokenSealed: input.refreshToken
        ? this.box.seal(input.refreshToken, sealContext(actor.tenantId, input.kind, 'refresh_token'))
        : null,
      accessTokenSealed: null,
      accessTokenExpiresAt: null,
      actingUserId: candidate.actingUserId,
      offerSalaryField: candidate.offerSalaryField,
    });
    await this.changed(actor.tenantId, input.kind);
    await this.audit.record(actor, {
      action: 'ats_connection.save',
      targetType: 'ats_connection',
      targetId: input.kind,
      details: { apiBaseUrl: entity.apiBaseUrl, webhookSecrets: webhookSecrets.length },
    });
    const conn = this.toConnection(entity);
    if (webhookTargetUrl) await this.subscriptions.subscribe(conn, webhookTargetUrl);
    return conn;
  }

  async remove(actor: AuditActor, kind: AtsKind): Promise<void> {
    const conn = await this.find(actor.tenantId, kind);
    if (!conn) throw new NotFoundException('ATS connection');
    await this.subscriptions.unsubscribe(conn);
    await this.repo.delete(actor.tenantId, kind);
    await this.changed(actor.tenantId, kind);
    await this.audit.record(actor, {
      action: 'ats_connection.delete',
      targetType: 'ats_connection',
      targetId: kind,
    });
  }

  /**
   * The connection check HR runs after saving: the ATS's own items (token, acting user, read scopes, a job's
   * stages), then a delivery signed with the stored secret, posted to our public webhook URL, must be accepted.
   */
  async check(
    actor: AuditActor,
    kind: AtsKind,
    webhookUrl: string,
  ): Promise<{ kind: AtsKind; ok: boolean; items: ConnectionCheckItem[] }> {
    const conn = await this.get(actor.tenantId, kind);
    const connector = this.connectors.get(kind);
    const items = await connector.checkConnection(conn);
    items.push(await this.checkWebhookDelivery(connector.testDelivery(conn), webhookUrl));
    const ok = items.every((i) => i.status !== 'fail');
    await this.audit.record(actor, {
      action: 'ats_connection.check',
      targetType: 'ats_connection',
      targetId: kind,
      details: { ok, failed: items.filter((i) => i.status === 'fail').map((i) => i.check) },
    });
    return { kind, ok, items };
  }

  private async checkWebhookDelivery(
    delivery: { rawBody: Buffer; headers: Record<string, string | string[] | undefined> },
    url: string,
  ): Promise<ConnectionCheckItem> {
    const headers = Object.fromEntries(
      Object.entries(delivery.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    let status = 0;
    try {
      status = (
        await fetch(url, {
          method: 'POST',
          headers,
          body: delivery.rawBody,
          signal: AbortSignal.timeout(WEBHOOK_CHECK_TIMEOUT_MS),
        })
      ).status;
    } catch {
      status = 0;
    }
    if (status === 200) {
      return {
        check: 'webhook_delivery',
        status: 'pass',
        message: {
          en: `A signed test delivery to ${url} was accepted.`,
          ja: `${url} への署名付きテスト配信が受け付けられました。`,
        },
      };
    }
    return {
      check: 'webhook_delivery',
      status: 'fail',
      message:
        status === 401
          ? {
              en: `Our endpoint refused a delivery signed with the stored webhook secret: save the secret the ATS signs with.`,
              ja: '保存された Webhook シークレットで署名した配信が拒否されました。ATS が署名に使うシークレットを保存してください。',
            }
          : {
              en: `${url} did not answer 200 (${status ? `HTTP ${status}` : 'unreachable'}): check PUBLIC_BASE_URL and the network path from the ATS.`,
              ja: `${url} が 200 を返しませんでした（${status ? `HTTP ${status}` : '到達不能'}）。PUBLIC_BASE_URL と ATS からの経路を確認してください。`,
            },
    };
  }

  async find(tenantId: string, kind: AtsKind): Promise<AtsConnection | null> {
    const key = `${tenantId}:${kind}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const generation = this.generation;
    const entity = await this.repo.find(tenantId, kind);
    if (!entity) return null;
    const conn = this.toConnection(entity);
    if (generation === this.generation) this.cache.set(key, conn);
    return conn;
  }

  async get(tenantId: string, kind: AtsKind): Promise<AtsConnection> {
    const conn = await this.find(tenantId, kind);
    if (!conn) throw new NotFoundException('ATS connection');
    return conn;
  }

  /** Outbound calls go only to the vendor's hosts (or the operator's ATS_ALLOWED_HOSTS): refused before saving. */
  private assertAllowedUrls(input: AtsConnectionInput): void {
    const vendorHosts = this.connectors.get(input.kind).allowedHostPatterns();
    const problems = (
      [
        ['apiBaseUrl', input.apiBaseUrl],
        ['authUrl', input.authUrl],
      ] as const
    ).flatMap(([field, url]) => {
      const problem = url ? connectionUrlProblem(url, vendorHosts, this.config.atsAllowedHosts) : null;
      return problem ? [{ field, problem }] : [];
    });
    if (problems.length) throw new ValidationFailedException('The ATS address is not allowed', { problems });
  }

  /**
   * Key rotation (`secrets:rotate`): every sealed value not yet under the current key (or still in the old
   * format without key id and associated data) is opened and sealed again. Idempotent; returns the counts.
   */
  async resealAll(): Promise<{ connections: number; resealed: number }> {
    let resealed = 0;
    const rows = await this.repo.listAll();
    for (const e of rows) {
      const secretCtx = sealContext(e.tenantId, e.kind, 'secret');
      const webhookCtx = sealContext(e.tenantId, e.kind, 'webhook_secret');
      const webhookStale = e.webhookSecretsSealed.some((w) => this.box.needsReseal(w));
      if (!this.box.needsReseal(e.secretSealed) && !webhookStale) continue;
      await this.repo.updateSealed(e.id, {
        secretSealed: this.box.needsReseal(e.secretSealed)
          ? this.box.reseal(e.secretSealed, secretCtx)
          : e.secretSealed,
        webhookSecretsSealed: e.webhookSecretsSealed.map((w) =>
          this.box.needsReseal(w) ? this.box.reseal(w, webhookCtx) : w,
        ),
      });
      await this.changed(e.tenantId, e.kind);
      resealed += 1;
    }
    return { connections: rows.length, resealed };
  }

  private toConnection(e: AtsConnectionEntity): AtsConnection {
    const webhookSecrets = e.webhookSecretsSealed.map((w) =>
      this.box.open(w, sealContext(e.tenantId, e.kind, 'webhook_secret')),
    );
    return {
      tenantId: e.tenantId,
      kind: asAtsKind(e.kind),
      apiBaseUrl: e.apiBaseUrl,
      authUrl: e.authUrl,
      clientId: e.clientId,
      secret: this.box.open(e.secretSealed, sealContext(e.tenantId, e.kind, 'secret')),
      webhookSecret: webhookSecrets[0] ?? null,
      webhookSecrets,
      refreshToken: e.refreshTokenSealed
        ? this.box.open(e.refreshTokenSealed, sealContext(e.tenantId, e.kind, 'refresh_token'))
        : null,
      actingUserId: e.actingUserId,
      offerSalaryField: e.offerSalaryField,
    };
  }
}
