import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { ValidationFailedException } from '../errors/app-exception';
import { RevokedTokensRepository } from './revoked-tokens.repository';

/** Bounded: at most this many answers are remembered per process (oldest dropped first). */
const CACHE_ENTRIES = 10_000;
/**
 * A "not revoked" answer is trusted this long, so a revocation made through another api process takes effect
 * there within this time (at once in the process that revoked). A "revoked" answer never changes.
 */
const NOT_REVOKED_TTL_MS = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class TokenRevocationService {
  private readonly cache = new Map<string, { revoked: boolean; at: number }>();

  constructor(
    private readonly revoked: RevokedTokensRepository,
    private readonly audit: AuditService,
  ) {}

  async isRevoked(tenantId: string, jti: string): Promise<boolean> {
    if (!UUID.test(jti)) return true; // we only mint UUIDs: anything else was not issued by us
    const key = `${tenantId}:${jti}`;
    const hit = this.cache.get(key);
    if (hit && (hit.revoked || Date.now() - hit.at < NOT_REVOKED_TTL_MS)) return hit.revoked;
    const revoked = await this.revoked.exists(tenantId, jti);
    this.remember(key, revoked);
    return revoked;
  }

  /** HR revokes one token of its own tenant (a jti of another tenant's token is recorded but affects nothing). */
  async revoke(actor: AuditActor, jti: string): Promise<void> {
    if (!UUID.test(jti)) throw new ValidationFailedException('jti must be the token id (a UUID)');
    await this.revoked.insert(actor.tenantId, jti.toLowerCase(), actor.name);
    this.remember(`${actor.tenantId}:${jti.toLowerCase()}`, true);
    await this.audit.record(actor, {
      action: 'token.revoke',
      targetType: 'token',
      targetId: jti.toLowerCase(),
    });
  }

  private remember(key: string, revoked: boolean): void {
    this.cache.delete(key);
    this.cache.set(key, { revoked, at: Date.now() });
    if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
  }
}
