// Failed work per tenant (issue 17): the queue keeps one failed list for every tenant, newest first. A busy tenant
// with more than a thousand newer failures must not hide another tenant's one failure from its operations page, its
// retry, or the other tenant.
import { getQueueToken } from '@nestjs/bull';
import Bull, { type Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QueueName } from '@comeback/platform';
import { http, type TestTenant } from '../support/api-harness';
import { startStack, type Stack } from '../support/pipeline-stack';
import { until } from '../support/until';

jest.setTimeout(300_000);

const FLOOD = 1_100;

describe('failed work is listed per tenant, however busy other tenants are', () => {
  let s: Stack;
  let busy: TestTenant;
  let db: DataSource;

  const sim = (body: unknown) =>
    fetch(`${s.sim.url}/_sim/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const failures = async (token: string) => {
    const r = await http(s.api.baseUrl, 'GET', '/api/v1/operations/failures', { token });
    expect(r.status).toBe(200);
    return r.body as { jobId: string; type: string; reason: string }[];
  };

  /**
   * More failed jobs of the busy tenant than a scan of the queue's newest failures reads, all newer than ours: the
   * api's consumer steps aside while a consumer of our own fails each at its first attempt.
   */
  const flood = async () => {
    const consumer = s.api.app.get<Queue>(getQueueToken(QueueName.AtsEvents));
    await consumer.pause(true);
    const q = new Bull(QueueName.AtsEvents, process.env.REDIS_URL!, { prefix: process.env.QUEUE_PREFIX });
    try {
      void q.process('*', 50, async () => {
        throw new Error('Harvest answered 503');
      });
      for (let i = 0; i < FLOOD; i += 100)
        await q.addBulk(
          Array.from({ length: 100 }, (_, k) => ({
            name: 'ats-event.process',
            data: { tenantId: busy.id, inboxEventId: randomUUID() },
            opts: { jobId: `flood:${i + k}`, attempts: 1, removeOnFail: false },
          })),
        );
      await until('the flood to fail', async () => (await q.getFailedCount()) >= FLOOD + 1, 120_000);
    } finally {
      await q.close();
      await consumer.resume(true);
    }
  };

  beforeAll(async () => {
    s = await startStack('greenhouse');
    busy = await s.api.tenant('busy-tenant');
    db = s.api.app.get(DataSource);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('keeps one tenant’s failure visible and retryable behind another tenant’s thousand newer ones', async () => {
    await sim({ greenhouse: { deniedScopes: ['harvest:notes:create'] } });
    const id = await s.apply({ firstName: '紗季', lastName: '野々宮', email: 'saki.nonomiya@yahoo.co.jp' });
    const [mine] = await until('the failure to be listed', async () => {
      const list = await failures(s.hr);
      return list.length === 1 ? list : null;
    });
    expect(mine).toMatchObject({ type: 'ats-event.process', reason: 'permission_refused' });
    await s.waitIdle();

    await flood();
    // Ours is older than the newest thousand failed jobs, and still listed: from the tenant's own record.
    expect(await failures(s.hr)).toEqual([mine]);
    // The busy tenant sees none of ours, and cannot retry it.
    const theirs = await failures(busy.token('hr_admin'));
    expect(theirs.map((f) => f.jobId)).not.toContain(mine.jobId);
    const foreign = await http(s.api.baseUrl, 'POST', `/api/v1/operations/failures/${mine.jobId}/retry`, {
      token: busy.token('hr_admin'),
    });
    expect(foreign.status).toBe(404);

    // After the fix, ours is retried by id, completes, and leaves the list and its record.
    await sim({ greenhouse: { deniedScopes: [] } });
    const retry = await http(s.api.baseUrl, 'POST', `/api/v1/operations/failures/${mine.jobId}/retry`, {
      token: s.hr,
    });
    expect(retry.status).toBe(200);
    await s.waitIdle();
    expect((await s.candidate(id)).notes).toHaveLength(1);
    expect(await failures(s.hr)).toEqual([]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM failed_jobs WHERE tenant_id = $1`, [
      s.tenant.id,
    ]);
    expect(n).toBe(0);
  });
});
