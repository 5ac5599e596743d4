import { Injectable } from '@nestjs/common';
import { AtsConnection, AtsConnectorRegistry, AtsStage } from '@comeback/ats';
import { EligibilityPolicy, StageRef } from '@comeback/domain';
import { AuditActor, AuditService } from '@comeback/platform';
import type { JobStageMappingEntity } from './job-stage.entity';
import { JobStagesRepository } from './job-stages.repository';

/** Stages rarely change; a stale move forces a refresh anyway. */
const STAGE_CACHE_TTL_MS = 15 * 60_000;

export interface StageMapping {
  tiers: Record<string, string[]>;
  protected: string[];
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

/**
 * HR's per-job mapping as policy data: each entry names a stage by id or by name, so it becomes a
 * per-job tier override and extra protected stages. Pure, so the planner stays the single authority.
 */
export function applyStageMapping(
  policy: EligibilityPolicy,
  jobId: string,
  mapping: StageMapping | null,
): EligibilityPolicy {
  if (!mapping) return policy;
  const ref = (s: string): StageRef => ({ id: s, names: [s] });
  const tiers = Object.fromEntries(
    Object.entries(policy.tiers).map(([name, tier]) => {
      const skip = mapping.tiers[name];
      return [
        name,
        skip ? { ...tier, jobOverrides: { ...(tier.jobOverrides ?? {}), [jobId]: skip.map(ref) } } : tier,
      ];
    }),
  );
  const jobProtectedStages = mapping.protected.length
    ? {
        ...(policy.jobProtectedStages ?? {}),
        [jobId]: [...(policy.jobProtectedStages?.[jobId] ?? []), ...mapping.protected.map(ref)],
      }
    : policy.jobProtectedStages;
  return { ...policy, tiers, jobProtectedStages };
}
