import { NotificationsService } from '@comeback/notifications';
import { AtsConnectionService } from '@comeback/pipeline';
import { SecretBox } from '@comeback/platform';
import { createCipheriv, randomBytes } from 'node:crypto';
import { Harness, startApi, TestTenant } from '../support/api-harness';
import { dbQuery } from './security-kit';

/**
 * Issue 12 #13 on the real store: sealed ATS secrets bind tenant and field (a value copied to another tenant
 * or column does not open), and `secrets:rotate` (AtsConnectionService.resealAll) moves every value, old
 * format included, to the new key while the previous one is still accepted.
 */
const OLD_KEY = randomBytes(32);
const NEW_KEY = randomBytes(32);

function sealV1(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    c.getAuthTag().toString('base64url'),
    data.toString('base64url'),
  ].join('.');
}

describe('security: secrets at rest', () => {
  let api: Harness;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    api = await startApi({
      SECRET_KEY: NEW_KEY.toString('base64'),
      SECRET_KEY_PREVIOUS: OLD_KEY.toString('base64'),
    });
    a = await api.tenant('secrets-a');
    b = await api.tenant('secrets-b');
  });
  afterAll(async () => {
    await api.close();
    delete process.env.SECRET_KEY_PREVIOUS;
  });

  async function insertConnection(tenantId: string, secret: string, webhookSecret: string): Promise<void> {
    await dbQuery(
      `INSERT INTO ats_connections (tenant_id, kind, api_base_url, secret_sealed, webhook_secrets_sealed, acting_user_id) VALUES ($1, 'workable', 'https://x.workable.com/spi/v3', $2, ARRAY[$3], 'u1')`,
      [tenantId, secret, webhookSecret],
    );
  }

  it('rotation: values under the previous key and in the old format are re-sealed under the new key and still open', async () => {
    const old = new SecretBox(OLD_KEY);
    const field = (column: string) => ({ tenantId: a.id, field: `ats_connections.workable.${column}` });
    await insertConnection(
      a.id,
      old.seal('api-token-a', field('secret')),
      sealV1(OLD_KEY, 'webhook-secret-a'),
    );
    const service = api.app.get(AtsConnectionService);
    expect(await service.resealAll()).toEqual({ connections: 1, resealed: 1 });
    const [row] = await dbQuery<{ secret_sealed: string; webhook_secret_sealed: string }>(
      'SELECT secret_sealed, webhook_secrets_sealed[1] AS webhook_secret_sealed FROM ats_connections WHERE tenant_id = $1',
      [a.id],
    );
    const next = new SecretBox(NEW_KEY);
    for (const v of [row.secret_sealed, row.webhook_secret_sealed])
      expect(v.startsWith(`v2.${next.keyId}.`)).toBe(true);
    // The previous key is no longer needed for these values.
    expect(next.open(row.secret_sealed, field('secret'))).toBe('api-token-a');
    expect(next.open(row.webhook_secret_sealed, field('webhook_secret'))).toBe('webhook-secret-a');
    expect(await service.resealAll()).toEqual({ connections: 1, resealed: 0 });
    await expect(service.get(a.id, 'workable')).resolves.toMatchObject({
      secret: 'api-token-a',
      webhookSecret: 'webhook-secret-a',
    });
  });

  it('rotation re-seals the notification chat webhook URL (Slack/Teams) under the new key; it still opens', async () => {
    const url = 'https://hooks.slack.com/services/T000/B000/rotate-me-0123456789';
    const field = { tenantId: b.id, field: 'notification_settings.chat_webhook' };
    await dbQuery(
      `INSERT INTO notification_settings (tenant_id, chat_kind, chat_webhook_sealed, chat_events, updated_by) VALUES ($1, 'slack', $2, ARRAY['review_overdue'], 'test')`,
      [b.id, new SecretBox(OLD_KEY).seal(url, field)],
    );
    const service = api.app.get(NotificationsService);
    const first = await service.resealAll();
    expect(first.resealed).toBe(1);
    const [row] = await dbQuery<{ chat_webhook_sealed: string }>(
      'SELECT chat_webhook_sealed FROM notification_settings WHERE tenant_id = $1',
      [b.id],
    );
    const next = new SecretBox(NEW_KEY);
    expect(row.chat_webhook_sealed.startsWith(`v2.${next.keyId}.`)).toBe(true);
    // The new key alone opens it, under the same tenant and field only.
    expect(next.open(row.chat_webhook_sealed, field)).toBe(url);
    expect(() => next.open(row.chat_webhook_sealed, { ...field, tenantId: a.id })).toThrow();
    expect((await service.resealAll()).resealed).toBe(0);
    // The settings still read back as a configured webhook (without showing the URL).
    const settings = await service.settings(b.id);
    expect(JSON.stringify(settings)).not.toContain('rotate-me');
    expect(settings).toMatchObject({ chat: { kind: 'slack' } });
  });

  it("refuses a sealed value copied to another tenant's connection or to another column", async () => {
    const [row] = await dbQuery<{ secret_sealed: string; webhook_secret_sealed: string }>(
      'SELECT secret_sealed, webhook_secrets_sealed[1] AS webhook_secret_sealed FROM ats_connections WHERE tenant_id = $1',
      [a.id],
    );
    await insertConnection(b.id, row.secret_sealed, row.webhook_secret_sealed);
    const service = api.app.get(AtsConnectionService);
    await expect(service.get(b.id, 'workable')).rejects.toThrow();
    await dbQuery(
      'UPDATE ats_connections SET secret_sealed = webhook_secrets_sealed[1], webhook_secrets_sealed = ARRAY[secret_sealed] WHERE tenant_id = $1',
      [a.id],
    );
    // The service caches decrypted connections briefly: read through a fresh look-up.
    (service as unknown as { cache: Map<string, unknown> }).cache.clear();
    await expect(service.get(a.id, 'workable')).rejects.toThrow();
  });
});
