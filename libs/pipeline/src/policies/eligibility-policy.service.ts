import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  AlumnusEligibilityInput,
  dryRunPolicyChange,
  DryRunResult,
  EligibilityPolicy,
  PolicyProblem,
  validateEligibilityPolicy,
} from '@comeback/domain';
import { AppException, AuditActor, AuditService, ErrorCode, NotFoundException } from '@comeback/platform';
import { DataSource, Repository } from 'typeorm';
import defaultPolicyDocument from '../../../../config/eligibility-policy.default.json';
import { diffDocuments } from './document-diff';
import { EligibilityPolicyVersionEntity } from './eligibility-policy-version.entity';

export interface ActivePolicy {
  version: number;
  policy: EligibilityPolicy;
}

export interface PolicyDryRunReport {
  version: number;
  againstVersion: number;
  registry: DryRunResult;
  openApplications: DryRunResult;
  elapsedMs: number;
}

/** Versioned, audited eligibility policies. A tenant without one gets the shipped default as version 1. */
@Injectable()
export class EligibilityPolicyService {
  constructor(
    @InjectRepository(EligibilityPolicyVersionEntity) private readonly repo: Repository<EligibilityPolicyVersionEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  validate(document: unknown): { ok: true; policy: EligibilityPolicy } | { ok: false; problems: readonly PolicyProblem[] } {
    return validateEligibilityPolicy(withVersion(document, 0));
  }

  async active(tenantId: string): Promise<ActivePolicy> {
    let row = await this.repo.findOneBy({ tenantId, status: 'active' });
    if (!row) row = await this.seedDefault(tenantId);
    return { version: row.version, policy: this.parse(row) };
  }

  async history(tenantId: string): Promise<EligibilityPolicyVersionEntity[]> {
    await this.active(tenantId);
    return this.repo.find({ where: { tenantId }, order: { version: 'DESC' } });
  }

  async get(tenantId: string, version: number): Promise<EligibilityPolicyVersionEntity> {
    const row = await this.repo.findOneBy({ tenantId, version });
    if (!row) throw new NotFoundException(`Policy version ${version}`);
    return row;
  }

  async createDraft(actor: AuditActor, document: unknown, comment?: string): Promise<EligibilityPolicyVersionEntity> {
    await this.active(actor.tenantId);
    const checked = this.validate(document);
    if (!checked.ok) throw new AppException(ErrorCode.PolicyInvalid, 'The policy has problems; nothing was saved.', { problems: checked.problems });
    return this.db.transaction(async (m) => {
      // Serialise version numbering per tenant.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`policy:${actor.tenantId}`]);
      const [{ next }]: { next: number }[] = await m.query('SELECT coalesce(max(version), 0) + 1 AS next FROM eligibility_policies WHERE tenant_id = $1', [actor.tenantId]);
      const row = m.getRepository(EligibilityPolicyVersionEntity).create({
        tenantId: actor.tenantId,
        version: next,
        status: 'draft',
        document: stripVersion(document),
        comment: comment ?? null,
        createdBy: actor.name,
      });
      await m.getRepository(EligibilityPolicyVersionEntity).save(row);
      await this.audit.record(actor, { action: 'eligibility_policy.draft', targetType: 'eligibility_policy', targetId: String(next), details: { comment: comment ?? null } }, m);
      return row;
    });
  }

  async activate(actor: AuditActor, version: number): Promise<EligibilityPolicyVersionEntity> {
    const current = await this.active(actor.tenantId);
    const target = await this.get(actor.tenantId, version);
    if (target.status === 'active') return target;
    const checked = this.validate(target.document);
    if (!checked.ok) throw new AppException(ErrorCode.PolicyInvalid, 'This version no longer validates', { problems: checked.problems });
    const previous = await this.get(actor.tenantId, current.version);
    return this.db.transaction(async (m) => {
      const r = m.getRepository(EligibilityPolicyVersionEntity);
      await r.update({ tenantId: actor.tenantId, status: 'active' }, { status: 'retired' });
      await r.update({ id: target.id }, { status: 'active', activatedBy: actor.name, activatedAt: new Date() });
      await this.audit.record(
        actor,
        {
          action: 'eligibility_policy.activate',
          targetType: 'eligibility_policy',
          targetId: String(version),
          details: { previousVersion: previous.version, diff: diffDocuments(previous.document, target.document) },
        },
        m,
      );
      return { ...target, status: 'active', activatedBy: actor.name, activatedAt: new Date() };
    });
  }

  /** Evaluates the draft and the active policy over the whole registry and over open applications. */
  async dryRun(tenantId: string, version: number, asOf: string): Promise<PolicyDryRunReport> {
    const started = performance.now();
    const current = await this.active(tenantId);
    const draft = this.parse(await this.get(tenantId, version));
    const alumni = await this.loadEligibilityInputs(tenantId);
    const registry = dryRunPolicyChange(current.policy, draft, alumni, { asOf, exampleLimit: 20 });
    const open: { employee_number: string; job_id: string }[] = await this.db.query(
      `SELECT employee_number, job_id FROM tracked_applications
       WHERE tenant_id = $1 AND employee_number IS NOT NULL AND outcome IN ('flagged', 'fast_tracked', 'ineligible', 'needs_hr_review')`,
      [tenantId],
    );
    const byNumber = new Map(alumni.map((a) => [a.employeeNumber, a]));
    const jobOf = new Map(open.map((o) => [o.employee_number, o.job_id]));
    const applicants = open.map((o) => byNumber.get(o.employee_number)).filter((a): a is AlumnusEligibilityInput => !!a);
    const openApplications = dryRunPolicyChange(current.policy, draft, applicants, { asOf, exampleLimit: 20, jobOf: (a) => ({ jobId: jobOf.get(a.employeeNumber) }) });
    return { version, againstVersion: current.version, registry, openApplications, elapsedMs: Math.round(performance.now() - started) };
  }

  /** Only the columns the rules read: 100k alumni load in a fraction of a second. */
  private async loadEligibilityInputs(tenantId: string): Promise<AlumnusEligibilityInput[]> {
    const rows: { e: string; h: string; l: string; r: string; rr: string; d: string | null; j: string | null; p: { year: number; rating: string }[] }[] = await this.db.query(
      `SELECT employee_number AS e, to_char(hire_date, 'YYYY-MM-DD') AS h, to_char(leave_date, 'YYYY-MM-DD') AS l,
         departure_reason AS r, rehire_recommendation AS rr, department AS d, job_level AS j, performance_ratings AS p
       FROM alumni WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows.map((x) => ({ employeeNumber: x.e, hireDate: x.h, leaveDate: x.l, departureReason: x.r, rehireRecommendation: x.rr, department: x.d, jobLevel: x.j, performanceRatings: x.p }));
  }

  private parse(row: EligibilityPolicyVersionEntity): EligibilityPolicy {
    const checked = validateEligibilityPolicy(withVersion(row.document, row.version));
    if (!checked.ok) throw new AppException(ErrorCode.PolicyInvalid, `Stored policy version ${row.version} does not validate`, { problems: checked.problems });
    return checked.policy;
  }

  private async seedDefault(tenantId: string): Promise<EligibilityPolicyVersionEntity> {
    await this.db.query(
      `INSERT INTO eligibility_policies (tenant_id, version, status, document, comment, created_by, activated_by, activated_at)
       VALUES ($1, 1, 'active', $2, 'Shipped default (config/eligibility-policy.default.json)', 'system', 'system', now())
       ON CONFLICT DO NOTHING`,
      [tenantId, JSON.stringify(stripVersion(defaultPolicyDocument))],
    );
    const row = await this.repo.findOneBy({ tenantId, status: 'active' });
    if (!row) throw new Error('default policy could not be seeded');
    return row;
  }
}

/** The stored document never carries its own version; the row's number is the truth. */
function withVersion(document: unknown, version: number): unknown {
  return typeof document === 'object' && document !== null ? { ...document, version: String(version) } : document;
}

function stripVersion(document: unknown): Record<string, unknown> {
  const { version: _v, ...rest } = (document ?? {}) as Record<string, unknown>;
  return rest;
}
