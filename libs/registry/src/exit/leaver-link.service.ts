import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  MailSender,
  NotFoundException,
  type Principal,
  TenantService,
  ValidationFailedException,
} from '@comeback/platform';
import { AlumniService } from '../alumni/alumni.service';
import { AlumniSyncService } from '../sync/alumni-sync.service';
import type { AlumnusEntity } from '../alumni/alumnus.entity';
import type { ExitInterviewEntity, LeaverLinkEntity } from './exit-interview.entity';
import { ExitInterviewService } from './exit-interview.service';
import { ExitInterviewsRepository } from './exit-interviews.repository';
import { leaverText, type LeaverLang } from './leaver-texts';

/** How long a leaver's link works: long enough for the weeks around a last day, short enough to go stale. */
export const LEAVER_LINK_DAYS = 30;
export const LEAVER_LINK_PURPOSE = 'leaver_page';

export type LeaverLinkState =
  | { ok: true; link: LeaverLinkEntity; alumnus: AlumnusEntity; interview: ExitInterviewEntity | null }
  | { ok: false; reason: 'invalid' | 'expired' };

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The leaver's own page, reached by a personal link (no account). The token is 256 random bits; only its
 * SHA-256 is stored (like invitations): nothing to derive from a leaked database, nothing to re-sign when
 * SECRET_KEY rotates, and a new link revokes the earlier ones. The link is good for this one person's page
 * only (`purpose`), and expires. Every change goes through the registry's sync path and is audited.
 */
@Injectable()
export class LeaverLinkService {
  constructor(
    private readonly repo: ExitInterviewsRepository,
    private readonly exits: ExitInterviewService,
    private readonly alumni: AlumniService,
    private readonly registry: AlumniSyncService,
    private readonly tenants: TenantService,
    private readonly audit: AuditService,
    @Inject(MailSender) private readonly mail: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** HR sends the leaver their link (to the address HR names, else the first on file), in their language. */
  async send(
    p: Principal,
    alumnusId: string,
    opts: { to?: string; language?: LeaverLang },
    now = new Date(),
  ): Promise<{ expiresAt: Date; language: LeaverLang }> {
    const alumnus = await this.repo.alumnus(p.tenantId, alumnusId);
    if (!alumnus) throw new NotFoundException('Former employee');
    const to = (opts.to ?? alumnus.emails[0] ?? '').trim();
    if (!to) throw new ValidationFailedException('Give the e-mail address to send the link to');
    const language: LeaverLang = opts.language ?? 'ja';
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + LEAVER_LINK_DAYS * 86_400_000);
    await this.repo.transaction(async (tx) => {
      await this.repo.revokeLinks(tx, p.tenantId, alumnus.id);
      await this.repo.insertLinkIn(tx, {
        alumnusId: alumnus.id,
        tenantId: p.tenantId,
        tokenHash: hashToken(token),
        purpose: LEAVER_LINK_PURPOSE,
        language,
        expiresAt,
      });
      await this.audit.record(
        p,
        {
          action: 'exit_interview.link_sent',
          targetType: 'alumnus',
          targetId: alumnus.employeeNumber,
          details: { language, expiresAt: expiresAt.toISOString() },
        },
        tx,
      );
    });
    const tenant = await this.tenants.get(p.tenantId);
    const link = `${this.config.publicBaseUrl}/console/leaver?${new URLSearchParams({ t: token, lang: language }).toString()}`;
    await this.mail.send({
      tenantId: p.tenantId,
      to,
      kind: 'leaver_link',
      subject: leaverText(language, 'mailSubject'),
      text: leaverText(language, 'mailBody', {
        org: tenant.name,
        link,
        expires: expiresAt.toLocaleDateString(language === 'ja' ? 'ja-JP' : 'en-GB', {
          timeZone: 'Asia/Tokyo',
          dateStyle: 'long',
        }),
      }),
    });
    return { expiresAt, language };
  }

