import { createHmac, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { http, startApi, type Harness, type TestTenant } from '../support/api-harness';

export const WEBHOOK_SECRET = 'security-webhook-secret';

/** A documented-shape delivery (see shared/spec/ats-contracts.md): a new application with its candidate. */
export function applicationDelivery(
  overrides: { firstName?: string; lastName?: string; action?: string } = {},
): Record<string, unknown> {
  return {
    action: overrides.action ?? 'new_candidate_application',
    payload: {
      application: {
        id: 71980812,
        status: 'active',
        applied_at: '2026-11-01T10:00:00Z',
        current_stage: { id: 5245804, name: 'Application Review' },
        jobs: [{ id: 433750, name: 'Backend Engineer' }],
        candidate: {
          id: 60920445,
          first_name: overrides.firstName ?? 'Hanako',
          last_name: overrides.lastName ?? 'Yamada',
          email_addresses: [{ value: 'hanako@example.com', type: 'personal' }],
          phone_numbers: [{ value: '+81 90 1234 5678', type: 'mobile' }],
          tags: ['Referral'],
        },
      },
    },
  };
}

export function signGreenhouse(
  raw: string | Buffer,
  secret = WEBHOOK_SECRET,
  eventId: string = randomUUID(),
): Record<string, string> {
  return {
    'content-type': 'application/json',
    signature: `sha256 ${createHmac('sha256', secret).update(raw).digest('hex')}`,
    'greenhouse-event-id': eventId,
  };
}

/** The api with a tenant whose greenhouse connection points at a closed local port (no ATS call succeeds). */
export async function startWithConnection(
  env: Record<string, string | undefined> = {},
): Promise<{ api: Harness; tenant: TestTenant; hr: string }> {
  const api = await startApi({ ATS_ALLOWED_HOSTS: '127.0.0.1', ...env });
  const tenant = await api.tenant(`sec-${randomUUID().slice(0, 8)}`);
  const hr = tenant.token('hr_admin');
  const save = await http(api.baseUrl, 'PUT', '/api/v1/ats-connections/greenhouse', {
    token: hr,
    json: {
      apiBaseUrl: 'http://127.0.0.1:9/v3',
      authUrl: 'http://127.0.0.1:9/auth/token',
      clientId: 'c',
      secret: 's',
      webhookSecret: WEBHOOK_SECRET,
      actingUserId: '1',
    },
  });
  if (save.status !== 200) throw new Error(`connection failed: ${save.status} ${save.text}`);
  return { api, tenant, hr };
}

/** A query on the database of the api under test (startApi sets DATABASE_URL to its clone). */
export async function dbQuery<T = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** The audit rows of a tenant with these actions, oldest first. */
export function auditRows(
  tenantId: string,
  actions: string[],
): Promise<
  {
    action: string;
    actor: string;
    actor_role: string;
    target_type: string | null;
    target_id: string | null;
    details: Record<string, unknown>;
    created_at: Date;
  }[]
> {
  return dbQuery(
    'SELECT action, actor, actor_role, target_type, target_id, details, created_at FROM audit_entries WHERE tenant_id = $1 AND action = ANY($2) ORDER BY id',
    [tenantId, actions],
  );
}
