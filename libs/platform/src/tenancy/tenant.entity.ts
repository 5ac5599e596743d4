import type { RetentionSettings } from '@comeback/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface TenantSettings {
  /** Company e-mail domains: addresses there stop identifying someone once they left. Detected at import when unset. */
  corporateEmailDomains?: string[];
  /**
   * maxReviewShare: HR's review budget (share of applicants sent to a person, default 0.05). With no fixed
   * `review` threshold, the threshold follows the tenant's recent scores to stay within it.
   */
  matchThresholds?: { match?: number; review?: number; margin?: number; maxReviewShare?: number };
  /** How long raw webhook bodies and audit details are kept (defaults: 90 and 365 days). */
  retention?: RetentionSettings;
  /**
   * Names the company goes by on CVs besides the tenant's name (former names, the English name): a work-history
   * entry naming one of them is compared with the registry's hire and leave dates.
   */
  companyNames?: string[];
  /** The language of the notes we write into the ATS on a person's decision (default Japanese). */
  language?: 'ja' | 'en';
}

@Entity('tenants')
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings!: TenantSettings;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
