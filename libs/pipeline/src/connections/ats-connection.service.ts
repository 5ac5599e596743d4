import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AtsConnection, AtsConnectorRegistry, AtsKind } from '@comeback/ats';
import { AuditActor, AuditService, NotFoundException, SecretBox, ValidationFailedException } from '@comeback/platform';
import { Repository } from 'typeorm';
import { AtsConnectionEntity } from './ats-connection.entity';
import { WebhookSubscriptionService } from '../subscriptions/webhook-subscription.service';

export interface AtsConnectionInput {
  kind: AtsKind;
  apiBaseUrl: string;
  authUrl?: string | null;
  clientId?: string | null;
  secret: string;
  webhookSecret?: string | null;
  refreshToken?: string | null;
  actingUserId?: string | null;
  offerSalaryField?: string | null;
}

/** Decrypted connections are cached briefly: the webhook path reads one on every delivery. */
const CACHE_MS = 30_000;

@Injectable()
export class AtsConnectionService {
  private readonly cache = new Map<string, { at: number; conn: AtsConnection | null }>();

  constructor(
    @InjectRepository(AtsConnectionEntity) private readonly repo: Repository<AtsConnectionEntity>,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly subscriptions: WebhookSubscriptionService,
  ) {}

  async upsert(actor: AuditActor, input: AtsConnectionInput, webhookTargetUrl?: string): Promise<AtsConnection> {
    const connector = this.connectors.get(input.kind);
    if (!connector.webhookSigningSecret({ webhookSecret: input.webhookSecret ?? null, secret: input.secret } as AtsConnection))
      throw new ValidationFailedException(`A ${connector.displayName} connection needs webhookSecret (the signing secret set in the ATS)`);
    const existing = await this.repo.findOneBy({ tenantId: actor.tenantId, kind: input.kind });
    const entity = this.repo.merge(existing ?? this.repo.create({ tenantId: actor.tenantId, kind: input.kind }), {
      apiBaseUrl: input.apiBaseUrl.replace(/\/$/, ''),
      authUrl: input.authUrl ?? null,
      clientId: input.clientId ?? null,
      secretSealed: this.box.seal(input.secret),
      webhookSecretSealed: input.webhookSecret ? this.box.seal(input.webhookSecret) : null,
      refreshTokenSealed: input.refreshToken ? this.box.seal(input.refreshToken) : null,
      accessTokenSealed: null,
      accessTokenExpiresAt: null,
      actingUserId: input.actingUserId ?? null,
      offerSalaryField: input.offerSalaryField ?? null,
    });
    await this.repo.save(entity);
    this.cache.delete(`${actor.tenantId}:${input.kind}`);
    await this.audit.record(actor, { action: 'ats_connection.save', targetType: 'ats_connection', targetId: input.kind, details: { apiBaseUrl: entity.apiBaseUrl } });
    const conn = this.toConnection(entity);
    if (webhookTargetUrl) await this.subscriptions.subscribe(conn, webhookTargetUrl);
    return conn;
  }

  async remove(actor: AuditActor, kind: AtsKind): Promise<void> {
    const conn = await this.find(actor.tenantId, kind);
    if (!conn) throw new NotFoundException('ATS connection');
    await this.subscriptions.unsubscribe(conn);
    await this.repo.delete({ tenantId: actor.tenantId, kind });
    this.cache.delete(`${actor.tenantId}:${kind}`);
    await this.audit.record(actor, { action: 'ats_connection.delete', targetType: 'ats_connection', targetId: kind });
  }

  async find(tenantId: string, kind: AtsKind): Promise<AtsConnection | null> {
    const key = `${tenantId}:${kind}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.conn;
    const entity = await this.repo.findOneBy({ tenantId, kind });
    const conn = entity ? this.toConnection(entity) : null;
    this.cache.set(key, { at: Date.now(), conn });
    return conn;
  }

  async get(tenantId: string, kind: AtsKind): Promise<AtsConnection> {
    const conn = await this.find(tenantId, kind);
    if (!conn) throw new NotFoundException('ATS connection');
    return conn;
  }

  private toConnection(e: AtsConnectionEntity): AtsConnection {
    return {
      tenantId: e.tenantId,
      kind: e.kind as AtsKind,
      apiBaseUrl: e.apiBaseUrl,
      authUrl: e.authUrl,
      clientId: e.clientId,
      secret: this.box.open(e.secretSealed),
      webhookSecret: e.webhookSecretSealed ? this.box.open(e.webhookSecretSealed) : null,
      refreshToken: e.refreshTokenSealed ? this.box.open(e.refreshTokenSealed) : null,
      actingUserId: e.actingUserId,
      offerSalaryField: e.offerSalaryField,
    };
  }
}
