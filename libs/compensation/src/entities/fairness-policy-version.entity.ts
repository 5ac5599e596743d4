import { VersionedDocumentRow, type VersionedDocumentStatus } from '@comeback/platform';
import { Entity, Index, Unique } from 'typeorm';

export type FairnessPolicyStatus = VersionedDocumentStatus;

/** Versioned fairness policy documents; exactly one active per tenant (partial unique index). */
@Entity('fairness_policies')
@Unique('uq_fairness_policies_version', ['tenantId', 'version'])
@Index('uq_fairness_policies_active', ['tenantId'], { unique: true, where: "status = 'active'" })
export class FairnessPolicyVersionEntity extends VersionedDocumentRow {}
