import { Injectable } from '@nestjs/common';
import { AtsConnection, AtsConnectorRegistry, AtsStage } from '@comeback/ats';
import type { StageMapping } from '@comeback/domain';
import { AuditActor, AuditService, ValidationFailedException } from '@comeback/platform';
import { STAGE_TIER_LIMITS, stageTiersProblem } from '../pipeline.dto';
import type { JobStageMappingEntity } from './job-stage.entity';
import { JobStagesRepository } from './job-stages.repository';

/** Stages rarely change; a stale move forces a refresh anyway. */
const STAGE_CACHE_TTL_MS = 15 * 60_000;

export type { StageMapping } from '@comeback/domain';

function protectedStagesProblem(stages: unknown): string | null {
  if (!Array.isArray(stages) || stages.length > STAGE_TIER_LIMITS.stagesPerTier)
    return `protected must be a list of at most ${STAGE_TIER_LIMITS.stagesPerTier} stages`;
  const bad = (stages as unknown[]).some(
    (s) => typeof s !== 'string' || s.trim() === '' || s.length > STAGE_TIER_LIMITS.stageLength,
  );
  return bad
    ? `protected must hold stage ids or names of 1–${STAGE_TIER_LIMITS.stageLength} characters`
    : null;
}

@Injectable()
export class JobStagesService {
  constructor(
    private readonly repo: JobStagesRepository,
    private readonly connectors: AtsConnectorRegistry,
    private readonly audit: AuditService,
  ) {}

  /** The job's ordered stages, from the shared cache when fresh (one ATS read per job per TTL). */
  async stages(conn: AtsConnection, jobId: string, opts: { refresh?: boolean } = {}): Promise<AtsStage[]> {
    if (!opts.refresh) {
      const hit = await this.repo.findCached({ tenantId: conn.tenantId, ats: conn.kind, jobId });
      if (hit && Date.now() - hit.fetchedAt.getTime() < STAGE_CACHE_TTL_MS) return hit.stages;
    }
    const stages = await this.connectors.get(conn.kind).listStages(conn, jobId);
    await this.repo.saveCached({ tenantId: conn.tenantId, ats: conn.kind, jobId }, stages, new Date());
    return stages;
  }

  async getMapping(tenantId: string, ats: string, jobId: string): Promise<StageMapping | null> {
    const row = await this.repo.findMapping({ tenantId, ats, jobId });
    return row?.mapping ?? null;
  }

  async listMappings(tenantId: string): Promise<JobStageMappingEntity[]> {
    return this.repo.listMappings(tenantId);
  }

  async saveMapping(actor: AuditActor, ats: string, jobId: string, mapping: StageMapping): Promise<void> {
    const problem = stageTiersProblem(mapping.tiers) ?? protectedStagesProblem(mapping.protected);
    if (problem) throw new ValidationFailedException(problem);
    const before = await this.getMapping(actor.tenantId, ats, jobId);
    await this.repo.saveMapping({ tenantId: actor.tenantId, ats, jobId }, mapping, actor.name, new Date());
    await this.audit.record(actor, {
      action: 'stage_mapping.save',
      targetType: 'job',
      targetId: `${ats}:${jobId}`,
      details: { before, after: mapping },
    });
  }
}
