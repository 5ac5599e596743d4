import { Column, Entity, Index, ManyToOne, JoinColumn, PrimaryColumn } from 'typeorm';
import { AlumnusEntity } from './alumnus.entity';

/**
 * Normalised identity keys (e-mail, phone, name readings, birth date combinations) so that finding
 * candidates for an applicant is an index lookup. Rows go with their alumnus (ON DELETE CASCADE).
 */
@Entity('alumni_match_keys')
@Index('ix_alumni_match_keys_alumnus', ['alumnusId'])
export class AlumnusMatchKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId!: string;

  @ManyToOne(() => AlumnusEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alumnus_id' })
  alumnus?: AlumnusEntity;
}

/** How many alumni of a tenant share a name key; refreshed by imports and erasures. */
@Entity('alumni_name_frequencies')
export class AlumniNameFrequencyEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  count!: number;
}

/** Per-tenant registry facts the matcher needs on every call (cached rather than counted). */
@Entity('registry_stats')
export class RegistryStatsEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'integer', default: 0 })
  alumniCount!: number;

  /** Company e-mail domains detected from the registry (tenant settings may override). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  corporateEmailDomains!: string[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  refreshedAt!: Date;
}
