import {
  Body,
  Controller,
  Get,
  Param,
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
import {
  auditPage,
  changeLogEditPage,
  changeLogPage,
  ChangeLogEntryDto,
  ChangeLogService,
  ConsoleReadService,
  ConsoleSearchQueryDto,
  erasePage,
  matchingAccuracyPage,
  EraseFormDto,
  ImportFormDto,
  type ImportOutcome,
  JobDepartmentFormDto,
  offerDetailPage,
  OfferCheckFormDto,
  offersPage,
  type PageContext,
  documentFromPolicyForm,
  EMPTY_OVERRIDE,
  fieldOfPointer,
  policiesPage,
  PolicyFieldsFormDto,
  type PolicyFieldProblem,
  PolicyFormDto,
  type PolicyFormModel,
  policyFormFromDocument,
  policyFormFromPost,
  type PolicyProblemRow,
  policyVersionPage,
  reEvaluationPage,
  registryPage,
  StageMappingFormDto,
  stageMappingsPage,
} from '@comeback/console';
import { AtsConnectorRegistry } from '@comeback/ats';
import { OfferChecksService } from '@comeback/compensation';
import {
  AppException,
  AuditService,
  Authenticated,
  CurrentPrincipal,
  ErrorCode,
  LruCache,
  NotFoundException,
  type Principal,
  ValidationFailedException,
} from '@comeback/platform';
import {
  EligibilityPolicyService,
  type PolicyDryRunReport,
  JobStagesService,
  MatchingAccuracyService,
  ReEvaluationService,
} from '@comeback/pipeline';
import { todayIn } from '@comeback/domain';
import { AlumniImportService, AlumniService } from '@comeback/registry';
import {
  ConsoleExceptionFilter,
  ConsoleHeadersInterceptor,
  CsrfAfterUploadInterceptor,
  CsrfCheckedAfterUpload,
  CsrfGuard,
  Page,
} from './console-support';
import { PolicyVersionPages } from './policy-version-pages';

const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split(/[,、]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** HR's pages. Thin: each handler calls the same service as the REST API and hands the result to a view. */
@ApiExcludeController()
@Controller('console')
@Authenticated('hr_admin')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
@UseInterceptors(ConsoleHeadersInterceptor)
export class ConsoleHrController {
  /** The version page, dry run and activation, shared with the fairness policy editor. */
  private readonly versions: PolicyVersionPages<PolicyDryRunReport>;
  /** The last re-evaluation dry run per tenant, shown by the page's GET (recomputed on request, never on GET). */
  private readonly reEvaluations = new LruCache<string, Awaited<ReturnType<ReEvaluationService['dryRun']>>>(
    200,
    3_600_000,
  );

  constructor(
    private readonly alumni: AlumniService,
    private readonly imports: AlumniImportService,
    private readonly policies: EligibilityPolicyService,
    private readonly stages: JobStagesService,
    private readonly changeLog: ChangeLogService,
    private readonly offers: OfferChecksService,
    private readonly read: ConsoleReadService,
    private readonly audit: AuditService,
    private readonly ats: AtsConnectorRegistry,
    private readonly reEvaluation: ReEvaluationService,
    private readonly accuracy: MatchingAccuracyService,
  ) {
    this.versions = new PolicyVersionPages({
      path: '/console/policies',
      policies: {
        get: (tenantId, version) => this.policies.get(tenantId, version),
        dryRun: (actor, version) => this.policies.dryRun(actor, version, todayIn()),
        activate: (actor, version) => this.policies.activate(actor, version),
      },
      render: policyVersionPage,
    });
  }

  /** The ATS select's options: each adapter's kind and product name. */
  private atsKinds(): { kind: string; label: string }[] {
    return this.ats.all().map((c) => ({ kind: c.kind, label: c.displayName }));
  }

  // ---- Registry ----

  @Get('registry')
  async registry(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Query() q: ConsoleSearchQueryDto,
    @Req() req: Request,
  ): Promise<string> {
    const page = await this.alumni.search(p, { q: q.q, limit: 50 });
    const flash = req.query.done === 'erased' ? ctx.t('erased') : null;
    return registryPage(ctx, { q: q.q ?? '', items: page.items, flash });
  }

  @Post('registry/import')
  @CsrfCheckedAfterUpload()
  @UseInterceptors(
    FileInterceptor('file', {
      storage: diskStorage({ destination: tmpdir() }),
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
    }),
    CsrfAfterUploadInterceptor,
  )
  async import(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: ImportFormDto,
    @Res() res: Response,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<void> {
    if (!file) throw new ValidationFailedException('Attach the CSV file');
    let report: ImportOutcome;
    try {
      const r = await this.imports.import(p, createReadStream(file.path), {
        mode: body.mode,
        encoding: body.encoding,
        fileName: file.originalname,
      });
      report = {
        status: 'completed',
        rowsRead: r.rowsRead,
        rowsImported: r.rowsImported,
        inserted: r.inserted,
        updated: r.updated,
        problems: r.problems,
        warnings: r.warnings,
      };
    } catch (err) {
      if (!(err instanceof AppException) || err.code !== ErrorCode.ImportRejected) throw err;
      const d = err.details as Pick<
        Extract<ImportOutcome, { status: 'rejected' }>,
        'rowsRead' | 'problemCount' | 'problems' | 'warnings'
      >;
      report = {
        status: 'rejected',
        rowsRead: d.rowsRead,
        problemCount: d.problemCount,
        problems: d.problems,
        warnings: d.warnings,
        message: err.message,
      };
    } finally {
      await unlink(file.path).catch(() => undefined);
    }
    const page = await this.alumni.search(p, { limit: 50 });
    res.status(200).send(registryPage(ctx, { q: '', items: page.items, report }));
  }

  @Get('registry/:employeeNumber/erase')
  async eraseConfirm(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('employeeNumber') employeeNumber: string,
  ): Promise<string> {
    const a = await this.alumni.findByEmployeeNumber(p.tenantId, employeeNumber);
    if (!a) throw new NotFoundException('Former employee');
    return erasePage(ctx, a, null);
  }

  @Post('registry/:employeeNumber/erase')
  async erase(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('employeeNumber') employeeNumber: string,
    @Body() body: EraseFormDto,
    @Res() res: Response,
  ): Promise<void> {
    if (body.confirmEmployeeNumber.trim() !== employeeNumber) {
      const a = await this.alumni.findByEmployeeNumber(p.tenantId, employeeNumber);
      if (!a) throw new NotFoundException('Former employee');
      res.status(200).send(erasePage(ctx, a, ctx.t('eraseMismatch')));
      return;
    }
    await this.alumni.erase(p, employeeNumber);
    res.redirect(303, '/console/registry?done=erased');
  }

  // ---- Eligibility policy ----

  @Get('policies')
  async policiesPage(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    const active = await this.policies.active(p.tenantId);
    const row = await this.policies.get(p.tenantId, active.version);
    return this.renderPolicies(ctx, p, {
      base: row.document,
      form: policyFormFromDocument(row.document),
      documentText: JSON.stringify(row.document, null, 2),
      comment: '',
      problems: null,
      jsonOpen: false,
      valid: false,
    });
  }

  private async renderPolicies(
    ctx: PageContext,
    p: Principal,
    view: {
      base: unknown;
      form: PolicyFormModel;
      documentText: string;
      comment: string;
      problems: PolicyFieldProblem[] | null;
      jsonOpen: boolean;
      valid: boolean;
    },
  ): Promise<string> {
    const active = await this.policies.active(p.tenantId);
    const tiers = Object.keys(
      (view.base as { tiers?: Record<string, unknown> } | null)?.tiers ?? active.policy.tiers,
    );
    return policiesPage(ctx, {
      activeVersion: active.version,
      form: view.form,
      baseText: JSON.stringify(view.base),
      documentText: view.documentText,
      comment: view.comment,
      problems: view.problems,
      jsonOpen: view.jsonOpen,
      tiers,
      valid: view.valid,
      history: await this.policies.history(p.tenantId),
    });
  }

  /** The advanced view: the document as JSON. Problems are listed by JSON pointer. */
  @Post('policies')
  async savePolicy(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: PolicyFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const render = async (problems: PolicyProblemRow[] | null, valid: boolean, document: unknown) => {
      const base =
        document ??
        (await this.policies.get(p.tenantId, (await this.policies.active(p.tenantId)).version)).document;
      res.status(200).send(
        await this.renderPolicies(ctx, p, {
          base,
          form: policyFormFromDocument(base),
          documentText: body.document,
          comment: body.comment ?? '',
          problems: problems?.map((x) => ({ ...x, field: null })) ?? null,
          jsonOpen: true,
          valid,
        }),
      );
    };
    let document: unknown;
    try {
      document = JSON.parse(body.document);
    } catch (err) {
      return render(
        [
          {
            path: '/',
            message: `${ctx.t('policyInvalidJson')}: ${err instanceof Error ? err.message : String(err)}`,
          },
        ],
        false,
        null,
      );
    }
    const checked = this.policies.validate(document);
    if (!checked.ok)
      return render(
        checked.problems.map((x) => ({ path: x.path, code: x.code, message: x.messages[ctx.lang] })),
        false,
        document,
      );
    if (body.intent === 'validate') return render(null, true, document);
    const draft = await this.policies.createDraft(p, document, body.comment || undefined);
    await this.versions.runDryRun(p, draft.version); // "Save as draft and preview": the POST does the work, the GET shows it
    res.redirect(303, `/console/policies/${draft.version}`);
  }

  /**
   * The form: each rule a field, overrides as rows. The document is the form's fields over the document it started
   * from; the validator's JSON pointers are mapped back to the fields, so each problem shows where it was typed.
   */
  @Post('policies/form')
  async savePolicyForm(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Body() body: PolicyFieldsFormDto,
    @Res() res: Response,
  ): Promise<void> {
    let base: unknown;
    try {
      base = JSON.parse(body.base);
    } catch {
      throw new ValidationFailedException('The form was posted without its policy document');
    }
    const { base: _b, ov, comment, intent, ...fields } = body;
    const form = policyFormFromPost(fields, ov);
    if (intent === 'add_override') form.overrides.push({ ...EMPTY_OVERRIDE });
    const document = documentFromPolicyForm(base, form);
    const checked = intent === 'add_override' ? null : this.policies.validate(document);
    const render = (problems: PolicyFieldProblem[] | null, valid: boolean) =>
      this.renderPolicies(ctx, p, {
        base,
        form,
        documentText: JSON.stringify(document, null, 2),
        comment: comment ?? '',
        problems,
        jsonOpen: false,
        valid,
      }).then((page) => void res.status(200).send(page));
    if (checked && !checked.ok)
      return render(
        checked.problems.map((x) => ({
          path: x.path,
          code: x.code,
          message: x.messages[ctx.lang],
          field: fieldOfPointer(x.path),
        })),
        false,
      );
    if (intent !== 'save') return render(null, intent === 'validate');
    const draft = await this.policies.createDraft(p, document, comment || undefined);
    await this.versions.runDryRun(p, draft.version);
    res.redirect(303, `/console/policies/${draft.version}`);
  }

  /** Shows the version and the dry run last asked for (by saving the draft or the button); never runs one. */
  @Get('policies/:version')
  policyVersion(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('version', ParseIntPipe) version: number,
    @Req() req: Request,
  ): Promise<string> {
    return this.versions.page(ctx, p, version, req);
  }

  /** The dry run reads the whole registry and every open application: an explicit POST, one per click. */
  @Post('policies/:version/dry-run')
  runDryRun(
    @CurrentPrincipal() p: Principal,
    @Param('version', ParseIntPipe) version: number,
    @Res() res: Response,
  ): Promise<void> {
    return this.versions.dryRun(p, version, res);
  }

  @Post('policies/:version/activate')
  activate(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('version', ParseIntPipe) version: number,
    @Res() res: Response,
  ): Promise<void> {
    return this.versions.activate(ctx, p, version, res);
  }

  // ---- Re-evaluation of open applications (loop 3) ----

  @Get('re-evaluation')
  reEvaluationPage(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal, @Req() req: Request): string {
    const applied = typeof req.query.applied === 'string' ? Number(req.query.applied) : NaN;
    return reEvaluationPage(ctx, {
      dryRun: this.reEvaluations.get(p.tenantId) ?? null,
      applied: Number.isFinite(applied) ? applied : null,
    });
  }

  @Post('re-evaluation/dry-run')
  async reEvaluationDryRun(@CurrentPrincipal() p: Principal, @Res() res: Response): Promise<void> {
    this.reEvaluations.set(p.tenantId, await this.reEvaluation.dryRun(p));
    res.redirect(303, '/console/re-evaluation');
  }

  /** Applies what is true now (recomputed, not the cached list): the changes it made are the ones it lists. */
  @Post('re-evaluation')
  async reEvaluationApply(@CurrentPrincipal() p: Principal, @Res() res: Response): Promise<void> {
    const result = await this.reEvaluation.apply(p);
    this.reEvaluations.delete(p.tenantId);
    res.redirect(303, `/console/re-evaluation?applied=${result.applied}`);
  }

  // ---- Stage mappings ----

  @Get('stage-mappings')
  async stageMappings(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<string> {
    return stageMappingsPage(ctx, {
      rows: await this.stages.listMappings(p.tenantId),
      atsKinds: this.atsKinds(),
      flash: req.query.done === 'saved' ? ctx.t('saved') : null,
    });
  }

  @Post('stage-mappings')
  async saveStageMapping(
    @CurrentPrincipal() p: Principal,
    @Body() body: StageMappingFormDto,
    @Res() res: Response,
  ): Promise<void> {
    const tiers: Record<string, string[]> = {};
    if (list(body.full).length) tiers.full = list(body.full);
    if (list(body.light).length) tiers.light = list(body.light);
    await this.stages.saveMapping(p, body.ats, body.jobId.trim(), { tiers, protected: list(body.protected) });
    res.redirect(303, '/console/stage-mappings?done=saved');
  }

  // ---- Matching accuracy ----

  @Get('matching/accuracy')
  async matchingAccuracy(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    return matchingAccuracyPage(ctx, await this.accuracy.report(p.tenantId));
  }

  // ---- What changed since they left ----

  @Get('change-log')
  async changeLogPage(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<string> {
    const [rows, jobDepartments] = await Promise.all([
      this.changeLog.list(p.tenantId),
      this.changeLog.listJobDepartments(p.tenantId),
    ]);
    return changeLogPage(ctx, {
      rows,
      jobDepartments,
      atsKinds: this.atsKinds(),
      flash: req.query.done === 'saved' ? ctx.t('saved') : null,
    });
  }

  @Post('change-log')
  async addChange(
    @CurrentPrincipal() p: Principal,
    @Body() body: ChangeLogEntryDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.changeLog.create(p, body);
    res.redirect(303, '/console/change-log?done=saved');
  }

  @Post('change-log/job-departments')
  async setJobDepartment(
    @CurrentPrincipal() p: Principal,
    @Body() body: JobDepartmentFormDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.changeLog.setJobDepartment(p, body.ats, body.jobId.trim(), body.department);
    res.redirect(303, '/console/change-log?done=saved');
  }

  @Get('change-log/:id/edit')
  async editChangePage(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return changeLogEditPage(ctx, await this.changeLog.get(p.tenantId, id));
  }

  @Post('change-log/:id')
  async editChange(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeLogEntryDto,
    @Res() res: Response,
  ): Promise<void> {
    await this.changeLog.update(p, id, body);
    res.redirect(303, '/console/change-log?done=saved');
  }

  @Post('change-log/:id/delete')
  async deleteChange(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.changeLog.remove(p, id);
    res.redirect(303, '/console/change-log?done=saved');
  }

  // ---- Offers ----

  @Get('offers')
  async offersPage(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    return offersPage(ctx, await this.read.latestOfferChecks(p.tenantId));
  }

  @Get('offers/:ats/:applicationId')
  async offer(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('applicationId') applicationId: string,
  ): Promise<string> {
    return this.renderOffer(ctx, p, ats, applicationId, null);
  }

  @Post('offers/:ats/:applicationId/checks')
  async checkOffer(
    @Page() ctx: PageContext,
    @CurrentPrincipal() p: Principal,
    @Param('ats') ats: string,
    @Param('applicationId') applicationId: string,
    @Body() body: OfferCheckFormDto,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.offers.check(p, ats, applicationId, body.amount, {});
    } catch (err) {
      if (
        !(err instanceof AppException) ||
        (err.code !== ErrorCode.ValidationFailed && err.code !== ErrorCode.Conflict)
      )
        throw err;
      res.status(200).send(await this.renderOffer(ctx, p, ats, applicationId, err.message));
      return;
    }
    res.redirect(303, `/console/offers/${encodeURIComponent(ats)}/${encodeURIComponent(applicationId)}`);
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

  // ---- Audit log ----

  @Get('audit')
  async auditPage(@Page() ctx: PageContext, @CurrentPrincipal() p: Principal): Promise<string> {
    return auditPage(ctx, await this.audit.list(p.tenantId, { limit: 200 }));
  }
}