  /** The link's state: unknown or tampered → invalid; past its date or replaced → expired. Reads only. */
  async open(token: string | undefined, now = new Date()): Promise<LeaverLinkState> {
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: 'invalid' };
    const link = await this.repo.linkByHash(hashToken(token));
    if (!link || link.purpose !== LEAVER_LINK_PURPOSE) {
      // A revoked link (HR sent a newer one) is told apart from a made-up one: it was real, it is stale.
      return (await this.repo.anyLinkByHash(hashToken(token)))
        ? { ok: false, reason: 'expired' }
        : { ok: false, reason: 'invalid' };
    }
    if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
    const alumnus = await this.repo.alumnus(link.tenantId, link.alumnusId);
    if (!alumnus) return { ok: false, reason: 'invalid' };
    return { ok: true, link, alumnus, interview: await this.repo.find(link.tenantId, alumnus.id) };
  }

  /** The person confirms or gives a personal e-mail and phone and chooses whether to stay in touch. */
  async saveContacts(
    state: Extract<LeaverLinkState, { ok: true }>,
    input: { email: string; phone: string; stayInTouch: boolean },
  ): Promise<void> {
    const { link, alumnus } = state;
    const actor = leaverActor(link);
    const email = input.email.trim();
    const phone = input.phone.trim();
    const prepared = await this.registry.prepare(link.tenantId);
    await this.repo.transaction(async (tx) => {
      const row = await this.repo.forUpdate(tx, link.tenantId, alumnus.id);
      const personalEmails = email ? [email] : [];
      const personalPhones = phone ? [phone] : [];
      const consent = input.stayInTouch ? 'opted_in' : 'declined';
      // The registry first: its validation decides whether the e-mail and phone are usable at all.
      await this.exits.writeRegistry(
        tx,
        prepared,
        actor,
        alumnus,
        {
          emails: personalEmails.join(';'),
          phones: personalPhones.join(';'),
          network_opt_in: input.stayInTouch ? 'true' : 'false',
        },
        'leaver',
        { emails: row.personalEmails, phones: row.personalPhones },
      );
      const changes: Record<string, unknown> = {};
      if (JSON.stringify(row.personalEmails) !== JSON.stringify(personalEmails))
        changes.personalEmails = personalEmails;
      if (JSON.stringify(row.personalPhones) !== JSON.stringify(personalPhones))
        changes.personalPhones = personalPhones;
      if (row.consent !== consent) changes.consent = consent;
      row.personalEmails = personalEmails;
      row.personalPhones = personalPhones;
      if (row.consent !== consent) row.consentAt = new Date();
      row.consent = consent;
      if (Object.keys(changes).length > 0)
        await this.exits.commit(tx, actor, alumnus, row, changes, 'leaver');
    });
    await this.repo.touchLink(link.id);
  }

  /** Withdrawal: no more contact (network_opt_in off); the record stays for matching their own applications. */
  async withdraw(state: Extract<LeaverLinkState, { ok: true }>): Promise<void> {
    const { link, alumnus } = state;
    const actor = leaverActor(link);
    const prepared = await this.registry.prepare(link.tenantId);
    await this.repo.transaction(async (tx) => {
      const row = await this.repo.forUpdate(tx, link.tenantId, alumnus.id);
      await this.exits.writeRegistry(tx, prepared, actor, alumnus, { network_opt_in: 'false' }, 'leaver');
      row.consent = 'withdrawn';
      row.consentAt = new Date();
      await this.exits.commit(tx, actor, alumnus, row, { consent: 'withdrawn' }, 'leaver');
      await this.audit.record(
        actor,
        {
          action: 'exit_interview.consent_withdrawn',
          targetType: 'alumnus',
          targetId: alumnus.employeeNumber,
        },
        tx,
      );
    });
    await this.repo.touchLink(link.id);
  }

  /** Erasure asked by the person: the registry's own erasure (every copy, suppression, audit). */
  async erase(state: Extract<LeaverLinkState, { ok: true }>): Promise<void> {
    const { link, alumnus } = state;
    const actor = leaverActor(link);
    await this.alumni.erase({ ...actor, subject: `leaver-link:${link.id}` }, alumnus.employeeNumber);
  }
}

/** The leaver acting through their link: named by the link, never by their name (audit details outlive them). */
function leaverActor(link: LeaverLinkEntity): Principal {
  return {
    tenantId: link.tenantId,
    role: 'integration',
    subject: `leaver-link:${link.id}`,
    name: 'leaver (own link) / 退職者本人（専用リンク）',
  };
}
