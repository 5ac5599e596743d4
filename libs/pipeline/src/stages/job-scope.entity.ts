import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A job's department as the ATS last named it (shared by every worker; refreshed after a TTL, like the stages). */
@Entity('job_scope_cache')
export class JobScopeCacheEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  ats!: string;

  @PrimaryColumn({ type: 'text' })
  jobId!: string;

  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ type: 'timestamptz' })
  fetchedAt!: Date;
}
