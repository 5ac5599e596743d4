import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A token HR revoked before it expired, by its `jti`. Checked on every authenticated request (cached). */
@Entity('revoked_tokens')
export class RevokedTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  jti!: string;

  @Column({ type: 'text' })
  revokedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  revokedAt!: Date;
}
