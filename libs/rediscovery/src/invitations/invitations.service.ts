import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AtsConnectorRegistry, asAtsKind, type AtsKind } from '@comeback/ats';
import { TrackedApplicationsService } from '@comeback/pipeline';
import {
  APP_CONFIG,
  AppException,
  AuditService,
  ErrorCode,
  MailSender,
  NotFoundException,
  type AppConfig,
  type Principal,
} from '@comeback/platform';
import { AlumniService } from '@comeback/registry';
import { RediscoveryService } from '../jobs/rediscovery.service';
import { signInvitationToken, verifyInvitationToken } from './invitation-link';
import { invitationText } from './invitation-texts';
import type { InvitationEntity, InvitationLanguage } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 30;
/** The path of the link's landing page (public, signed token). */
export const INVITATION_LINK_PATH = '/invitations';

export interface InviteInput {
  ats: AtsKind;
  jobId: string;
  employeeNumber: string;
  message: string;
  language: InvitationLanguage;
}

export interface InvitationView {
  id: string;
  ats: string;
  jobId: string;
  jobTitle: string;
  employeeNumber: string;
  language: InvitationLanguage;
  sentAt: string;
  expiresAt: string;
  openedAt: string | null;
  appliedAt: string | null;
  applicationId: string | null;
}

export interface InvitationFunnel {
  sent: number;
  opened: number;
  applied: number;
  fastTracked: number;
  hired: number;
}

/** What the link's landing page shows (no state changes on GET). */
export type InvitationLanding =
  | { state: 'ok'; language: InvitationLanguage; jobTitle: string }
  | { state: 'expired'; language: InvitationLanguage | null }
  | { state: 'invalid' };

function refused(reason: string, message: string): AppException {
  return new AppException(ErrorCode.InvitationRefused, message, { reason });
}

export function toInvitationView(i: InvitationEntity): InvitationView {
  return {
    id: i.id,
    ats: i.ats,
    jobId: i.jobId,
    jobTitle: i.jobTitle,
    employeeNumber: i.employeeNumber,
    language: i.language,
    sentAt: i.sentAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    openedAt: i.openedAt ? i.openedAt.toISOString() : null,
    appliedAt: i.appliedAt ? i.appliedAt.toISOString() : null,
    applicationId: i.applicationId,
  };
}

