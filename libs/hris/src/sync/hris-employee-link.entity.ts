import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Which registry record an HR-system employee feeds, and what the sync last wrote from it (its contacts, so a
 * changed e-mail replaces the old one without touching contacts from the exit interview or a CSV).
 * A crew deleted in the HR system is marked here; the registry record stays (erasure is HR's act).
 */
@Entity('hris_employee_links')
export class HrisEmployeeLinkEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @PrimaryColumn({ type: 'text' })
  externalId!: string;

  @Column({ type: 'text' })
  employeeNumber!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  syncedEmails!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  syncedPhones!: string[];

  @Column({ type: 'text', nullable: true })
  sourceUpdatedAt!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
