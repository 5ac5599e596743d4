import { Injectable } from '@nestjs/common';
import { AppException, ErrorCode, NotFoundException } from '../errors/app-exception';
import type { TenantEntity, TenantSettings } from './tenant.entity';
import { TenantRepository } from './tenant.repository';

@Injectable()
export class TenantService {
  constructor(private readonly tenants: TenantRepository) {}

  async create(input: { slug: string; name: string; settings?: TenantSettings }): Promise<TenantEntity> {
    if (await this.tenants.existsBySlug(input.slug)) {
      throw new AppException(ErrorCode.Conflict, `A tenant with slug "${input.slug}" already exists`);
    }
    return this.tenants.insert({ slug: input.slug, name: input.name, settings: input.settings ?? {} });
  }

  async findBySlug(slug: string): Promise<TenantEntity | null> {
    return this.tenants.findBySlug(slug);
  }

  async get(id: string): Promise<TenantEntity> {
    const t = await this.tenants.findById(id);
    if (!t) throw new NotFoundException('Tenant');
    return t;
  }

  /** Every tenant's id (for per-tenant housekeeping such as retention). */
  async allIds(): Promise<string[]> {
    return this.tenants.allIds();
  }

  async updateSettings(id: string, patch: Partial<TenantSettings>): Promise<TenantEntity> {
    const t = await this.get(id);
    t.settings = { ...t.settings, ...patch };
    return this.tenants.save(t);
  }
}
