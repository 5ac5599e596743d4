import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import {
  FairnessDryRunService,
  FairnessPolicyDraftDto,
  FairnessPolicyService,
  FairnessPolicyValidateDto,
} from '@comeback/compensation';

@ApiTags('fairness policies')
@Controller('api/v1/offers/fairness-policies')
@Authenticated('hr_admin')
export class FairnessPoliciesController {
  constructor(
    private readonly policies: FairnessPolicyService,
    private readonly dryRuns: FairnessDryRunService,
  ) {}

  @Get()
  history(@CurrentPrincipal() p: Principal) {
    return this.policies.history(p.tenantId);
  }

  @Get('active')
  async active(@CurrentPrincipal() p: Principal) {
    const a = await this.policies.active(p.tenantId);
    return { version: a.version, document: a.policy };
  }

  @Get(':version')
  get(@CurrentPrincipal() p: Principal, @Param('version', ParseIntPipe) version: number) {
    return this.policies.get(p.tenantId, version);
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

  @Post(':version/activate')
  @HttpCode(200)
  activate(@CurrentPrincipal() p: Principal, @Param('version', ParseIntPipe) version: number) {
    return this.policies.activate(p, version);
  }
}
