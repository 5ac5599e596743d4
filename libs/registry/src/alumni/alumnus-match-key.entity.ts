import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Identity keys (e-mail, phone, name readings, employee number) so that finding candidates for an applicant
 * is an index lookup. Stored as 64-bit hashes (`hashtextextended(key, 0)`): an eight-byte index entry instead
 * of a collated text one makes a million-person import several times cheaper, and a hash collision only adds
 * a candidate that scoring then rejects. One index, no foreign key: the alumnus row keeps its own hashes
 * (`alumni.match_key_hashes`), so updates and erasures delete exactly these rows through the primary key.
 */
@Entity('alumni_match_keys')
export class AlumnusMatchKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'bigint' })
  keyHash!: string;

  @PrimaryColumn({ type: 'uuid' })
  alumnusId!: string;
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

  /** Oldest key derivation (MATCH_KEYS_VERSION) any of the tenant's stored keys may have been built with. */
  @Column({ type: 'integer', default: 1 })
  matchKeysVersion!: number;
}
