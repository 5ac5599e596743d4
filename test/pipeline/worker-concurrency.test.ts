import Bull from 'bull';
import { JobName, QueueName } from '@comeback/platform';
import '@comeback/pipeline/pipeline.jobs'; // the pipeline declares these job types and their queues
import { BullJobQueue } from '../../libs/platform/src/queue/bull-job-queue';

jest.setTimeout(30_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Bull runs `concurrency` loops per `process()` call: one call per job type would let a queue shared by two
// job types run twice WORKER_CONCURRENCY jobs at once (and size the database pool wrongly).
describe('a Bull worker', () => {
  let q: BullJobQueue;

  beforeAll(() => {
    const url = process.env.REDIS_URL!;
    const prefix = process.env.QUEUE_PREFIX!;
    q = new BullJobQueue({
      [QueueName.AtsEvents]: new Bull(QueueName.AtsEvents, url, { prefix }),
      [QueueName.Backfill]: new Bull(QueueName.Backfill, url, { prefix }),
    });
  });
  afterAll(async () => {
    await q.close();
  });

  it('runs at most WORKER_CONCURRENCY jobs at once, whatever their types, each by its own handler', async () => {
    let active = 0;
    let maxActive = 0;
    const ran: JobName[] = [];
    const work = (name: JobName) => async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      ran.push(name);
      await sleep(80);
      active--;
    };
    await q.startProcessing(
      {
        'ats-event.process': work('ats-event.process'),
        'application.evaluate': work('application.evaluate'),
      },
      2,
    );
    for (let i = 0; i < 4; i++) {
      await q.enqueue('ats-event.process', { tenantId: 't', inboxEventId: `e${i}` }, { jobId: `event-${i}` });
      await q.enqueue(
        'application.evaluate',
        { tenantId: 't', ats: 'greenhouse', applicationId: `a${i}`, candidateId: null, reason: 'backfill' },
        { jobId: `evaluate-${i}` },
      );
    }
    expect(await q.drained(20_000)).toBe(true);
    expect(ran.filter((n) => n === 'ats-event.process')).toHaveLength(4);
    expect(ran.filter((n) => n === 'application.evaluate')).toHaveLength(4);
    expect(maxActive).toBe(2);
  });
});
