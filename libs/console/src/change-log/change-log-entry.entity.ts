import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ChangeCategory } from '@comeback/domain';

/** "What changed since you left": an HR-kept entry per department (null = company-wide) and date. */
@Entity('change_log_entries')
@Index(['tenantId', 'effectiveDate'])
export class ChangeLogEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text', nullable: true })
  department!: string | null;

  @Column({ type: 'date' })
  effectiveDate!: string;

  @Column({ type: 'text' })
  category!: ChangeCategory;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  @Column({ type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The department an ATS job belongs to (HR-set): the briefing's "what changed" is filtered to it. */
@Entity('job_departments')
export class JobDepartmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  ats!: string;

  @PrimaryColumn({ type: 'text' })
  jobId!: string;

  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'text' })
  updatedBy!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
