import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseEnumPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ATS_KINDS, AtsKind } from '@comeback/ats';
import {
  APP_CONFIG,
  AppConfig,
  AuditService,
  Authenticated,
  CurrentPrincipal,
  Principal,
  TenantService,
} from '@comeback/platform';
import {
  AtsConnectionDto,
  AtsConnectionService,
  BackfillService,
  JobStagesService,
  LimitQueryDto,
  StageMappingDto,
  TenantSettingsDto,
  TrackedApplicationsService,
} from '@comeback/pipeline';

const atsPipe = new ParseEnumPipe(Object.fromEntries(ATS_KINDS.map((k) => [k, k])));

@ApiTags('integration')
@Controller('api/v1')
export class IntegrationController {
  constructor(
    private readonly connections: AtsConnectionService,
    private readonly stages: JobStagesService,
    private readonly backfills: BackfillService,
    private readonly applications: TrackedApplicationsService,
    private readonly tenants: TenantService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Saves the connection (secrets encrypted) and, where the ATS allows it, subscribes our webhooks. */
  @Put('ats-connections/:ats')
  @Authenticated('hr_admin')
  async saveConnection(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Body() body: AtsConnectionDto,
  ) {
    const webhookUrl = `${this.config.publicBaseUrl}/webhooks/${ats}/${p.tenantId}`;
    await this.connections.upsert(p, { kind: ats, ...body }, webhookUrl);
    return { kind: ats, webhookUrl };
  }

  /** Runs the connection check: each item pass/fail/skipped with what to fix (ja/en). */
  @Post('ats-connections/:ats/check')
  @HttpCode(200)
  @Authenticated('hr_admin')
  checkConnection(@CurrentPrincipal() p: Principal, @Param('ats', atsPipe) ats: AtsKind) {
    return this.connections.check(p, ats, `${this.config.publicBaseUrl}/webhooks/${ats}/${p.tenantId}`);
  }

  @Delete('ats-connections/:ats')
  @HttpCode(204)
  @Authenticated('hr_admin')
  async deleteConnection(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
  ): Promise<void> {
    await this.connections.remove(p, ats);
  }

  @Get('stage-mappings')
  @Authenticated('hr_admin', 'recruiter')
  listMappings(@CurrentPrincipal() p: Principal) {
    return this.stages.listMappings(p.tenantId);
  }

  @Put('stage-mappings/:ats/:jobId')
  @Authenticated('hr_admin')
  async saveMapping(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('jobId') jobId: string,
    @Body() body: StageMappingDto,
  ) {
    await this.stages.saveMapping(p, ats, jobId, { tiers: body.tiers, protected: body.protected });
    return { ats, jobId, ...body };
  }

  @Post('backfills/:ats')
  @Authenticated('hr_admin')
  startBackfill(@CurrentPrincipal() p: Principal, @Param('ats', atsPipe) ats: AtsKind) {
    return this.backfills.start(p, ats);
  }

  @Get('backfills/:id')
  @Authenticated('hr_admin')
  getBackfill(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.backfills.get(p.tenantId, id);
  }

  @Post('backfills/:id/resume')
  @HttpCode(200)
  @Authenticated('hr_admin')
  resumeBackfill(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.backfills.resume(p.tenantId, id);
  }

  /** Recruiters' list: flagged applications, fast-track status and recruiter-safe reasons. */
  @Get('applications')
  @Authenticated('hr_admin', 'recruiter')
  listApplications(@CurrentPrincipal() p: Principal, @Query() q: LimitQueryDto) {
    return this.applications.listFlagged(p, q.limit);
  }

  @Get('applications/:ats/:applicationId')
  @Authenticated('hr_admin', 'recruiter')
  getApplication(
    @CurrentPrincipal() p: Principal,
    @Param('ats', atsPipe) ats: AtsKind,
    @Param('applicationId') applicationId: string,
  ) {
    return this.applications.get(p, ats, applicationId);
  }

  @Put('settings')
  @Authenticated('hr_admin')
  async saveSettings(@CurrentPrincipal() p: Principal, @Body() body: TenantSettingsDto) {
    const t = await this.tenants.updateSettings(p.tenantId, body);
    await this.audit.record(p, { action: 'tenant.settings', details: { ...body } });
    return t.settings;
  }

  @Get('audit')
  @Authenticated('hr_admin')
  auditLog(@CurrentPrincipal() p: Principal, @Query() q: LimitQueryDto) {
    return this.audit.list(p.tenantId, { limit: q.limit });
  }
}
