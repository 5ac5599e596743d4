import { Inject, Injectable } from '@nestjs/common';
import { asAtsKind, AtsConnection, AtsConnectorRegistry, AtsKind, connectionUrlProblem } from '@comeback/ats';
import {
  APP_CONFIG,
  type AppConfig,
  AuditActor,
  AuditService,
  LruCache,
  NotFoundException,
  SecretBox,
  ValidationFailedException,
} from '@comeback/platform';
import type { AtsConnectionEntity } from './ats-connection.entity';
import { AtsConnectionRepository } from './ats-connection.repository';

export interface AtsConnectionInput {
  kind: AtsKind;
  apiBaseUrl: string;
  authUrl?: string | null;
  clientId?: string | null;
  secret: string;
  webhookSecret: string;
  actingUserId?: string | null;
  offerSalaryField?: string | null;
}

/**
 * Decrypted connections are cached briefly: the webhook path reads one on every delivery. Bounded (LRU), and
 * only found connections are kept: a miss is keyed by whatever tenant id a stranger put in a webhook URL.
 */
const CACHE_MS = 30_000;
const CACHE_MAX_ENTRIES = 1_000;

@Injectable()
export class AtsConnectionService {
  private readonly cache = new LruCache<string, AtsConnection>(CACHE_MAX_ENTRIES, CACHE_MS);

  constructor(
    private readonly repo: AtsConnectionRepository,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly connectors: AtsConnectorRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upsert(
    actor: AuditActor,
    input: AtsConnectionInput,
    webhookTargetUrl?: string,
  ): Promise<AtsConnection> {
    this.assertAllowedUrls(input);
    const entity = await this.repo.upsert(actor.tenantId, input.kind, {
      apiBaseUrl: input.apiBaseUrl.replace(/\/$/, ''),
      authUrl: input.authUrl ?? null,
      clientId: input.clientId ?? null,
      secretSealed: this.box.seal(input.secret),
      webhookSecretSealed: this.box.seal(input.webhookSecret),
      actingUserId: input.actingUserId ?? null,
      offerSalaryField: input.offerSalaryField ?? null,
    });
    this.cache.delete(`${actor.tenantId}:${input.kind}`);
    await this.audit.record(actor, {
      action: 'ats_connection.save',
      targetType: 'ats_connection',
      targetId: input.kind,
      details: { apiBaseUrl: entity.apiBaseUrl },
    });
    const conn = this.toConnection(entity);
    if (webhookTargetUrl) await this.connectors.get(input.kind).subscribeWebhooks(conn, webhookTargetUrl);
    return conn;
  }

  async remove(actor: AuditActor, kind: AtsKind): Promise<void> {
    const conn = await this.find(actor.tenantId, kind);
    if (!conn) throw new NotFoundException('ATS connection');
    await this.connectors.get(kind).unsubscribeWebhooks(conn);
    await this.repo.delete(actor.tenantId, kind);
    this.cache.delete(`${actor.tenantId}:${kind}`);
    await this.audit.record(actor, {
      action: 'ats_connection.delete',
      targetType: 'ats_connection',
      targetId: kind,
    });
  }

  async find(tenantId: string, kind: AtsKind): Promise<AtsConnection | null> {
    const key = `${tenantId}:${kind}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const entity = await this.repo.find(tenantId, kind);
    if (!entity) return null;
    const conn = this.toConnection(entity);
    this.cache.set(key, conn);
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

  private toConnection(e: AtsConnectionEntity): AtsConnection {
    return {
      tenantId: e.tenantId,
      kind: asAtsKind(e.kind),
      apiBaseUrl: e.apiBaseUrl,
      authUrl: e.authUrl,
      clientId: e.clientId,
      secret: this.box.open(e.secretSealed),
      webhookSecret: this.box.open(e.webhookSecretSealed),
      actingUserId: e.actingUserId,
      offerSalaryField: e.offerSalaryField,
    };
  }
}
