import { VersionedDocumentRow, type VersionedDocumentStatus } from '@comeback/platform';
import { Entity, Index, Unique } from 'typeorm';

export type PolicyStatus = VersionedDocumentStatus;

/** Versioned eligibility policy documents; exactly one active per tenant (partial unique index). */
@Entity('eligibility_policies')
@Unique('uq_eligibility_policies_version', ['tenantId', 'version'])
@Index('uq_eligibility_policies_active', ['tenantId'], { unique: true, where: "status = 'active'" })
export class EligibilityPolicyVersionEntity extends VersionedDocumentRow {}
