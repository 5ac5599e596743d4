import { Injectable } from '@nestjs/common';
import { asAtsKind, AtsConnection, AtsConnectorRegistry, AtsKind } from '@comeback/ats';
import { AuditActor, AuditService, NotFoundException, SecretBox } from '@comeback/platform';
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

/** Decrypted connections are cached briefly: the webhook path reads one on every delivery. */
const CACHE_MS = 30_000;

@Injectable()
export class AtsConnectionService {
  private readonly cache = new Map<string, { at: number; conn: AtsConnection | null }>();

  constructor(
    private readonly repo: AtsConnectionRepository,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    private readonly connectors: AtsConnectorRegistry,
  ) {}

  async upsert(
    actor: AuditActor,
    input: AtsConnectionInput,
    webhookTargetUrl?: string,
  ): Promise<AtsConnection> {
    const entity = await this.repo.upsert(actor.tenantId, input.kind, {
      apiBaseUrl: input.apiBaseUrl.replace(/\/$/, ''),
      authUrl: input.authUrl ?? null,
      clientId: input.clientId ?? null,
      secretSealed: this.box.seal(input.secret, sealContext(actor.tenantId, input.kind, 'secret')),
      webhookSecretSealed: this.box.seal(
        input.webhookSecret,
        sealContext(actor.tenantId, input.kind, 'webhook_secret'),
      ),
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
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.conn;
    const entity = await this.repo.find(tenantId, kind);
    const conn = entity ? this.toConnection(entity) : null;
    this.cache.set(key, { at: Date.now(), conn });
    return conn;
  }

  async get(tenantId: string, kind: AtsKind): Promise<AtsConnection> {
    const conn = await this.find(tenantId, kind);
    if (!conn) throw new NotFoundException('ATS connection');
    return conn;
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
      if (!this.box.needsReseal(e.secretSealed) && !this.box.needsReseal(e.webhookSecretSealed)) continue;
      await this.repo.updateSealed(e.id, {
        secretSealed: this.box.needsReseal(e.secretSealed)
          ? this.box.reseal(e.secretSealed, secretCtx)
          : e.secretSealed,
        webhookSecretSealed: this.box.needsReseal(e.webhookSecretSealed)
          ? this.box.reseal(e.webhookSecretSealed, webhookCtx)
          : e.webhookSecretSealed,
      });
      this.cache.delete(`${e.tenantId}:${e.kind}`);
      resealed += 1;
    }
    return { connections: rows.length, resealed };
  }

  private toConnection(e: AtsConnectionEntity): AtsConnection {
    return {
      tenantId: e.tenantId,
      kind: asAtsKind(e.kind),
      apiBaseUrl: e.apiBaseUrl,
      authUrl: e.authUrl,
      clientId: e.clientId,
      secret: this.box.open(e.secretSealed, sealContext(e.tenantId, e.kind, 'secret')),
      webhookSecret: this.box.open(e.webhookSecretSealed, sealContext(e.tenantId, e.kind, 'webhook_secret')),
      actingUserId: e.actingUserId,
      offerSalaryField: e.offerSalaryField,
    };
  }
}

/** Binds a sealed value to its tenant, ATS and column: a value copied anywhere else does not open. */
function sealContext(
  tenantId: string,
  kind: string,
  column: 'secret' | 'webhook_secret',
): { tenantId: string; field: string } {
  return { tenantId, field: `ats_connections.${kind}.${column}` };
}
