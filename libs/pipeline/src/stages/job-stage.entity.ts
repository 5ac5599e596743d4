import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Cached ordered stages of a job (shared by every worker; refreshed after a TTL or a stale move). */
@Entity('job_stage_cache')
export class JobStageCacheEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  ats!: string;

  @PrimaryColumn({ type: 'text' })
  jobId!: string;

  @Column({ type: 'jsonb' })
  stages!: { id: string; name: string; position: number }[];

  @Column({ type: 'text', nullable: true })
  jobName!: string | null;

  @Column({ type: 'timestamptz' })
  fetchedAt!: Date;
}

/** HR's per-job stage mapping: which stages each tier skips, and which are protected, by id or name. */
@Entity('job_stage_mappings')
export class JobStageMappingEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  ats!: string;

  @PrimaryColumn({ type: 'text' })
  jobId!: string;

  @Column({ type: 'jsonb' })
  mapping!: { tiers: Record<string, string[]>; protected: string[] };

  @Column({ type: 'text' })
  updatedBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
