import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { RevokedTokenEntity } from './revoked-token.entity';

@Injectable()
export class RevokedTokensRepository {
  constructor(@InjectRepository(RevokedTokenEntity) private readonly rows: Repository<RevokedTokenEntity>) {}

  exists(tenantId: string, jti: string): Promise<boolean> {
    return this.rows.existsBy({ tenantId, jti });
  }

  /** Idempotent: revoking twice keeps the first record. */
  async insert(tenantId: string, jti: string, revokedBy: string): Promise<void> {
    await this.rows.createQueryBuilder().insert().values({ tenantId, jti, revokedBy }).orIgnore().execute();
  }
}
