import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AtsStage } from '@comeback/ats';
import { Repository } from 'typeorm';
import { JobStageCacheEntity, JobStageMappingEntity } from './job-stage.entity';

type JobKey = { tenantId: string; ats: string; jobId: string };

@Injectable()
export class JobStagesRepository {
  constructor(
    @InjectRepository(JobStageCacheEntity) private readonly cache: Repository<JobStageCacheEntity>,
    @InjectRepository(JobStageMappingEntity) private readonly mappings: Repository<JobStageMappingEntity>,
  ) {}

  findCached(key: JobKey): Promise<JobStageCacheEntity | null> {
    return this.cache.findOneBy(key);
  }

  async saveCached(key: JobKey, stages: AtsStage[], fetchedAt: Date): Promise<void> {
    await this.cache.upsert({ ...key, stages, jobName: null, fetchedAt }, ['tenantId', 'ats', 'jobId']);
  }

  findMapping(key: JobKey): Promise<JobStageMappingEntity | null> {
    return this.mappings.findOneBy(key);
  }

  listMappings(tenantId: string): Promise<JobStageMappingEntity[]> {
    return this.mappings.find({ where: { tenantId }, order: { ats: 'ASC', jobId: 'ASC' } });
  }

  async saveMapping(
    key: JobKey,
    mapping: JobStageMappingEntity['mapping'],
    updatedBy: string,
    updatedAt: Date,
  ): Promise<void> {
    await this.mappings.upsert({ ...key, mapping, updatedBy, updatedAt }, ['tenantId', 'ats', 'jobId']);
  }
}
