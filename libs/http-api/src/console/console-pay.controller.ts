import {
  Body,
  Controller,
  Get,
  Param,
  ParseEnumPipe,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { diskStorage } from 'multer';
import { ATS_KINDS, AtsConnectorRegistry, type AtsKind } from '@comeback/ats';
import {
  assignmentsPage,
  AssignmentFormDto,
  ConsoleReadService,
  fairnessDocumentFromForm,
  type FairnessDryRunView,
  FairnessPolicyFormDto,
  fairnessPolicyPage,
  fairnessVersionPage,
  JobFormDto,
  offerDetailPage,
  OfferDecisionFormDto,
  OfferProposalFormDto,
  type PageContext,
  PAY_DATA_KINDS,
  payDataPage,
  type PayDataKind,
  PayImportFormDto,
  type PayImportOutcome,
  type PolicyProblemRow,
} from '@comeback/console';
import {
  CompensationDataService,
  CompensationImportService,
  FairnessDryRunService,
  FairnessPolicyService,
  HiringTeamSyncService,
  JobSettingsService,
  OfferChecksService,
  type ImportSource,
} from '@comeback/compensation';
import {
  AppException,
  Authenticated,
  CurrentPrincipal,
  ErrorCode,
  NotFoundException,
  type Principal,
  ValidationFailedException,
} from '@comeback/platform';
import { AtsConnectionService } from '@comeback/pipeline';
import { PeopleService } from '@comeback/people';
import {
  ConsoleExceptionFilter,
  ConsoleHeadersInterceptor,
  CsrfAfterUploadInterceptor,
  CsrfCheckedAfterUpload,
  CsrfGuard,
  Page,
} from './console-support';
import { PolicyVersionPages } from './policy-version-pages';

const MAX_UPLOAD_BYTES = 512 * 1024 ** 2;
const kindPipe = new ParseEnumPipe(Object.fromEntries(PAY_DATA_KINDS.map((k) => [k, k])));
const offerPath = (ats: string, applicationId: string) =>
  `/console/offers/${encodeURIComponent(ats)}/${encodeURIComponent(applicationId)}`;
/** Errors HR can fix on the page (a missing benchmark or pay target, a bad amount, a decided check). */
const shownOnPage = (err: unknown): err is AppException =>
  err instanceof AppException &&
  (err.code === ErrorCode.ValidationFailed ||
    err.code === ErrorCode.Conflict ||
    err.code === ErrorCode.NotFound);

/**
 * HR's pay loops in the console: offer proposals and decisions, pay-data imports, the fairness policy editor and
 * the hiring managers of each job. Thin: the same services as the REST API, their results handed to views.
 */
@ApiExcludeController()
@Controller('console')
@Authenticated('hr_admin')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsolePayController {
  /** The version page, dry run and activation, shared with the eligibility policy editor. */
  private readonly versions: PolicyVersionPages<FairnessDryRunView>;

  constructor(
    private readonly offers: OfferChecksService,
    private readonly read: ConsoleReadService,
    private readonly imports: CompensationImportService,
    private readonly data: CompensationDataService,
    private readonly policies: FairnessPolicyService,
    private readonly fairnessDryRuns: FairnessDryRunService,
    private readonly jobs: JobSettingsService,
    private readonly hiringTeam: HiringTeamSyncService,
    private readonly connections: AtsConnectionService,
    private readonly people: PeopleService,
    private readonly ats: AtsConnectorRegistry,
  ) {
    this.versions = new PolicyVersionPages<FairnessDryRunView>({
      path: '/console/fairness-policy',
      policies: {
        get: (tenantId, version) => this.policies.get(tenantId, version),
        dryRun: (actor, version) => this.fairnessDryRuns.dryRun(actor, version),
        activate: (actor, version) => this.policies.activate(actor, version),
      },
      render: fairnessVersionPage,
    });
  }

  // ---- Offers: proposal and HR's decision ----

  @Post('offers/:ats/:applicationId/proposal')
  async propose(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('applicationId') applicationId: string,
    @Body() body: OfferProposalFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const given = [body.jobFamily, body.jobLevel, body.location].filter((v) => v !== undefined);
    try {
      if (given.length !== 0 && given.length !== 3)
        throw new ValidationFailedException(
          `${ctx.t('jobFamily')} / ${ctx.t('jobLevel')} / ${ctx.t('location')}`,
        );
      await this.offers.propose(p, ats, applicationId, {
        target:
          given.length === 3
            ? { jobFamily: body.jobFamily!, jobLevel: body.jobLevel!, location: body.location! }
            : undefined,
        yearsOfExperienceAway: body.yearsOfExperienceAway,
      });
    } catch (err) {
      if (!shownOnPage(err)) throw err;
      res.status(200).send(await this.renderOffer(ctx, p, ats, applicationId, err.message));
      return;
    }
    res.redirect(303, `${offerPath(ats, applicationId)}?done=proposed`);
  }

  @Post('offers/:ats/:applicationId/checks/:checkId/decision')
  async decide(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('applicationId') applicationId: string,
    @Param('checkId', ParseUUIDPipe) checkId: string,
    @Body() body: OfferDecisionFormDto,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.offers.decide(p, checkId, body.decision, body.reason);
    } catch (err) {
      if (!shownOnPage(err)) throw err;
      res.status(200).send(await this.renderOffer(ctx, p, ats, applicationId, err.message));
      return;
    }
    res.redirect(303, `${offerPath(ats, applicationId)}?done=decided`);
  }

  private async renderOffer(
    ctx: PageContext,
    p: Principal,
    ats: string,
    applicationId: string,
    error: string | null,
  ): Promise<string> {
    const app = await this.read.application(p.tenantId, ats, applicationId);
    if (!app) throw new NotFoundException('Application');
    const checks = await this.offers.history(p, ats, applicationId);
    return offerDetailPage(ctx, { ats, applicationId, candidateName: app.candidateName, checks, error });
  }

  // ---- Pay data ----

  @Get('pay-data')
  async payData(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    return payDataPage(ctx, { counts: await this.data.overview(p.tenantId) });
  }

  /** One CSV of one kind; all or nothing: the report lists every problem with its row and column. */
  @Post('pay-data/:kind')
  @CsrfCheckedAfterUpload()
  @UseInterceptors(
    FileInterceptor('file', {
      storage: diskStorage({ destination: tmpdir() }),
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
    }),
    CsrfAfterUploadInterceptor,
  )
  async importPayData(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('kind', kindPipe) kind: PayDataKind,
    @Body() body: PayImportFormDto,
    @Res() res: Response,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<void> {
    if (!file) throw new ValidationFailedException('Attach the CSV file');
    let report: PayImportOutcome;
    try {
      if (kind === 'incumbents' && !body.effectiveDate)
        throw new ValidationFailedException(`${ctx.t('effectiveDate')}: YYYY-MM-DD`);
      const source: ImportSource = {
        kind: 'csv',
        input: createReadStream(file.path),
        encoding: body.encoding,
        fileName: file.originalname,
      };
      const r =
        kind === 'benchmarks'
          ? await this.imports.importBenchmarks(p, source)
          : kind === 'bands'
            ? await this.imports.importBands(p, source, { effectiveDate: body.effectiveDate })
            : await this.imports.importIncumbents(p, source, { effectiveDate: body.effectiveDate! });
      report = {
        kind,
        status: 'completed',
        rowsRead: r.rowsRead,
        rowsImported: r.rowsImported,
        warnings: r.warnings,
      };
    } catch (err) {
      if (!(err instanceof AppException) || err.code !== ErrorCode.ImportRejected) throw err;
      const d = err.details as Omit<Extract<PayImportOutcome, { status: 'rejected' }>, 'kind' | 'status'>;
      report = {
        kind,
        status: 'rejected',
        rowsRead: d.rowsRead,
        problemCount: d.problemCount,
        problems: d.problems,
        warnings: d.warnings,
      };
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
    res.status(200).send(payDataPage(ctx, { counts: await this.data.overview(p.tenantId), report }));
  }

  // ---- Fairness policy ----

  @Get('fairness-policy')
  async fairnessPolicy(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    const active = await this.policies.active(p.tenantId);
    const row = await this.policies.get(p.tenantId, active.version);
    return fairnessPolicyPage(ctx, {
      activeVersion: active.version,
      document: row.document,
      json: JSON.stringify(row.document, null, 2),
      comment: '',
      problems: null,
      valid: false,
      history: await this.policies.history(p.tenantId),
    });
  }

  @Post('fairness-policy')
  async saveFairnessPolicy(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: FairnessPolicyFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const active = await this.policies.active(p.tenantId);
    const base = (await this.policies.get(p.tenantId, active.version)).document;
    const render = async (document: unknown, problems: PolicyProblemRow[] | null, valid: boolean) =>
      res.status(200).send(
        fairnessPolicyPage(ctx, {
          activeVersion: active.version,
          document,
          json: body.intent === 'json' ? (body.json ?? '') : JSON.stringify(document, null, 2),
          comment: body.comment ?? '',
          problems,
          valid,
          history: await this.policies.history(p.tenantId),
        }),
      );
    let document: unknown;
    if (body.intent === 'json') {
      try {
        document = JSON.parse(body.json ?? '');
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        return void (await render(
          base,
          [{ path: '', message: `${ctx.t('policyInvalidJson')}: ${detail}` }],
          false,
        ));
      }
    } else {
      document = fairnessDocumentFromForm(base, body as Record<string, string | undefined>);
    }
    const checked = this.policies.validate(document);
    if (!checked.ok)
      return void (await render(
        document,
        checked.problems.map((x) => ({ path: x.path, code: x.code, message: x.messages[ctx.lang] })),
        false,
      ));
    if (body.intent === 'validate') return void (await render(document, null, true));
    const draft = await this.policies.createDraft(p, document, body.comment || undefined);
    res.redirect(303, `/console/fairness-policy/${draft.version}`);
  }

  /** Shows the version and the dry run last asked for; never runs one (expensive work only on a POST). */
  @Get('fairness-policy/:version')
  fairnessVersion(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('version', ParseIntPipe) version: number,
    @Req() req: Request,
  ): Promise<string> {
    return this.versions.page(ctx, p, version, req);
  }

  @Post('fairness-policy/:version/dry-run')
  fairnessDryRun(
    @CurrentPrincipal() p: Principal,
    @Param('version', ParseIntPipe) version: number,
    @Res() res: Response,
  ): Promise<void> {
    return this.versions.dryRun(p, version, res);
  }

  @Post('fairness-policy/:version/activate')
  activateFairness(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('version', ParseIntPipe) version: number,
    @Res() res: Response,
  ): Promise<void> {
    return this.versions.activate(ctx, p, version, res);
  }

  // ---- Hiring-manager assignments ----

  @Get('assignments')
  async assignments(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Query('job') job: string | undefined,
    @Query('ats') atsQuery: string | undefined,
    @Query('jobId') jobIdQuery: string | undefined,
    @Query('done') done: string | undefined,
  ): Promise<string> {
    const [jobs, people] = await Promise.all([this.jobs.knownJobs(p.tenantId), this.people.list(p.tenantId)]);
    const [pickedAts, ...rest] = (job ?? '').split(':');
    const ats = atsQuery ?? pickedAts;
    const jobId = (jobIdQuery ?? rest.join(':')).trim().slice(0, 100);
    const selected =
      ats && jobId && (ATS_KINDS as readonly string[]).includes(ats)
        ? (jobs.find((j) => j.ats === ats && j.jobId === jobId) ?? { ats, jobId, jobName: null })
        : null;
    const details = selected
      ? await this.jobs.assignmentDetails(p.tenantId, selected.ats, selected.jobId)
      : null;
    const toPerson = (x: { id: string; displayName: string; email: string }) => ({
      subject: x.id,
      name: x.displayName,
      email: x.email,
    });
    return assignmentsPage(ctx, {
      jobs,
      atsKinds: this.ats.all().map((c) => ({ kind: c.kind, label: c.displayName })),
      selected,
      details,
      people: people.map(toPerson),
      hiringManagers: people
        .filter((x) => x.role === 'hiring_manager' && x.status === 'active')
        .map(toPerson),
      flash: done === 'synced' ? ctx.t('synced') : done === 'saved' ? ctx.t('saved') : null,
    });
  }

  @Post('assignments/add')
  async addAssignee(
    @CurrentPrincipal() p: Principal,
    @Body() body: AssignmentFormDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.people.get(p.tenantId, body.subject); // only a person of this tenant
    await this.jobs.addAssignee(p, body.ats, body.jobId, body.subject);
    res.redirect(303, assignmentsPath(body.ats, body.jobId, 'saved'));
  }

  @Post('assignments/remove')
  async removeAssignee(
    @CurrentPrincipal() p: Principal,
    @Body() body: AssignmentFormDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.jobs.removeAssignee(p, body.ats, body.jobId, body.subject);
    res.redirect(303, assignmentsPath(body.ats, body.jobId, 'saved'));
  }

  /** Reads the job's hiring team from the ATS now (HR's hand edits kept). */
  @Post('assignments/sync')
  async syncAssignments(
    @CurrentPrincipal() p: Principal,
    @Body() body: JobFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const conn = await this.connections.get(p.tenantId, body.ats);
    await this.hiringTeam.sync(conn, body.jobId, p);
    res.redirect(303, assignmentsPath(body.ats, body.jobId, 'synced'));
  }
}

function assignmentsPath(ats: AtsKind, jobId: string, done: string): string {
  return `/console/assignments?ats=${encodeURIComponent(ats)}&jobId=${encodeURIComponent(jobId)}&done=${done}`;
}
