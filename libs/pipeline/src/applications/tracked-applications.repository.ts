import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ApplicationOutcome, TrackedApplicationEntity } from './tracked-application.entity';

export interface TrackedApplicationKey {
  tenantId: string;
  ats: string;
  applicationId: string;
}

/** A matched returnee's application, as listed for briefings. */
export interface ReturneeApplicationRow {
  ats: string;
  applicationId: string;
  jobId: string;
  jobName: string | null;
  candidateName: string | null;
  employeeNumber: string;
  outcome: string;
  currentStageName: string | null;
  updatedAt: Date;
}

export interface ApplicationCandidateName {
  ats: string;
  applicationId: string;
  candidateName: string | null;
}

/** The SQL of `tracked_applications`: what the product decided and did for each ATS application. */
@Injectable()
export class TrackedApplicationsRepository {
  constructor(
    @InjectRepository(TrackedApplicationEntity) private readonly repo: Repository<TrackedApplicationEntity>,
  ) {}

  find(key: TrackedApplicationKey): Promise<TrackedApplicationEntity | null> {
    return this.repo.findOneBy(key);
  }

  listByOutcome(
    tenantId: string,
    outcomes: ApplicationOutcome[],
    limit: number,
  ): Promise<TrackedApplicationEntity[]> {
    return this.repo.find({
      where: { tenantId, outcome: In(outcomes) },
      order: { updatedAt: 'DESC' },
      take: limit,
    });
  }

  /**
   * Inserts or overwrites the decision for one application (the columns given, keyed by tenant, ATS and
   * application id) and returns the stored row without reading it back: `existing` overlaid with the fields.
   */
  async save(
    existing: TrackedApplicationEntity | null,
    fields: Partial<TrackedApplicationEntity> & TrackedApplicationKey,
  ): Promise<TrackedApplicationEntity> {
    const row = (existing ? { ...fields, id: existing.id } : fields) as Parameters<
      Repository<TrackedApplicationEntity>['upsert']
    >[0];
    const written = await this.repo.upsert(row, ['tenantId', 'ats', 'applicationId']);
    const id = (written.identifiers[0] as { id?: string } | undefined)?.id ?? existing?.id;
    if (!id)
      return this.repo.findOneByOrFail({
        tenantId: fields.tenantId,
        ats: fields.ats,
        applicationId: fields.applicationId,
      });
    return Object.assign(this.repo.create(), existing ?? {}, fields, { id });
  }

  async update(
    id: string,
    fields: Partial<
      Pick<TrackedApplicationEntity, 'currentStageId' | 'currentStageName' | 'outcome' | 'fastTrack'>
    >,
  ): Promise<void> {
    await this.repo.update(id, fields);
  }

  /**
   * A person's decision on one application: the row changes only while its outcome is still one of `from`,
   * so two people deciding at once (or a double click) change it once. True when this call changed it.
   */
  async transition(
    id: string,
    from: readonly ApplicationOutcome[],
    fields: Partial<
      Pick<
        TrackedApplicationEntity,
        | 'outcome'
        | 'employeeNumber'
        | 'eligibility'
        | 'tier'
        | 'recruiterSummary'
        | 'noteBody'
        | 'fastTrack'
        | 'currentStageId'
        | 'currentStageName'
      >
    >,
  ): Promise<boolean> {
    const r = await this.repo.update({ id, outcome: In([...from]) }, fields);
    return (r.affected ?? 0) > 0;
  }

  /** Records the ATS's verdict on an application (hired or rejected, or a hire undone); false when we do not track it. */
  async setClosedAt(
    key: TrackedApplicationKey,
    fields: Partial<Pick<TrackedApplicationEntity, 'hiredAt' | 'rejectedAt'>>,
  ): Promise<boolean> {
    const r = await this.repo.update(key, fields);
    return (r.affected ?? 0) > 0;
  }

  /** How many of a tenant's applications stand at each of these outcomes (home page counts). */
  async countByOutcome(tenantId: string, outcomes: ApplicationOutcome[]): Promise<number> {
    return this.repo.countBy({ tenantId, outcome: In(outcomes) });
  }

  async returneeApplications(
    tenantId: string,
    jobs: { ats: string; jobId: string }[] | null,
    limit: number,
  ): Promise<ReturneeApplicationRow[]> {
    if (jobs !== null && jobs.length === 0) return [];
    const params: unknown[] = [tenantId, limit];
    let jobFilter = '';
    if (jobs) {
      params.push(
        jobs.map((j) => j.ats),
        jobs.map((j) => j.jobId),
      );
      jobFilter = 'AND (ats, job_id) IN (SELECT * FROM unnest($3::text[], $4::text[]))';
    }
    return this.repo.query(
      `SELECT ats, application_id AS "applicationId", job_id AS "jobId", job_name AS "jobName", candidate_name AS "candidateName",
         employee_number AS "employeeNumber", outcome, current_stage_name AS "currentStageName", updated_at AS "updatedAt"
       FROM tracked_applications
       WHERE tenant_id = $1 AND employee_number IS NOT NULL ${jobFilter}
       ORDER BY updated_at DESC LIMIT $2`,
      params,
    );
  }

  async candidateNames(
    tenantId: string,
    refs: readonly { ats: string; applicationId: string }[],
  ): Promise<ApplicationCandidateName[]> {
    if (refs.length === 0) return [];
    return this.repo.query(
      `SELECT ats, application_id AS "applicationId", candidate_name AS "candidateName"
       FROM tracked_applications
       WHERE tenant_id = $1 AND (ats, application_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [tenantId, refs.map((r) => r.ats), refs.map((r) => r.applicationId)],
    );
  }
}
