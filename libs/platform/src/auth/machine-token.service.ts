import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { ValidationFailedException } from '../errors/app-exception';
import { MachineTokensRepository, type MachineTokenRow } from './machine-tokens.repository';
import type { Role } from './principal';
import { TokenRevocationService } from './token-revocation.service';
import { TokenService } from './token.service';

const MAX_DAYS = 366;

/** Named machine tokens: minted once (the secret is shown only then), listed by name, revoked by jti. */
@Injectable()
export class MachineTokenService {
  constructor(
    private readonly tokens: TokenService,
    private readonly rows: MachineTokensRepository,
    private readonly revocations: TokenRevocationService,
    private readonly audit: AuditService,
  ) {}

  async create(
    actor: AuditActor,
    input: { name: string; role: Role; expiresInDays?: number },
  ): Promise<{ token: string; jti: string; expiresAt: Date }> {
    const name = input.name.trim();
    if (!name) throw new ValidationFailedException('A token needs a name (who or what uses it)');
    const days = input.expiresInDays ?? 90;
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
      throw new ValidationFailedException(`expiresInDays must be 1–${MAX_DAYS}`);
    const { token, jti } = this.tokens.mintWithId({
      tenantId: actor.tenantId,
      role: input.role,
      subject: `token:${name}`,
      name,
      expiresInSeconds: days * 86400,
    });
    const expiresAt = new Date(Date.now() + days * 86400_000);
    await this.rows.insert({
      jti,
      tenantId: actor.tenantId,
      name,
      role: input.role,
      createdBy: actor.name,
      expiresAt,
    });
    await this.audit.record(actor, {
      action: 'token.create',
      targetType: 'token',
      targetId: jti,
      details: { name, role: input.role },
    });
    return { token, jti, expiresAt };
  }

  list(tenantId: string): Promise<MachineTokenRow[]> {
    return this.rows.list(tenantId);
  }

  revoke(actor: AuditActor, jti: string): Promise<void> {
    return this.revocations.revoke(actor, jti);
  }
}
