import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

export type VersionedDocumentStatus = 'draft' | 'active' | 'retired';

/**
 * The columns of a versioned document table (one per document kind, e.g. `eligibility_policies`). A kind's
 * entity extends this with its `@Entity` name, the unique (tenant, version) constraint and the partial unique
 * index that allows one active version per tenant.
 */
export abstract class VersionedDocumentRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  status!: VersionedDocumentStatus;

  @Column({ type: 'jsonb' })
  document!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  activatedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  /** The last dry run of this version: who ran it, when, and a hash of the exact document it ran. */
  @Column({ type: 'text', nullable: true })
  dryRunBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  dryRunAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  dryRunHash!: string | null;
}

/** The entity class of one document kind. */
export type VersionedDocumentEntity = new () => VersionedDocumentRow;
