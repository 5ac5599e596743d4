import { DataSource } from 'typeorm';
import { http, startApi, type Harness, type TestTenant } from '../support/api-harness';
import { sensitiveFindings } from '../support/sensitive-scan';
import { startHookReceiver, startSmtp } from './mail-capture';

jest.setTimeout(120_000);

const HR = 'hana.hr@acme.example';
const REC = 'rio.rec@acme.example';
/** The applicant's name and pay, present in the tables notifications read: they must never be told. */
const APPLICANT = { name: '山田 太郎', email: 'taro.yamada.88@gmail.com', salary: 6_200_000 };

describe('notifications by e-mail (real SMTP) and to a Teams/Slack webhook', () => {
  let api: Harness;
  let tenant: TestTenant;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let hook: Awaited<ReturnType<typeof startHookReceiver>>;
  let db: DataSource;
  let hrToken: string;
  let recToken: string;
  const ids: Record<string, string> = {};

  const call = (method: string, path: string, token: string, json?: unknown) =>
    http(api.baseUrl, method, path, { token, json });

  /** Everything a notification could carry: mails and chat posts, scanned as one text. */
  const everythingSent = () => JSON.stringify({ mails: smtp.mails, posts: hook.posts.map((p) => p.body) });

  beforeAll(async () => {
    smtp = await startSmtp();
    hook = await startHookReceiver();
    api = await startApi({ SMTP_URL: smtp.url, ATS_ALLOWED_HOSTS: '127.0.0.1' });
    tenant = await api.tenant('acme-notify');
    hrToken = tenant.token('hr_admin', HR);
    recToken = tenant.token('recruiter', REC);
    db = api.app.get(DataSource);
    const t = tenant.id;
    const old = new Date(Date.now() - 3 * 24 * 3_600_000);
    const insert = async (sql: string, params: unknown[]): Promise<string> => {
      const rows: { id: string }[] = await db.query(`${sql} RETURNING id`, params);
      return rows[0].id;
    };
    const applicant = JSON.stringify({ name: APPLICANT.name, email: APPLICANT.email });
    ids.overdue1 = await insert(
      `INSERT INTO review_items (tenant_id, ats, application_id, candidate_id, candidate_name, status, candidates, applicant, created_at)
       VALUES ($1, 'greenhouse', '501', '601', $2, 'open', '[]', $3, $4)`,
      [t, APPLICANT.name, applicant, old],
    );
    ids.overdue2 = await insert(
      `INSERT INTO review_items (tenant_id, ats, application_id, candidate_id, candidate_name, status, candidates, applicant, created_at)
       VALUES ($1, 'greenhouse', '502', '602', $2, 'open', '[]', $3, $4)`,
      [t, APPLICANT.name, applicant, old],
    );
    // Waiting, but not yet past the tenant's limit: not told.
    ids.fresh = await insert(
      `INSERT INTO review_items (tenant_id, ats, application_id, candidate_id, candidate_name, status, candidates, applicant)
       VALUES ($1, 'greenhouse', '503', '603', $2, 'open', '[]', $3)`,
      [t, APPLICANT.name, applicant],
    );
    ids.hrReview = await insert(
      `INSERT INTO tracked_applications (tenant_id, ats, application_id, candidate_id, job_id, candidate_name, outcome)
       VALUES ($1, 'greenhouse', '504', '604', '77', $2, 'needs_hr_review')`,
      [t, APPLICANT.name],
    );
    ids.offer = await insert(
      `INSERT INTO offer_checks (tenant_id, ats, application_id, job_id, kind, amount, result, reasons, detail, target, inputs, policy_version, created_by)
       VALUES ($1, 'greenhouse', '505', '77', 'offer', $2, 'fail', $3, '{}', '{}', $4, 1, 'hr')`,
      [
        t,
        APPLICANT.salary,
        JSON.stringify([
          { code: 'below_prior', basis: 'priorSalary', severity: 'fail', message: 'below prior' },
        ]),
        JSON.stringify({ priorSalary: APPLICANT.salary }),
      ],
    );
    ids.import = await insert(
      `INSERT INTO import_runs (tenant_id, kind, status, mode, started_by, file_name) VALUES ($1, 'alumni', 'failed', 'upsert', 'hr', 'hr-export.csv')`,
      [t],
    );
    ids.inbox = await insert(
      `INSERT INTO inbox_events (tenant_id, ats, event_id, kind, raw_body, status, error)
       VALUES ($1, 'greenhouse', 'evt-1', 'application_created', $2, 'failed', 'boom')`,
      [t, JSON.stringify({ name: APPLICANT.name })],
    );
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
    await hook?.close();
  });

  it('refuses a webhook URL that is not https on the service’s own hosts', async () => {
    for (const [kind, webhookUrl] of [
      ['slack', 'http://hooks.slack.com/services/T0/B0/x'],
      ['slack', 'https://hooks.slack.com.evil.example/services/x'],
      ['slack', 'https://example.com/hook'],
      ['teams', 'https://hooks.slack.com/services/T0/B0/x'],
      ['teams', 'https://10.0.0.5/webhookb2/x'],
      ['teams', 'file:///etc/passwd'],
    ] as const) {
      const r = await call('PUT', '/api/v1/notifications/settings', hrToken, {
        reviewWaitHours: 24,
        chat: { kind, webhookUrl, events: ['review_overdue'], language: 'ja' },
      });
      expect({ webhookUrl, status: r.status, code: r.body?.code }).toEqual({
        webhookUrl,
        status: 400,
        code: 'validation_failed',
      });
    }
    for (const [kind, webhookUrl] of [
      ['slack', 'https://hooks.slack.com/services/T000/B000/XXXX'],
      ['teams', 'https://acme.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456'],
      [
        'teams',
        'https://prod-12.japaneast.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x',
      ],
    ] as const) {
      const r = await call('PUT', '/api/v1/notifications/settings', hrToken, {
        reviewWaitHours: 24,
        chat: { kind, webhookUrl, events: ['review_overdue'], language: 'ja' },
      });
      expect({ webhookUrl, status: r.status }).toEqual({ webhookUrl, status: 200 });
      // The URL is a credential: never given back.
      expect(r.text).not.toContain(webhookUrl.slice(8, 30));
    }
    // Only HR may change where notifications go.
    expect(
      (await call('PUT', '/api/v1/notifications/settings', recToken, { reviewWaitHours: 1 })).status,
    ).toBe(403);
  });

  it('e-mails each person their events, posts to Teams, never the same item twice, and carries nothing sensitive', async () => {
    // The local receiver is named in ATS_ALLOWED_HOSTS (a test host), like the simulator for ATS connections.
    expect(
      (
        await call('PUT', '/api/v1/notifications/settings', hrToken, {
          reviewWaitHours: 48,
          chat: {
            kind: 'teams',
            webhookUrl: hook.url,
            events: ['review_overdue', 'jobs_failed'],
            language: 'en',
          },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('PUT', '/api/v1/notifications/preferences/me', hrToken, {
          email: HR,
          language: 'ja',
          events: [
            'review_overdue',
            'hr_review_needed',
            'offer_check_failed',
            'import_failed',
            'jobs_failed',
          ],
          mode: 'immediate',
        })
      ).status,
    ).toBe(200);
    // A recruiter may not subscribe to HR-only events.
    const refused = await call('PUT', '/api/v1/notifications/preferences/me', recToken, {
      email: REC,
      language: 'en',
      events: ['offer_check_failed'],
      mode: 'digest',
    });
    expect(refused.status).toBe(400);
    expect(
      (
        await call('PUT', '/api/v1/notifications/preferences/me', recToken, {
          email: REC,
          language: 'en',
          events: ['review_overdue'],
          mode: 'digest',
        })
      ).status,
    ).toBe(200);

    const run = await call('POST', '/api/v1/notifications/run', hrToken, {});
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ sent: 11, failed: 0, digests: 1 }); // 6 mails to HR, 2 items in the digest, 3 chat posts;

    // HR: one mail per item (2 overdue reviews, HR review, offer check, import, failed event), in Japanese.
    const toHr = smtp.mails.filter((m) => m.to.includes(HR));
    expect(toHr).toHaveLength(6);
    expect(toHr.map((m) => m.subject).sort()).toEqual(
      [
        'Comeback: 照合レビューが期限を過ぎています',
        'Comeback: 照合レビューが期限を過ぎています',
        'Comeback: 人事の確認が必要な応募があります',
        'Comeback: オファーのチェックが不合格です',
        'Comeback: インポートが失敗しました',
        'Comeback: バックグラウンド処理が失敗しました',
      ].sort(),
    );
    const links = toHr.map((m) => m.text.match(/https?:\/\/\S+/)?.[0]);
    expect(links).toEqual(
      expect.arrayContaining([
        `${api.baseUrl}/console/review/${ids.overdue1}`,
        `${api.baseUrl}/console/review/${ids.overdue2}`,
        `${api.baseUrl}/console/offers/greenhouse/505`,
      ]),
    );
    expect(toHr.some((m) => m.text.includes(ids.fresh))).toBe(false);

    // The recruiter chose a digest: one mail grouping both overdue reviews, in English.
    const toRec = smtp.mails.filter((m) => m.to.includes(REC));
    expect(toRec).toHaveLength(1);
    expect(toRec[0].subject).toBe('Comeback: your daily summary');
    expect(toRec[0].text).toContain('A match review has waited too long (2)');
    expect(toRec[0].text).toContain(`/console/review/${ids.overdue1}`);
    expect(toRec[0].text).toContain(`/console/review/${ids.overdue2}`);

    // Teams: the channel's events only (2 overdue reviews, 1 failed event), as Adaptive Cards with a link.
    expect(hook.posts).toHaveLength(3);
    for (const p of hook.posts) {
      expect(p.body.type).toBe('message');
      const card = p.body.attachments[0];
      expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card.content.actions[0].url).toMatch(new RegExp(`^${api.baseUrl}/console`));
    }

    // Nothing sensitive anywhere: no field names, no salary, no applicant name or e-mail.
    const sent = everythingSent();
    expect(sensitiveFindings(sent, { salaries: [APPLICANT.salary] })).toEqual([]);
    expect(sent).not.toContain(APPLICANT.name);
    expect(sent).not.toContain('山田');
    expect(sent).not.toContain(APPLICANT.email);
    expect(sent).not.toContain('hr-export.csv');

    // Run again (and the next day): the same items are not told again; a new one is.
    const before = { mails: smtp.mails.length, posts: hook.posts.length };
    const again = await call('POST', '/api/v1/notifications/run', hrToken, { forceDigest: true });
    expect(again.body).toMatchObject({ recorded: 0, sent: 0, digests: 0 });
    expect({ mails: smtp.mails.length, posts: hook.posts.length }).toEqual(before);

    await db.query(`UPDATE review_items SET created_at = now() - interval '3 days' WHERE id = $1`, [
      ids.fresh,
    ]);
    await call('POST', '/api/v1/notifications/run', hrToken, { forceDigest: true });
    expect(smtp.mails.length).toBe(before.mails + 2); // HR at once, the recruiter's digest
    expect(hook.posts.length).toBe(before.posts + 1);
    expect(smtp.mails.filter((m) => m.to.includes(REC)).at(-1)!.text).toContain('(1)');
  });

  it('retries a delivery the webhook refused, once, on the next run', async () => {
    await db.query(
      `INSERT INTO inbox_events (tenant_id, ats, event_id, kind, raw_body, status, error)
       VALUES ($1, 'greenhouse', 'evt-2', 'application_created', '{}', 'failed', 'boom')`,
      [tenant.id],
    );
    hook.status.code = 500;
    const failed = await call('POST', '/api/v1/notifications/run', hrToken, {});
    expect(failed.body.failed).toBe(1);
    hook.status.code = 200;
    const before = hook.posts.length;
    await call('POST', '/api/v1/notifications/run', hrToken, {});
    await call('POST', '/api/v1/notifications/run', hrToken, {});
    expect(hook.posts.length).toBe(before + 1);
  });
});

