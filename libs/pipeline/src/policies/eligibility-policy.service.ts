import { Injectable } from '@nestjs/common';
import {
  AlumnusEligibilityInput,
  dryRunPolicyChange,
  DryRunResult,
  EligibilityPolicy,
  PolicyProblem,
  validateEligibilityPolicy,
} from '@comeback/domain';
import {
  AuditActor,
  AuditService,
  VersionedDocumentKind,
  VersionedDocumentStore,
  VersionedDocumentStores,
} from '@comeback/platform';
import defaultPolicyDocument from '../../../../config/eligibility-policy.default.json';
import { EligibilityInputsRepository } from './eligibility-inputs.repository';
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

/** The stored document never carries its own version; the row's number is the truth. */
export const ELIGIBILITY_POLICIES: VersionedDocumentKind<EligibilityPolicy> = {
  name: 'eligibility_policy',
  label: 'policy',
  entity: EligibilityPolicyVersionEntity,
  lockPrefix: 'policy',
  validate: (document, version) => {
    const r = validateEligibilityPolicy(withVersion(document, version));
    return r.ok ? { ok: true, value: r.policy } : r;
  },
  toStored: stripVersion,
  seed: {
    document: defaultPolicyDocument,
    comment: 'Shipped default (config/eligibility-policy.default.json)',
  },
  auditDiff: true,
};

/** Versioned, audited eligibility policies. A tenant without one gets the shipped default as version 1. */
@Injectable()
export class EligibilityPolicyService {
  private readonly store: VersionedDocumentStore<EligibilityPolicy>;

  constructor(
    stores: VersionedDocumentStores,
    private readonly inputs: EligibilityInputsRepository,
    private readonly audit: AuditService,
  ) {
    this.store = stores.for(ELIGIBILITY_POLICIES);
  }

  validate(
    document: unknown,
  ): { ok: true; policy: EligibilityPolicy } | { ok: false; problems: readonly PolicyProblem[] } {
    return validateEligibilityPolicy(withVersion(document, 0));
  }

  async active(tenantId: string): Promise<ActivePolicy> {
    const a = await this.store.active(tenantId);
    return { version: a.version, policy: a.value };
  }

  history(tenantId: string): Promise<EligibilityPolicyVersionEntity[]> {
    return this.store.history(tenantId);
  }

  get(tenantId: string, version: number): Promise<EligibilityPolicyVersionEntity> {
    return this.store.get(tenantId, version);
  }

  createDraft(
    actor: AuditActor,
    document: unknown,
    comment?: string,
  ): Promise<EligibilityPolicyVersionEntity> {
    return this.store.createDraft(actor, document, comment);
  }

  activate(actor: AuditActor, version: number): Promise<EligibilityPolicyVersionEntity> {
    return this.store.activate(actor, version);
  }

  /**
   * Evaluates the draft and the active policy over the whole registry and over open applications, and records the
   * dry run on the draft (activation requires it). Lists people with their departure reasons: audited (who, which
   * version, how many examples; never who).
   */
  async dryRun(actor: AuditActor, version: number, asOf: string): Promise<PolicyDryRunReport> {
    const tenantId = actor.tenantId;
    const started = performance.now();
    const current = await this.active(tenantId);
    return this.store.dryRun(actor, version, async (draft) => {
      const alumni = await this.inputs.eligibilityInputs(tenantId);
      const registry = dryRunPolicyChange(current.policy, draft, alumni, { asOf, exampleLimit: 20 });
      const open = await this.inputs.openApplications(tenantId);
      const byNumber = new Map(alumni.map((a) => [a.employeeNumber, a]));
      const jobOf = new Map(open.map((o) => [o.employee_number, o.job_id]));
      const applicants = open
        .map((o) => byNumber.get(o.employee_number))
        .filter((a): a is AlumnusEligibilityInput => !!a);
      const openApplications = dryRunPolicyChange(current.policy, draft, applicants, {
        asOf,
        exampleLimit: 20,
        jobOf: (a) => ({ jobId: jobOf.get(a.employeeNumber) }),
      });
      await this.audit.record(actor, {
        action: 'eligibility_policy.dry_run',
        targetType: 'eligibility_policy',
        targetId: String(version),
        details: {
          againstVersion: current.version,
          asOf,
          registryExamples: registry.examples.length,
          openApplicationExamples: openApplications.examples.length,
        },
      });
      return {
        version,
        againstVersion: current.version,
        registry,
        openApplications,
        elapsedMs: Math.round(performance.now() - started),
      };
    });
  }
}

function withVersion(document: unknown, version: number): unknown {
  return typeof document === 'object' && document !== null
    ? { ...document, version: String(version) }
    : document;
}

function stripVersion(document: unknown): Record<string, unknown> {
  const { version: _v, ...rest } = (document ?? {}) as Record<string, unknown>;
  return rest;
}
