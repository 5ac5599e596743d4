import { Body, Controller, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import {
  DryRunQueryDto,
  EligibilityPolicyService,
  PolicyDraftDto,
  PolicyValidateDto,
} from '@comeback/pipeline';
import { todayIn } from '@comeback/domain';
import { VersionedPolicyController } from '../policies/versioned-policy.controller';

@ApiTags('eligibility policies')
@Controller('api/v1/eligibility/policies')
@Authenticated('hr_admin')
export class EligibilityPoliciesController extends VersionedPolicyController {
  constructor(protected readonly policies: EligibilityPolicyService) {
    super();
  }

  /** Checks a document without saving it: every problem with its JSON pointer. */
  @Post('validate')
  @HttpCode(200)
  validate(@Body() body: PolicyValidateDto) {
    const r = this.policies.validate(body.document);
    return r.ok ? { ok: true, problems: [] } : { ok: false, problems: r.problems };
  }

  @Post()
  draft(@CurrentPrincipal() p: Principal, @Body() body: PolicyDraftDto) {
    return this.policies.createDraft(p, body.document, body.comment);
  }

  @Post(':version/dry-run')
  @HttpCode(200)
  dryRun(
    @CurrentPrincipal() p: Principal,
    @Param('version', ParseIntPipe) version: number,
    @Query() q: DryRunQueryDto,
  ) {
    return this.policies.dryRun(p, version, q.asOf ?? todayIn());
  }
}
