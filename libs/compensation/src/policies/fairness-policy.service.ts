import { Injectable } from '@nestjs/common';
import { FairnessPolicy, FairnessPolicyProblem, validateFairnessPolicy } from '@comeback/domain/compensation';
import {
  AuditActor,
  VersionedDocumentKind,
  VersionedDocumentStore,
  VersionedDocumentStores,
} from '@comeback/platform';
import defaultPolicyDocument from '../../../../config/fairness-policy.default.json';
import { FairnessPolicyVersionEntity } from '../entities/fairness-policy-version.entity';

export interface ActiveFairnessPolicy {
  version: number;
  policy: FairnessPolicy;
}

export type FairnessPolicyValidationResult =
  { ok: true; policy: FairnessPolicy } | { ok: false; problems: FairnessPolicyProblem[] };

/**
 * The document's own `version` is its schema version (always 1); the row's `version` numbers the tenant's
 * edits, so the document is stored as submitted.
 */
export const FAIRNESS_POLICIES: VersionedDocumentKind<FairnessPolicy> = {
  name: 'fairness_policy',
  label: 'fairness policy',
  entity: FairnessPolicyVersionEntity,
  lockPrefix: 'fairness-policy',
  validate: (document) => {
    const r = validateFairnessPolicy(document);
    return r.ok ? { ok: true, value: r.policy } : r;
  },
  toStored: (document) => document as Record<string, unknown>,
  seed: { document: defaultPolicyDocument, comment: 'Shipped default (config/fairness-policy.default.json)' },
  auditDiff: false,
};

/**
 * Versioned, audited fairness policies (draft → active → retired), the same store as eligibility policies.
 * A tenant without one gets config/fairness-policy.default.json as version 1.
 */
@Injectable()
export class FairnessPolicyService {
  private readonly store: VersionedDocumentStore<FairnessPolicy>;

  constructor(stores: VersionedDocumentStores) {
    this.store = stores.for(FAIRNESS_POLICIES);
  }

  validate(document: unknown): FairnessPolicyValidationResult {
    return validateFairnessPolicy(document);
  }

  async active(tenantId: string): Promise<ActiveFairnessPolicy> {
    const a = await this.store.active(tenantId);
    return { version: a.version, policy: a.value };
  }

  history(tenantId: string): Promise<FairnessPolicyVersionEntity[]> {
    return this.store.history(tenantId);
  }

  get(tenantId: string, version: number): Promise<FairnessPolicyVersionEntity> {
    return this.store.get(tenantId, version);
  }

  /** Runs `work` (the dry run) on the version's policy and records it on the row; activation requires that record. */
  dryRun<R>(actor: AuditActor, version: number, work: (draft: FairnessPolicy) => Promise<R>): Promise<R> {
    return this.store.dryRun(actor, version, work);
  }

  createDraft(actor: AuditActor, document: unknown, comment?: string): Promise<FairnessPolicyVersionEntity> {
    return this.store.createDraft(actor, document, comment);
  }

  activate(actor: AuditActor, version: number): Promise<FairnessPolicyVersionEntity> {
    return this.store.activate(actor, version);
  }
}
