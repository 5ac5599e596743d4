import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantEntity, TenantSettings } from './tenant.entity';

@Injectable()
export class TenantRepository {
  constructor(@InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>) {}

  existsBySlug(slug: string): Promise<boolean> {
    return this.tenants.existsBy({ slug });
  }

  insert(input: { slug: string; name: string; settings: TenantSettings }): Promise<TenantEntity> {
    return this.tenants.save(this.tenants.create(input));
  }

  findBySlug(slug: string): Promise<TenantEntity | null> {
    return this.tenants.findOneBy({ slug });
  }

  findById(id: string): Promise<TenantEntity | null> {
    return this.tenants.findOneBy({ id });
  }

  async allIds(): Promise<string[]> {
    return (await this.tenants.find({ select: { id: true }, order: { createdAt: 'ASC' } })).map((t) => t.id);
  }

  save(tenant: TenantEntity): Promise<TenantEntity> {
    return this.tenants.save(tenant);
  }
}
