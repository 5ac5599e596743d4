import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The one mail port notifications need. Kept minimal on purpose: a shared mail sender (SMTP + outbox) can stand
 * behind it by binding a class that forwards `send` to it.
 */
export abstract class NotificationMailer {
  abstract send(mail: OutgoingMail): Promise<void>;
}

/** Over SMTP (`SMTP_URL`, e.g. `smtp://user:pass@mail.example.co.jp:587` or `smtps://…`). */
export class SmtpNotificationMailer extends NotificationMailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transport = createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  close(): void {
    this.transport.close();
  }
}

/** The sender address: `MAIL_FROM`, or no-reply at the public host. */
export function mailFrom(env: NodeJS.ProcessEnv, publicBaseUrl: string): string {
  if (env.MAIL_FROM) return env.MAIL_FROM;
  try {
    return `Comeback <no-reply@${new URL(publicBaseUrl).hostname}>`;
  } catch {
    return 'Comeback <no-reply@localhost>';
  }
}
