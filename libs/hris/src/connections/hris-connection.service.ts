import { Inject, Injectable } from '@nestjs/common';
import { connectionUrlProblem } from '@comeback/ats';
import {
  APP_CONFIG,
  AppConfig,
  AuditActor,
  AuditService,
  SecretBox,
  ValidationFailedException,
  type SealContext,
} from '@comeback/platform';
import {
  HRIS_CONNECTORS,
  type HrisConnectionSecrets,
  type HrisConnector,
  type HrisKind,
} from '../hris-connector.port';
import type { HrisConnectionViewDto, SaveHrisConnectionDto } from './hris-connection.dto';
import { HrisConnectionRepository } from './hris-connection.repository';

/** Binds a sealed value to its tenant, HR system and column: a value copied anywhere else does not open. */
export function hrisSealContext(
  tenantId: string,
  kind: string,
  column: 'access_token' | 'webhook_token',
): SealContext {
  return { tenantId, field: `hris_connections.${kind}.${column}` };
}

@Injectable()
export class HrisConnectionService {
  constructor(
    private readonly repo: HrisConnectionRepository,
    private readonly box: SecretBox,
    private readonly audit: AuditService,
    @Inject(HRIS_CONNECTORS) private readonly connectors: HrisConnector[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  connector(kind: HrisKind): HrisConnector {
    const c = this.connectors.find((x) => x.kind === kind);
    if (!c) throw new ValidationFailedException(`Unknown HR system ${kind}`);
    return c;
  }

  /** The URL must point at the vendor's hosts (or one the operator named); the token must read a page. */
  async save(actor: AuditActor, kind: HrisKind, dto: SaveHrisConnectionDto): Promise<HrisConnectionViewDto> {
    const connector = this.connector(kind);
    const problem = connectionUrlProblem(dto.apiBaseUrl, connector.vendorHosts, this.config.atsAllowedHosts);
    if (problem) throw new ValidationFailedException(`apiBaseUrl: ${problem}`, { field: 'apiBaseUrl' });
    const secrets: HrisConnectionSecrets = {
      tenantId: actor.tenantId,
      kind,
      apiBaseUrl: dto.apiBaseUrl,
      accessToken: dto.accessToken,
      webhookToken: dto.webhookToken,
    };
    await connector.check(secrets);
    await this.repo.upsert({
      tenantId: actor.tenantId,
      kind,
      apiBaseUrl: dto.apiBaseUrl,
      accessTokenSealed: this.box.seal(
        dto.accessToken,
        hrisSealContext(actor.tenantId, kind, 'access_token'),
      ),
      webhookTokenSealed: this.box.seal(
        dto.webhookToken,
        hrisSealContext(actor.tenantId, kind, 'webhook_token'),
      ),
    });
    await this.audit.record(actor, {
      action: 'hris.connection.save',
      targetType: 'hris_connection',
      targetId: kind,
    });
    return this.view(actor.tenantId, kind) as Promise<HrisConnectionViewDto>;
  }

  async view(tenantId: string, kind: HrisKind): Promise<HrisConnectionViewDto | null> {
    const row = await this.repo.find(tenantId, kind);
    return row
      ? { kind: row.kind, apiBaseUrl: row.apiBaseUrl, updatedAt: row.updatedAt.toISOString() }
      : null;
  }

  async secrets(tenantId: string, kind: HrisKind): Promise<HrisConnectionSecrets | null> {
    const row = await this.repo.find(tenantId, kind);
    if (!row) return null;
    return {
      tenantId,
      kind,
      apiBaseUrl: row.apiBaseUrl,
      accessToken: this.box.open(row.accessTokenSealed, hrisSealContext(tenantId, kind, 'access_token')),
      webhookToken: this.box.open(row.webhookTokenSealed, hrisSealContext(tenantId, kind, 'webhook_token')),
    };
  }

  /** Key rotation (`secrets:rotate`): values not sealed under the current key are sealed again. Idempotent. */
  async resealAll(): Promise<{ connections: number; resealed: number }> {
    const rows = await this.repo.all();
    let resealed = 0;
    for (const r of rows) {
      const stale = this.box.needsReseal(r.accessTokenSealed) || this.box.needsReseal(r.webhookTokenSealed);
      if (!stale) continue;
      await this.repo.updateSealed(r.id, {
        accessTokenSealed: this.box.reseal(
          r.accessTokenSealed,
          hrisSealContext(r.tenantId, r.kind, 'access_token'),
        ),
        webhookTokenSealed: this.box.reseal(
          r.webhookTokenSealed,
          hrisSealContext(r.tenantId, r.kind, 'webhook_token'),
        ),
      });
      resealed++;
    }
    return { connections: rows.length, resealed };
  }

  async all(): Promise<{ tenantId: string; kind: string }[]> {
    return (await this.repo.all()).map((r) => ({ tenantId: r.tenantId, kind: r.kind }));
  }
}
