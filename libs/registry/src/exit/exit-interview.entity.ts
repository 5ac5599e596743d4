import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The exit interview (退職面談) of one former employee: the current state, one row per registry record.
 * `departureCategory` and `hrDetail` are HR-only; the leaver's own contacts and consent come from their link.
 */
@Entity('exit_interviews')
@Index('ix_exit_interviews_interviewer', ['tenantId', 'interviewerEmail'])
export class ExitInterviewEntity {
  @PrimaryColumn({ type: 'uuid' })
  alumnusId!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  /** Increments on every change; each version has one history row. */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  /** The manager HR named to hold the interview (a hiring_manager signed in with this e-mail may fill it). */
  @Column({ type: 'text', nullable: true })
  interviewerEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  departureCategory!: string | null;

  @Column({ type: 'text', nullable: true })
  hrDetail!: string | null;

  @Column({ type: 'text', nullable: true })
  rehireRecommendation!: string | null;

  @Column({ type: 'boolean', nullable: true })
  welcomeBackSaid!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  regrettable!: boolean | null;

  /** someday / maybe / no: would they come back. */
  @Column({ type: 'text', nullable: true })
  returnWish!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  returnAreas!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  returnRoles!: string[];

  /** What the leaver gave on their page (replaced, not accumulated, when they change it). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  personalEmails!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  personalPhones!: string[];

  /** unknown / opted_in / declined / withdrawn. */
  @Column({ type: 'text', default: 'unknown' })
  consent!: string;

  @Column({ type: 'timestamptz', nullable: true })
  consentAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** Who set what, when: one row per version of an exit interview. HR-only (it may quote the HR-only detail). */
@Entity('exit_interview_history')
@Unique('uq_exit_interview_history_version', ['alumnusId', 'version'])
export class ExitInterviewHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  alumnusId!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'integer' })
  version!: number;

  /** hr / manager / leaver */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  actorRole!: string;

  @Column({ type: 'uuid', nullable: true })
  actorPersonId!: string | null;

  /** The fields this version set, with their new values. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes!: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/**
 * A personal link to the leaver's own page. Only the SHA-256 of its random token is stored: a database copy
 * yields no usable link, HR can revoke one, and no signing key needs rotating with SECRET_KEY.
 */
@Entity('leaver_links')
@Index('ix_leaver_links_alumnus', ['alumnusId'])
export class LeaverLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  alumnusId!: string;

  @Column({ type: 'uuid' })
  tenantId!: string;

  @Index('uq_leaver_links_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  /** The one thing the link is good for: the leaver's own consent page. */
  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
