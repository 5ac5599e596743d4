import { Injectable } from '@nestjs/common';
import { applyStageMapping, EligibilityPolicy } from '@comeback/domain';
import { EligibilityPolicyService } from '../policies/eligibility-policy.service';
import { JobStagesService } from '../stages/job-stages.service';

/** The tenant's active eligibility policy as it applies to one job: HR's stage mapping for the job folded in. */
@Injectable()
export class JobPolicyResolver {
  constructor(
    private readonly policies: EligibilityPolicyService,
    private readonly stages: JobStagesService,
  ) {}

  async forJob(
    tenantId: string,
    ats: string,
    jobId: string,
  ): Promise<{ version: number; policy: EligibilityPolicy }> {
    const active = await this.policies.active(tenantId);
    const mapping = await this.stages.getMapping(tenantId, ats, jobId);
    return { version: active.version, policy: applyStageMapping(active.policy, jobId, mapping) };
  }
}
