import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppException, ErrorCode, NotFoundException } from '../errors/app-exception';
import { TenantEntity, TenantSettings } from './tenant.entity';

@Injectable()
export class TenantService {
  constructor(@InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>) {}

  async create(input: { slug: string; name: string; settings?: TenantSettings }): Promise<TenantEntity> {
    if (await this.tenants.existsBy({ slug: input.slug })) {
      throw new AppException(ErrorCode.Conflict, `A tenant with slug "${input.slug}" already exists`);
    }
    return this.tenants.save(this.tenants.create({ slug: input.slug, name: input.name, settings: input.settings ?? {} }));
  }

  async findBySlug(slug: string): Promise<TenantEntity | null> {
    return this.tenants.findOneBy({ slug });
  }

  async get(id: string): Promise<TenantEntity> {
    const t = await this.tenants.findOneBy({ id });
    if (!t) throw new NotFoundException('Tenant');
    return t;
  }

  async updateSettings(id: string, patch: Partial<TenantSettings>): Promise<TenantEntity> {
    const t = await this.get(id);
    t.settings = { ...t.settings, ...patch };
    return this.tenants.save(t);
  }
}
