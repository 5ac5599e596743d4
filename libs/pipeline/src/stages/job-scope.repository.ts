import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { JobScopeCacheEntity } from './job-scope.entity';

type JobKey = { tenantId: string; ats: string; jobId: string };

@Injectable()
export class JobScopeRepository {
  constructor(
    @InjectRepository(JobScopeCacheEntity) private readonly cache: Repository<JobScopeCacheEntity>,
  ) {}

  findCached(key: JobKey): Promise<JobScopeCacheEntity | null> {
    return this.cache.findOneBy(key);
  }

  async saveCached(key: JobKey, department: string | null, fetchedAt: Date): Promise<void> {
    await this.cache.upsert({ ...key, department, fetchedAt }, ['tenantId', 'ats', 'jobId']);
  }
}