describe('notifications without SMTP', () => {
  it('keeps the mail in the outbox instead of sending it (embedded mode, demos)', async () => {
    const api = await startApi({ SMTP_URL: undefined });
    try {
      const tenant = await api.tenant('acme-outbox');
      const token = tenant.token('hr_admin', 'hana.hr@acme.example');
      await http(api.baseUrl, 'PUT', '/api/v1/notifications/preferences/me', {
        token,
        json: { email: 'hana.hr@acme.example', language: 'en', events: ['import_failed'], mode: 'immediate' },
      });
      const db = api.app.get(DataSource);
      await db.query(
        `INSERT INTO import_runs (tenant_id, kind, status, mode, started_by) VALUES ($1, 'alumni', 'failed', 'upsert', 'hr')`,
        [tenant.id],
      );
      const run = await http(api.baseUrl, 'POST', '/api/v1/notifications/run', { token, json: {} });
      expect(run.body).toMatchObject({ sent: 1, failed: 0 });
      const kept: { to: string; subject: string; text: string }[] = await db.query(
        `SELECT recipient AS "to", subject, text_body AS text FROM mail_outbox WHERE kind = 'notification'`,
      );
      expect(kept).toEqual([
        expect.objectContaining({ to: 'hana.hr@acme.example', subject: 'Comeback: An import failed' }),
      ]);
      expect(kept[0].text).toContain(`${api.baseUrl}/console/registry`);
    } finally {
      await api.close();
    }
  });
});
