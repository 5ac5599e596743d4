import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, MailSender } from '@comeback/platform';
import type { PersonLanguage, PersonRole } from './entities/person.entity';
import { peopleTexts, ROLE_TEXT } from './views/people-texts';

/** The e-mails of sign-in, in the recipient's language; they carry a link, nothing else about anyone. */
@Injectable()
export class PeopleMailer {
  constructor(
    @Inject(MailSender) private readonly mail: MailSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  link(path: string, params: Record<string, string>): string {
    return `${this.config.publicBaseUrl}${path}?${new URLSearchParams(params).toString()}`;
  }

  async invitation(input: {
    tenantId: string;
    tenantSlug: string;
    to: string;
    language: PersonLanguage;
    role: PersonRole;
    inviter: string;
    token: string;
    expiresAt: Date;
  }): Promise<string> {
    const t = peopleTexts(input.language);
    const link = this.link('/console/invitation', { tenant: input.tenantSlug, token: input.token });
    await this.mail.send({
      tenantId: input.tenantId,
      to: input.to,
      kind: 'invitation',
      subject: t('mailInviteSubject'),
      text: t('mailInviteBody', {
        inviter: input.inviter,
        org: input.tenantSlug,
        role: t(ROLE_TEXT[input.role]),
        expires: input.expiresAt.toLocaleString(input.language === 'ja' ? 'ja-JP' : 'en-GB', {
          timeZone: 'Asia/Tokyo',
          dateStyle: 'medium',
          timeStyle: 'short',
        }),
        link,
      }),
    });
    return link;
  }

  async passwordReset(input: {
    tenantId: string;
    tenantSlug: string;
    to: string;
    language: PersonLanguage;
    token: string;
  }): Promise<void> {
    const t = peopleTexts(input.language);
    const link = this.link('/console/password-reset/confirm', {
      tenant: input.tenantSlug,
      token: input.token,
    });
    await this.mail.send({
      tenantId: input.tenantId,
      to: input.to,
      kind: 'password_reset',
      subject: t('mailResetSubject'),
      text: t('mailResetBody', { org: input.tenantSlug, link }),
    });
  }
}
