import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ApplicationOutcome, TrackedApplicationEntity } from './tracked-application.entity';

export interface TrackedApplicationKey {
  tenantId: string;
  ats: string;
  applicationId: string;
}

/** The SQL of `tracked_applications`: what the product decided and did for each ATS application. */
@Injectable()
export class TrackedApplicationsRepository {
  constructor(@InjectRepository(TrackedApplicationEntity) private readonly repo: Repository<TrackedApplicationEntity>) {}

  find(key: TrackedApplicationKey): Promise<TrackedApplicationEntity | null> {
    return this.repo.findOneBy(key);
  }

  listByOutcome(tenantId: string, outcomes: ApplicationOutcome[], limit: number): Promise<TrackedApplicationEntity[]> {
    return this.repo.find({ where: { tenantId, outcome: In(outcomes) }, order: { updatedAt: 'DESC' }, take: limit });
  }

  /**
   * Inserts or overwrites the decision for one application (the columns given, keyed by tenant, ATS and
   * application id) and returns the stored row without reading it back: `existing` overlaid with the fields.
   */
  async save(existing: TrackedApplicationEntity | null, fields: Partial<TrackedApplicationEntity> & TrackedApplicationKey): Promise<TrackedApplicationEntity> {
    const row = (existing ? { ...fields, id: existing.id } : fields) as Parameters<Repository<TrackedApplicationEntity>['upsert']>[0];
    const written = await this.repo.upsert(row, ['tenantId', 'ats', 'applicationId']);
    const id = (written.identifiers[0] as { id?: string } | undefined)?.id ?? existing?.id;
    if (!id) return this.repo.findOneByOrFail({ tenantId: fields.tenantId, ats: fields.ats, applicationId: fields.applicationId });
    return Object.assign(this.repo.create(), existing ?? {}, fields, { id });
  }

  async update(id: string, fields: Partial<Pick<TrackedApplicationEntity, 'currentStageId' | 'currentStageName' | 'outcome' | 'fastTrack'>>): Promise<void> {
    await this.repo.update(id, fields);
  }
}
