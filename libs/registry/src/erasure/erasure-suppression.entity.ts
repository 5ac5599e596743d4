import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An erased former employee, remembered only as keyed hashes of their identity keys (IdentityKeyHasher): a
 * later import skips rows sharing one of them until HR lifts the suppression. Nothing here is readable.
 */
@Entity('erasure_suppressions')
@Index(['tenantId'])
export class ErasureSuppressionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text', array: true })
  keyHashes!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
