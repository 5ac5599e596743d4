import { createTransport, type Transporter } from 'nodemailer';
import { MailNotSentError, MailSender, type MailMessage } from './mail-sender.port';

/** Sends through the SMTP server of `SMTP_URL` (nodemailer; STARTTLS when the server offers it). */
export class SmtpMailSender extends MailSender {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    // Explicit timeouts: a hung mail server must not hold a request (invitations are sent while HR waits).
    this.transport = createTransport(url, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as object);
  }

  async send(m: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
      });
    } catch (err) {
      // The server's reply only: never the message (it carries links with one-time tokens).
      const code =
        (err as { responseCode?: number; code?: string }).responseCode ?? (err as { code?: string }).code;
      throw new MailNotSentError(String(code ?? 'connection failed'));
    }
  }

  close(): void {
    this.transport.close();
  }
}
