import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { FairnessPolicy, FairnessPolicyProblem, validateFairnessPolicy } from '@comeback/domain/compensation';
import { AppException, AuditActor, AuditService, ErrorCode, NotFoundException } from '@comeback/platform';
import { DataSource, Repository } from 'typeorm';
import defaultPolicyDocument from '../../../../config/fairness-policy.default.json';
import { FairnessPolicyVersionEntity } from '../entities/fairness-policy-version.entity';

export interface ActiveFairnessPolicy {
  version: number;
  policy: FairnessPolicy;
}

export type FairnessPolicyValidationResult =
  { ok: true; policy: FairnessPolicy } | { ok: false; problems: FairnessPolicyProblem[] };

/**
 * Versioned, audited fairness policies (draft → active → retired), the same life cycle as eligibility policies.
 * A tenant without one gets config/fairness-policy.default.json as version 1. The document's own `version` is its
 * schema version (always 1); the row's `version` numbers the tenant's edits.
 */
@Injectable()
export class FairnessPolicyService {
  constructor(
    @InjectRepository(FairnessPolicyVersionEntity)
    private readonly repo: Repository<FairnessPolicyVersionEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  validate(document: unknown): FairnessPolicyValidationResult {
    return validateFairnessPolicy(document);
  }

  async active(tenantId: string): Promise<ActiveFairnessPolicy> {
    let row = await this.repo.findOneBy({ tenantId, status: 'active' });
    if (!row) row = await this.seedDefault(tenantId);
    return { version: row.version, policy: this.parse(row) };
  }

  async history(tenantId: string): Promise<FairnessPolicyVersionEntity[]> {
    await this.active(tenantId);
    return this.repo.find({ where: { tenantId }, order: { version: 'DESC' } });
  }

  async get(tenantId: string, version: number): Promise<FairnessPolicyVersionEntity> {
    const row = await this.repo.findOneBy({ tenantId, version });
    if (!row) throw new NotFoundException(`Fairness policy version ${version}`);
    return row;
  }

  async policyOf(tenantId: string, version: number): Promise<FairnessPolicy> {
    return this.parse(await this.get(tenantId, version));
  }

  async createDraft(
    actor: AuditActor,
    document: unknown,
    comment?: string,
  ): Promise<FairnessPolicyVersionEntity> {
    await this.active(actor.tenantId);
    const checked = this.validate(document);
    if (!checked.ok)
      throw new AppException(ErrorCode.PolicyInvalid, 'The policy has problems; nothing was saved.', {
        problems: checked.problems,
      });
    return this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fairness-policy:${actor.tenantId}`]);
      const [{ next }]: { next: number }[] = await m.query(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM fairness_policies WHERE tenant_id = $1',
        [actor.tenantId],
      );
      const repo = m.getRepository(FairnessPolicyVersionEntity);
      const row = repo.create({
        tenantId: actor.tenantId,
        version: next,
        status: 'draft',
        document: document as Record<string, unknown>,
        comment: comment ?? null,
        createdBy: actor.name,
      });
      await repo.save(row);
      await this.audit.record(
        actor,
        {
          action: 'fairness_policy.draft',
          targetType: 'fairness_policy',
          targetId: String(next),
          details: { comment: comment ?? null },
        },
        m,
      );
      return row;
    });
  }

  async activate(actor: AuditActor, version: number): Promise<FairnessPolicyVersionEntity> {
    const current = await this.active(actor.tenantId);
    const target = await this.get(actor.tenantId, version);
    if (target.status === 'active') return target;
    const checked = this.validate(target.document);
    if (!checked.ok)
      throw new AppException(ErrorCode.PolicyInvalid, 'This version no longer validates', {
        problems: checked.problems,
      });
    return this.db.transaction(async (m) => {
      const r = m.getRepository(FairnessPolicyVersionEntity);
      await r.update({ tenantId: actor.tenantId, status: 'active' }, { status: 'retired' });
      const activatedAt = new Date();
      await r.update({ id: target.id }, { status: 'active', activatedBy: actor.name, activatedAt });
      await this.audit.record(
        actor,
        {
          action: 'fairness_policy.activate',
          targetType: 'fairness_policy',
          targetId: String(version),
          details: { previousVersion: current.version },
        },
        m,
      );
      return { ...target, status: 'active', activatedBy: actor.name, activatedAt };
    });
  }

  private parse(row: FairnessPolicyVersionEntity): FairnessPolicy {
    const checked = this.validate(row.document);
    if (!checked.ok)
      throw new AppException(
        ErrorCode.PolicyInvalid,
        `Stored fairness policy version ${row.version} does not validate`,
        { problems: checked.problems },
      );
    return checked.policy;
  }

  private async seedDefault(tenantId: string): Promise<FairnessPolicyVersionEntity> {
    await this.db.query(
      `INSERT INTO fairness_policies (tenant_id, version, status, document, comment, created_by, activated_by, activated_at)
       VALUES ($1, 1, 'active', $2, 'Shipped default (config/fairness-policy.default.json)', 'system', 'system', now())
       ON CONFLICT DO NOTHING`,
      [tenantId, JSON.stringify(defaultPolicyDocument)],
    );
    const row = await this.repo.findOneBy({ tenantId, status: 'active' });
    if (!row) throw new Error('default fairness policy could not be seeded');
    return row;
  }
}
