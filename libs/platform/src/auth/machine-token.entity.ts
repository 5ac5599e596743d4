import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A named token for a machine client (the `integration` role, CLI use): listable and revocable by HR. */
@Entity('machine_tokens')
@Index(['tenantId', 'createdAt'])
export class MachineTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  jti!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;
}
