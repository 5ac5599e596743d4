import { RetentionService } from '@comeback/pipeline';
import { Harness, http, startApi, TestTenant } from '../support/api-harness';
import { dbQuery } from './security-kit';

/** Issue 12 #14: raw webhook bodies and audit details are purged after each tenant's retention period. */
const DAY_MS = 86_400_000;

describe('security: retention of raw webhook bodies and audit details', () => {
  let api: Harness;
  let byDefault: TestTenant;
  let strict: TestTenant;

  beforeAll(async () => {
    api = await startApi();
    byDefault = await api.tenant('retention-default');
    strict = await api.tenant('retention-strict');
  });
  afterAll(() => api.close());

  async function inbox(tenantId: string, eventId: string, ageDays: number): Promise<void> {
    await dbQuery(
      `INSERT INTO inbox_events (tenant_id, ats, event_id, kind, raw_body, event, status, received_at)
       VALUES ($1, 'greenhouse', $2, 'application_created', $3, $4, 'processed', $5)`,
      [
        tenantId,
        eventId,
        JSON.stringify({ candidate: { email: `${eventId}@example.net` } }),
        JSON.stringify({ kind: 'ping', eventId }),
        new Date(Date.now() - ageDays * DAY_MS),
      ],
    );
  }
  async function auditEntry(tenantId: string, action: string, ageDays: number): Promise<void> {
    await dbQuery(
      `INSERT INTO audit_entries (tenant_id, actor, actor_role, action, details, created_at) VALUES ($1, 'hr', 'hr_admin', $2, $3, $4)`,
      [
        tenantId,
        action,
        JSON.stringify({ note: `details of ${action}` }),
        new Date(Date.now() - ageDays * DAY_MS),
      ],
    );
  }
  async function bodies(tenantId: string): Promise<Record<string, boolean>> {
    const rows = await dbQuery<{ event_id: string; kept: boolean }>(
      `SELECT event_id, (raw_body <> '' AND event IS NOT NULL) AS kept FROM inbox_events WHERE tenant_id = $1`,
      [tenantId],
    );
    return Object.fromEntries(rows.map((r) => [r.event_id, r.kept]));
  }
  async function details(tenantId: string): Promise<Record<string, boolean>> {
    const rows = await dbQuery<{ action: string; kept: boolean }>(
      `SELECT action, details <> '{}'::jsonb AS kept FROM audit_entries WHERE tenant_id = $1 AND action LIKE 'test.%'`,
      [tenantId],
    );
    return Object.fromEntries(rows.map((r) => [r.action, r.kept]));
  }

  it('purges old rows (90 days by default for raw bodies, 365 for audit details), keeps recent ones and the rows themselves', async () => {
    await inbox(byDefault.id, 'old', 100);
    await inbox(byDefault.id, 'recent', 10);
    await auditEntry(byDefault.id, 'test.old', 400);
    await auditEntry(byDefault.id, 'test.recent', 100);

    // A tenant with its own, shorter periods (set through the settings endpoint).
    const set = await http(api.baseUrl, 'PUT', '/api/v1/settings', {
      token: strict.token('hr_admin', 'hr-strict'),
      json: { retention: { rawWebhookBodyDays: 7, auditDetailDays: 30 } },
    });
    expect(set.status).toBe(200);
    await inbox(strict.id, 'old', 10);
    await inbox(strict.id, 'recent', 1);
    await auditEntry(strict.id, 'test.old', 40);
    await auditEntry(strict.id, 'test.recent', 5);

    await api.app.get(RetentionService).purgeAll();

    expect(await bodies(byDefault.id)).toEqual({ old: false, recent: true });
    expect(await details(byDefault.id)).toEqual({ 'test.old': false, 'test.recent': true });
    expect(await bodies(strict.id)).toEqual({ old: false, recent: true });
    expect(await details(strict.id)).toEqual({ 'test.old': false, 'test.recent': true });
  });

  it('purges kept e-mail (one-time links in the outbox) older than 24 hours, keeps newer mail', async () => {
    const keep = async (subject: string, ageHours: number) =>
      dbQuery(
        `INSERT INTO mail_outbox (tenant_id, kind, recipient, subject, text_body, created_at) VALUES ($1, 'invitation', 'x@example.net', $2, 'https://example.net/console/invitation?token=secret', $3)`,
        [byDefault.id, subject, new Date(Date.now() - ageHours * 3_600_000)],
      );
    await keep('outbox-old', 25);
    await keep('outbox-recent', 23);
    const report = await api.app.get(RetentionService).purgeAll();
    expect(report.mailOutboxPurged).toBeGreaterThanOrEqual(1);
    const rows = await dbQuery<{ subject: string }>(
      `SELECT subject FROM mail_outbox WHERE subject LIKE 'outbox-%' ORDER BY subject`,
    );
    expect(rows.map((r) => r.subject)).toEqual(['outbox-recent']);
  });

  it('refuses a retention period out of range', async () => {
    const res = await http(api.baseUrl, 'PUT', '/api/v1/settings', {
      token: strict.token('hr_admin', 'hr-strict'),
      json: { retention: { rawWebhookBodyDays: 0 } },
    });
    expect(res.status).toBe(400);
  });
});
