import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HrisConnectionEntity } from './hris-connection.entity';

@Injectable()
export class HrisConnectionRepository {
  constructor(
    @InjectRepository(HrisConnectionEntity) private readonly repo: Repository<HrisConnectionEntity>,
  ) {}

  find(tenantId: string, kind: string): Promise<HrisConnectionEntity | null> {
    return this.repo.findOneBy({ tenantId, kind });
  }

  all(): Promise<HrisConnectionEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC' } });
  }

  async updateSealed(
    id: string,
    sealed: Pick<HrisConnectionEntity, 'accessTokenSealed' | 'webhookTokenSealed'>,
  ): Promise<void> {
    await this.repo.update(id, sealed);
  }

  async upsert(
    row: Pick<
      HrisConnectionEntity,
      'tenantId' | 'kind' | 'apiBaseUrl' | 'accessTokenSealed' | 'webhookTokenSealed'
    >,
  ): Promise<void> {
    await this.repo.upsert(row, ['tenantId', 'kind']);
  }
}
