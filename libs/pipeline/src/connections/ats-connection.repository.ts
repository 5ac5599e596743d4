import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AtsConnectionEntity } from './ats-connection.entity';

export type AtsConnectionFields = Pick<
  AtsConnectionEntity,
  | 'apiBaseUrl'
  | 'authUrl'
  | 'clientId'
  | 'secretSealed'
  | 'webhookSecretsSealed'
  | 'refreshTokenSealed'
  | 'accessTokenSealed'
  | 'accessTokenExpiresAt'
  | 'actingUserId'
  | 'offerSalaryField'
>;

@Injectable()
export class AtsConnectionRepository {
  constructor(
    @InjectRepository(AtsConnectionEntity) private readonly repo: Repository<AtsConnectionEntity>,
  ) {}

  find(tenantId: string, kind: string): Promise<AtsConnectionEntity | null> {
    return this.repo.findOneBy({ tenantId, kind });
  }

  /** Creates the tenant's connection of this kind or overwrites its fields; returns the saved row. */
  async upsert(tenantId: string, kind: string, fields: AtsConnectionFields): Promise<AtsConnectionEntity> {
    const existing = await this.repo.findOneBy({ tenantId, kind });
    const entity = this.repo.merge(existing ?? this.repo.create({ tenantId, kind }), fields);
    await this.repo.save(entity);
    return entity;
  }

  listAll(): Promise<AtsConnectionEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC' } });
  }

  async updateSealed(
    id: string,
    sealed: Pick<AtsConnectionEntity, 'secretSealed' | 'webhookSecretsSealed'>,
  ): Promise<void> {
    await this.repo.update({ id }, sealed);
  }

  async delete(tenantId: string, kind: string): Promise<void> {
    await this.repo.delete({ tenantId, kind });
  }
}
