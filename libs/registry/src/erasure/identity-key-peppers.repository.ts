import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IdentityKeyPepperEntity } from './identity-key-pepper.entity';

/** All SQL of the per-tenant suppression peppers. */
@Injectable()
export class IdentityKeyPeppersRepository {
  constructor(
    @InjectRepository(IdentityKeyPepperEntity) private readonly rows: Repository<IdentityKeyPepperEntity>,
  ) {}

  async find(tenantId: string): Promise<string | null> {
    return (await this.rows.findOneBy({ tenantId }))?.pepperSealed ?? null;
  }

  /** Stores the pepper unless the tenant has one (two processes may race); returns the one that is stored. */
  async insertIfAbsent(tenantId: string, pepperSealed: string): Promise<string> {
    await this.rows.query(
      'INSERT INTO identity_key_peppers (tenant_id, pepper_sealed) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING',
      [tenantId, pepperSealed],
    );
    const stored = await this.find(tenantId);
    if (stored === null) throw new Error('identity key pepper vanished after insert');
    return stored;
  }

  all(): Promise<IdentityKeyPepperEntity[]> {
    return this.rows.find({ order: { createdAt: 'ASC' } });
  }

  async update(tenantId: string, pepperSealed: string): Promise<void> {
    await this.rows.update({ tenantId }, { pepperSealed });
  }
}
