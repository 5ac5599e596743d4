import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** One tenant's link to one ATS. Secrets are sealed (AES-GCM) with the key from the environment. */
@Entity('ats_connections')
@Unique('uq_ats_connections_tenant_kind', ['tenantId', 'kind'])
export class AtsConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  apiBaseUrl!: string;

  @Column({ type: 'text', nullable: true })
  authUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  clientId!: string | null;

  @Column({ type: 'text' })
  secretSealed!: string;

  /**
   * The webhook signing secrets, each sealed on its own (Greenhouse sets up one webhook per event, each with its
   * own secret key). Empty where the ATS signs with the connection's own credential (webhookSigningSecret).
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  webhookSecretsSealed!: string[];

  /** OAuth2 authorization-code connections: the current refresh token (rotates on every refresh). */
  @Column({ type: 'text', nullable: true })
  refreshTokenSealed!: string | null;

  /** The access token last issued for the refresh token, shared by every process until it expires. */
  @Column({ type: 'text', nullable: true })
  accessTokenSealed!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  accessTokenExpiresAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  actingUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  offerSalaryField!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
