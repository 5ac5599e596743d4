import { Body, Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import {
  FairnessDryRunService,
  FairnessPolicyDraftDto,
  FairnessPolicyService,
  FairnessPolicyValidateDto,
} from '@comeback/compensation';
import { VersionedPolicyController } from '../policies/versioned-policy.controller';

@ApiTags('fairness policies')
@Controller('api/v1/offers/fairness-policies')
@Authenticated('hr_admin')
export class FairnessPoliciesController extends VersionedPolicyController {
  constructor(
    protected readonly policies: FairnessPolicyService,
    private readonly dryRuns: FairnessDryRunService,
  ) {
    super();
  }

  /** Checks a document without saving it: every problem with its JSON pointer, code and en/ja message. */
  @Post('validate')
  @HttpCode(200)
  validate(@Body() body: FairnessPolicyValidateDto) {
    const r = this.policies.validate(body.document);
    return r.ok ? { ok: true, problems: [] } : { ok: false, problems: r.problems };
  }

  @Post()
  draft(@CurrentPrincipal() p: Principal, @Body() body: FairnessPolicyDraftDto) {
    return this.policies.createDraft(p, body.document, body.comment);
  }

  /** Replays every open offer under the active policy and this version: counts by result and examples of changes. */
  @Post(':version/dry-run')
  @HttpCode(200)
  dryRun(@CurrentPrincipal() p: Principal, @Param('version', ParseIntPipe) version: number) {
    return this.dryRuns.dryRun(p, version);
  }
}
