// The mail port: SMTP through a real SMTP server in this process, and the database outbox when SMTP_URL is unset.
import { MailOutbox, MailSender } from '@comeback/platform';
import { startApi, type Harness } from '../support/api-harness';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

describe('mail port', () => {
  let smtp: SmtpSink;
  beforeAll(async () => {
    smtp = await startSmtpSink();
  });
  afterAll(async () => smtp?.close());

  describe('with SMTP_URL', () => {
    let api: Harness;
    beforeAll(async () => {
      api = await startApi({ SMTP_URL: smtp.url, MAIL_FROM: 'Comeback <no-reply@example.test>' });
    });
    afterAll(async () => {
      await api?.close();
      delete process.env.SMTP_URL;
    });

    it('sends through the SMTP server, Japanese subject and body intact, nothing kept in the outbox', async () => {
      await api.app.get(MailSender).send({
        tenantId: null,
        to: 'hanako@example.test',
        subject: 'Comeback への招待',
        text: 'こんにちは。次のリンクから: http://x/console',
        kind: 'test',
      });
      const m = await smtp.next('hanako@example.test');
      expect(m.from).toBe('no-reply@example.test');
      expect(m.subject).toBe('Comeback への招待');
      expect(m.text).toContain('こんにちは。次のリンクから: http://x/console');
      expect(await api.app.get(MailOutbox).latest()).toEqual([]);
    });
  });

  describe('without SMTP_URL', () => {
    let api: Harness;
    beforeAll(async () => {
      api = await startApi({ SMTP_URL: undefined });
    });
    afterAll(async () => api?.close());

    it('keeps the mail in the outbox instead of sending it', async () => {
      const before = smtp.received.length;
      await api.app.get(MailSender).send({
        tenantId: null,
        to: 'taro@example.test',
        subject: 'Reset',
        text: 'link',
        kind: 'password_reset',
      });
      const [kept] = await api.app.get(MailOutbox).latest();
      expect(kept).toMatchObject({
        recipient: 'taro@example.test',
        subject: 'Reset',
        textBody: 'link',
        kind: 'password_reset',
      });
      expect(smtp.received.length).toBe(before);
    });
  });
});