/**
 * Personal invitations: HR or the job's hiring manager invites an eligible, consenting former employee to an open
 * job. The e-mail (in the person's language) carries a signed, expiring link to our page, which records the click
 * and forwards to the ATS's application form with the invitation's marker; the application that comes back is
 * matched with certainty (InvitationMarkerResolver). Nobody is invited twice for the same job.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly repo: InvitationsRepository,
    private readonly rediscovery: RediscoveryService,
    private readonly alumni: AlumniService,
    private readonly connectors: AtsConnectorRegistry,
    private readonly tracked: TrackedApplicationsService,
    private readonly audit: AuditService,
    @Inject(MailSender) private readonly mail: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(principal: Principal, input: InviteInput): Promise<InvitationView> {
    const job = await this.rediscovery.job(principal, input.ats, input.jobId);
    const { tenantId } = principal;
    if (await this.repo.exists(tenantId, input.ats, input.jobId, input.employeeNumber))
      throw new AppException(ErrorCode.Conflict, 'This person was already invited to this job', {
        reason: 'already_invited',
      });
    const may = await this.rediscovery.eligibleFor(tenantId, input.ats, job, input.employeeNumber);
    if (may === 'not_found') throw new NotFoundException('Former employee');
    if (may === 'not_opted_in')
      throw refused('not_opted_in', 'This person did not agree to be contacted; they cannot be invited');
    // The reason stays with HR (the eligibility rules); the answer only says "not eligible".
    if (may === 'not_eligible')
      throw refused('not_eligible', 'This person is not eligible for this job under the active policy');
    const alumnus = (await this.alumni.findByEmployeeNumber(tenantId, input.employeeNumber))!;
    const to = alumnus.emails[0];
    if (!to) throw refused('no_email', 'The registry has no e-mail address for this person');
    if (!job.applyUrl)
      throw refused('job_not_published', 'The job has no public application form in the ATS');

    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
    const row = await this.repo.insert({
      tenantId,
      ats: input.ats,
      jobId: job.jobId,
      jobTitle: job.title,
      employeeNumber: alumnus.employeeNumber,
      recipientEmail: to.trim().toLowerCase(),
      language: input.language,
      message: input.message,
      marker: `cb_${randomBytes(9).toString('hex')}`,
      applyUrl: job.applyUrl,
      invitedBy: principal.subject,
      invitedByRole: principal.role,
      expiresAt,
    });
    if (!row)
      throw new AppException(ErrorCode.Conflict, 'This person was already invited to this job', {
        reason: 'already_invited',
      });

    const lang = input.language;
    const link = `${this.config.publicBaseUrl}${INVITATION_LINK_PATH}/${signInvitationToken(this.config.secretKey, row.id, expiresAt)}`;
    const name =
      lang === 'ja'
        ? `${alumnus.familyName} ${alumnus.givenName}`
        : `${alumnus.givenName} ${alumnus.familyName}`;
    await this.mail.send({
      tenantId,
      to,
      kind: 'alumni_invitation',
      subject: invitationText(lang, 'mailSubject', { job: job.title }),
      text: invitationText(lang, 'mailBody', {
        name: name.trim(),
        inviter: principal.name,
        job: job.title,
        message: input.message,
        link,
        expires: expiresAt.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
          timeZone: 'Asia/Tokyo',
          dateStyle: 'long',
        }),
      }),
    });
    await this.audit.record(principal, {
      action: 'rediscovery.invite',
      targetType: 'alumnus',
      targetId: alumnus.employeeNumber,
      details: { ats: input.ats, jobId: job.jobId, invitationId: row.id },
    });
    return toInvitationView(row);
  }

  /** The newest invitations (HR: all; a hiring manager: the ones they sent). */
  async recent(principal: Principal, limit: number): Promise<InvitationView[]> {
    const rows = await this.repo.recent(
      principal.tenantId,
      principal.role === 'hr_admin' ? limit : limit * 4,
    );
    return rows
      .filter((r) => principal.role === 'hr_admin' || r.invitedBy === principal.subject)
      .slice(0, limit)
      .map(toInvitationView);
  }

  private secrets(): Buffer[] {
    return [this.config.secretKey, ...(this.config.secretKeyPrevious ? [this.config.secretKeyPrevious] : [])];
  }

  /** The landing page's view of a link; reads only. */
  async landing(token: string): Promise<InvitationLanding> {
    const v = verifyInvitationToken(this.secrets(), token);
    if (!v.ok) {
      if (v.reason !== 'expired') return { state: 'invalid' };
      return { state: 'expired', language: null };
    }
    const inv = await this.repo.findById(v.invitationId);
    if (!inv) return { state: 'invalid' };
    return { state: 'ok', language: inv.language, jobTitle: inv.jobTitle };
  }

  /**
   * The person follows the link (a POST from our landing page): the click is recorded and the answer is the ATS's
   * application form carrying the marker. Expired → 410, anything unreadable → 404.
   */
  async follow(token: string): Promise<string> {
    const v = verifyInvitationToken(this.secrets(), token);
    if (!v.ok) {
      if (v.reason === 'expired')
        throw new AppException(ErrorCode.LinkExpired, 'This invitation has expired');
      throw new NotFoundException('Invitation');
    }
    const inv = await this.repo.findById(v.invitationId);
    if (!inv) throw new NotFoundException('Invitation');
    await this.repo.recordOpen(inv.id, new Date());
    return this.connectors.get(asAtsKind(inv.ats)).applyUrlWithMarker(inv.applyUrl, inv.marker);
  }

  /**
   * The funnel of the invitations sent in [from, to): sent, opened (link followed), applied (an application came
   * through the invitation), fast-tracked (the pipeline's decision for that application), hired. The pipeline does
   * not record hires yet, so `hired` is 0 until it does.
   */
  async funnel(tenantId: string, from: Date, to: Date): Promise<InvitationFunnel> {
    const rows = await this.repo.sentBetween(tenantId, from, to);
    const applied = rows.filter((r) => r.appliedAt && r.applicationId);
    const records = await Promise.all(
      applied.map((r) => this.tracked.record(tenantId, r.ats, r.applicationId!)),
    );
    return {
      sent: rows.length,
      opened: rows.filter((r) => r.openedAt).length,
      applied: applied.length,
      fastTracked: records.filter((a) => a?.outcome === 'fast_tracked').length,
      // Set by the ATS's hire event (libs/outcomes records it on the tracked application).
      hired: records.filter((a) => !!a?.hiredAt).length,
    };
  }
}
