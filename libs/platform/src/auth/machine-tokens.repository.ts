import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MachineTokenEntity } from './machine-token.entity';

export interface MachineTokenRow extends MachineTokenEntity {
  revoked: boolean;
}

@Injectable()
export class MachineTokensRepository {
  constructor(@InjectRepository(MachineTokenEntity) private readonly rows: Repository<MachineTokenEntity>) {}

  async insert(row: Omit<MachineTokenEntity, 'createdAt'>): Promise<void> {
    await this.rows.insert(row);
  }

  /** Newest first, with whether each was revoked. */
  async list(tenantId: string): Promise<MachineTokenRow[]> {
    const raw: Record<string, unknown>[] = await this.rows.query(
      `SELECT t.jti, t.tenant_id, t.name, t.role, t.created_by, t.created_at, t.expires_at,
              (r.jti IS NOT NULL) AS revoked
         FROM machine_tokens t LEFT JOIN revoked_tokens r ON r.tenant_id = t.tenant_id AND r.jti = t.jti
        WHERE t.tenant_id = $1 ORDER BY t.created_at DESC LIMIT 500`,
      [tenantId],
    );
    return raw.map((r) => ({
      jti: r.jti as string,
      tenantId: r.tenant_id as string,
      name: r.name as string,
      role: r.role as string,
      createdBy: r.created_by as string,
      createdAt: r.created_at as Date,
      expiresAt: r.expires_at as Date,
      revoked: r.revoked as boolean,
    }));
  }
}
