import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A tenant's pepper for the suppression list's keyed hashes (IdentityKeyHasher): random, made once, kept sealed
 * under SECRET_KEY (re-sealed by `secrets:rotate`) and never rotated itself, so the hashes outlive key rotations.
 */
@Entity('identity_key_peppers')
export class IdentityKeyPepperEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  pepperSealed!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
