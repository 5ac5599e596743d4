import { Command, CommandRunner, Option } from 'nest-commander';
import { getQueueToken } from '@nestjs/bull';
import { Controller, HttpCode, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobQueue, QueueName, TenantService, TokenService } from '@comeback/platform';
import { AlumniImportService } from '@comeback/registry';
import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { createApiApp } from '@comeback/http-api';
import {
  GH_MOVE_FROM_STAGE_ID_DEFAULT,
  GH_RATE_LIMIT,
  GhMoveFromStageIdKind,
  SimulatorHandle,
  startSimulator,
} from '@comeback/ats-simulator';
import { useFreshDatabase } from '../fresh-database';
import { freePort } from '../fixtures/free-port';
import {
  cpuMsPer,
  cpuSnapshot,
  harvestCalls,
  removeBenchJobs,
  sampleHarvestCalls,
  shareOfLimit,
  waitUntilProcessed,
  WorkerProcess,
} from '../fixtures/pipeline-bench';
import { rowRandom, syntheticPerson, syntheticRegistryLines } from '@comeback/fixtures';
import { roundTo } from '../fixtures/round-to';

interface Options {
  seconds: number;
  concurrency: number;
  applications: number;
  workers: number;
  workerConcurrency: number;
  fastTrackSample: number;
  backlog: number;
  rateLimit: number;
  fromStageId: GhMoveFromStageIdKind;
}

@Controller()
class BareController {
  @Post('bare')
  @HttpCode(200)
  bare(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

const SECRET = 'bench-webhook-secret-0123456789';
const JOB = { name: 'Job', stages: ['書類選考', '一次面接', '二次面接', '最終面接', 'Offer'] };
/** Registry seed; applicant i (a returnee when i % 4 === 0) is registry row i, contacts as on file. */
const REGISTRY_SEED = 5;
/** Webhooks the simulator has in flight at most: a steady stream of deliveries, not one burst of thousands. */
const DELIVERY_BATCH = 64;
/** "Limits off": no 429s, and headers stating a budget our client will never reach. */
const NO_LIMIT = { enabled: false, limit: 1_000_000, windowSeconds: GH_RATE_LIMIT.windowSeconds };

/** Request numbers, unique across runs (each ingest request is a new delivery). */
let requestSeq = 0;

/** Fires `body` at `url` from `concurrency` loops for `seconds`; returns requests per second (HTTP 200 only). */
async function hammer(
  url: string,
  headers: (i: number) => Record<string, string>,
  body: (i: number) => string,
  seconds: number,
  concurrency: number,
): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let ok = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const i = requestSeq++;
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers(i) },
          body: body(i),
        });
        await res.arrayBuffer();
        if (res.status === 200) ok++;
      }
    }),
  );
  return ok / seconds;
}

/** One tenant connected to one simulated Greenhouse account (its own client id, so its own rate-limit window). */
interface BenchTenant {
  id: string;
  company: string;
  /** Creation webhooks sent to this tenant so far. */
  sent: number;
}

const round = (n: number, digits = 1) => roundTo(n, digits);

/**
 * Pipeline throughput on real PostgreSQL + Redis (DATABASE_URL and REDIS_URL): the api (and the simulator)
 * run in this process, the jobs in real worker processes (`dist/apps/worker`), as in production.
 *  1. webhook ingest requests/s beside a bare Nest endpoint in the same process;
 *  2. end-to-end applications/s with the simulator's limits off;
 *  3. Harvest calls per fast-tracked application (simulator counters);
 *  4. draining a backlog under Harvest's rate limit: calls/s as a share of the limit, and 429s.
 */
@Command({
  name: 'bench-pipeline',
  description:
    'Webhook ingest vs a bare endpoint; end-to-end applications/s; Harvest calls per fast-tracked application; backlog drain under the rate limit',
})
export class BenchPipelineCommand extends CommandRunner {
  async run(_: string[], opts: Options): Promise<void> {
    const say = (s: string) => process.stderr.write(`${s}\n`);
    if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
      throw new Error(
        'bench-pipeline measures the production set-up: set DATABASE_URL (PostgreSQL) and REDIS_URL (Bull workers)',
      );
    }
    const cleanup = await useFreshDatabase('benchpipe');
    const port = await freePort();
    const apiUrl = `http://127.0.0.1:${port}`;
    process.env.PUBLIC_BASE_URL = apiUrl;
    process.env.LOG_LEVEL = 'silent';
    // The api only ingests; jobs run in the worker processes started below.
    process.env.RUN_JOBS_IN_API = 'false';
    process.env.ATS_ALLOWED_HOSTS = '127.0.0.1'; // the simulator on loopback
    process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE = '1000000'; // every delivery comes from the one simulator
    // The benchmark sends no mail; production mode without SMTP_URL needs this said (workers inherit it).
    process.env.MAIL_OUTBOX_ONLY = process.env.MAIL_OUTBOX_ONLY ?? 'true';
    const sim = await startSimulator({
      port: 0,
      logger: false,
      config: {
        greenhouse: {
          rateLimit: NO_LIMIT,
          webhooksOnApiWrites: false,
          moveFromStageIdKind: opts.fromStageId,
        },
        webhooks: { timeScale: 0.001 },
      },
    });
    const app = await createApiApp({ logger: false });
    await app.listen(port, '127.0.0.1');
    const bare = await NestFactory.create(BareModule, { logger: false, rawBody: true });
    const barePort = await freePort();
    await bare.listen(barePort, '127.0.0.1');
    const workerEnv = {
      DATABASE_URL: process.env.DATABASE_URL,
      PUBLIC_BASE_URL: apiUrl,
      WORKER_CONCURRENCY: String(opts.workerConcurrency),
      MIGRATIONS_RUN_AT_BOOT: 'false',
      LOG_LEVEL: 'warn',
    };
    let workers: WorkerProcess[] = [];
    const startWorkers = () => {
      workers = Array.from({ length: opts.workers }, (_, i) =>
        WorkerProcess.start(workerEnv, `worker${i + 1}`),
      );
    };
    const stopWorkers = async () => {
      await Promise.all(workers.map((w) => w.stop()));
      workers = [];
    };
    const result: Record<string, unknown> = {
      workers: opts.workers,
      workerConcurrency: opts.workerConcurrency,
      fromStageId: opts.fromStageId,
    };
    const db = app.get(DataSource);
    const queue = app.get(JobQueue);
    const registrySize = Math.max(2_000, opts.applications, opts.backlog);
    const tenantIds: string[] = [];
    try {
      const leftover = await queue.counts();
      if (leftover.waiting + leftover.active + leftover.delayed > 0)
        say(
          `warning: the queue already holds ${JSON.stringify(leftover)} (another run on this QUEUE_PREFIX?)`,
        );
      const main = await this.connectTenant(app, sim, apiUrl, 'bench', registrySize);
      tenantIds.push(main.id);
      const webhookUrl = `${apiUrl}/webhooks/greenhouse/${main.id}`;

      // 1. Ingest: signed deliveries of an action we acknowledge and store (no ATS work behind it).
      const payload = (i: number) =>
        JSON.stringify({ action: 'application_updated', payload: { application: { id: i } } });
      const signed = (i: number) => ({
        signature: `sha256 ${createHmac('sha256', SECRET).update(payload(i)).digest('hex')}`,
        'greenhouse-event-id': `bench-${i}`,
      });
      // Both warmed up first, then measured in alternating halves, so that a neighbour's load on the machine
      // weighs on both alike.
      const bareRun = (seconds: number) =>
        hammer(`http://127.0.0.1:${barePort}/bare`, () => ({}), payload, seconds, opts.concurrency);
      const ingestRun = (seconds: number) => hammer(webhookUrl, signed, payload, seconds, opts.concurrency);
      await bareRun(1);
      await ingestRun(1);
      let bareSum = 0;
      let ingestSum = 0;
      for (let half = 0; half < 2; half++) {
        bareSum += await bareRun(opts.seconds / 2);
        ingestSum += await ingestRun(opts.seconds / 2);
      }
      const bareRps = Math.round(bareSum / 2);
      const ingestRps = Math.round(ingestSum / 2);
      result.ingest = {
        bareRequestsPerSecond: bareRps,
        ingestRequestsPerSecond: ingestRps,
        shareOfBare: round(ingestRps / bareRps, 2),
        seconds: opts.seconds,
        concurrency: opts.concurrency,
      };
      say(`1. ingest ${ingestRps}/s vs bare endpoint ${bareRps}/s (${round(ingestRps / bareRps, 2)})`);

      // 2. End to end, limits off: N applications (one in four a former employee) through real webhooks
      //    and the worker, timed from the first webhook until every application's job has finished.
      startWorkers();
      // Warm-up (untimed): worker up, connections and token made, the job's stage list cached — by strangers
      // and by former employees from the end of the registry, who do not apply in the timed run.
      const lastReturnee = Math.floor(registrySize / 4) * 4;
      await this.apply(sim, main, [
        ...Array.from({ length: 24 }, (_, k) => ({ i: registrySize + 1 + k, returnee: false })),
        ...Array.from({ length: 8 }, (_, k) => ({ i: lastReturnee - 4 * k, returnee: true })),
      ]);
      await waitUntilProcessed(db, queue, sim, workers, main, 120_000);
      sim.traffic.resetCounters();
      const database = new URL(process.env.DATABASE_URL).pathname.slice(1);
      const cpu0 = cpuSnapshot(workers, database);
      const t0 = performance.now();
      const apps = await this.apply(
        sim,
        main,
        Array.from({ length: opts.applications }, (_, k) => ({ i: k + 1, returnee: (k + 1) % 4 === 0 })),
      );
      await waitUntilProcessed(db, queue, sim, workers, main, Math.max(120_000, opts.applications * 100));
      const seconds = (performance.now() - t0) / 1000;
      const cpu = cpuMsPer(cpu0, cpuSnapshot(workers, database), opts.applications);
      const outcomes = await this.outcomes(db, main.id, [...apps.keys()]);
      const e2eCalls = harvestCalls(sim);
      result.endToEnd = {
        applications: opts.applications,
        seconds: round(seconds, 2),
        applicationsPerSecond: round(opts.applications / seconds),
        outcomes,
        harvestCalls: e2eCalls.accepted,
        harvestCallsByRoute: e2eCalls.byRoute,
        cpuMsPerApplication: cpu,
      };
      say(
        `2. end to end ${round(opts.applications / seconds)} applications/s (${opts.applications} in ${seconds.toFixed(1)} s; ${JSON.stringify(outcomes)})`,
      );
      say(`   CPU ms per application: ${JSON.stringify(cpu)}`);

      // 3. Harvest calls per fast-tracked application: the former employees fast-tracked in (2) apply again
      //    (new candidate, new application), and the simulator counts what their processing cost.
      const fastTracked = await this.applicantsWithOutcome(db, main.id, apps, 'fast_tracked');
      const sample = fastTracked.slice(0, opts.fastTrackSample);
      sim.traffic.resetCounters();
      const again = await this.apply(
        sim,
        main,
        sample.map((i) => ({ i, returnee: true })),
      );
      await waitUntilProcessed(db, queue, sim, workers, main, 120_000);
      const sampleOutcomes = await this.outcomes(db, main.id, [...again.keys()]);
      const moved = sampleOutcomes.fast_tracked ?? 0;
      const calls = harvestCalls(sim);
      const per = (n: number) => round(n / Math.max(moved, 1), 2);
      result.harvestPerFastTracked = {
        sample: sample.length,
        fastTracked: moved,
        callsPerApplication: per(calls.accepted),
        writesPerApplication: per(calls.writes),
        readsPerApplication: per(calls.reads),
        stageListReads: calls.byRoute['GET /greenhouse/v3/job_interview_stages'] ?? 0,
        tokenRequests: calls.tokenRequests,
        byRoute: calls.byRoute,
      };
      say(
        `3. Harvest calls per fast-tracked application: ${per(calls.writes)} writes + ${per(calls.reads)} reads (${moved} of ${sample.length} re-applying returnees fast-tracked; ${JSON.stringify(calls.byRoute)})`,
      );

      // 4. Backlog under the rate limit: 2,000 applications ingested with no worker running, then a fresh
      //    worker drains them. A separate tenant and Greenhouse account: a cold budget on both sides.
      if (opts.backlog > 0) {
        await stopWorkers();
        const windowSeconds = GH_RATE_LIMIT.windowSeconds;
        const limited = await this.connectTenant(app, sim, apiUrl, 'bench-rl', registrySize);
        tenantIds.push(limited.id);
        const refused = sim.config.apply({
          greenhouse: { rateLimit: { enabled: true, limit: opts.rateLimit, windowSeconds } },
        });
        if (refused.length) throw new Error(`simulator refused the rate limit: ${refused.join('; ')}`);
        const backlog = await this.apply(
          sim,
          limited,
          Array.from({ length: opts.backlog }, (_, k) => ({ i: k + 1, returnee: (k + 1) % 4 === 0 })),
        );
        await waitUntilQueued(db, limited);
        sim.traffic.resetCounters();
        const started = performance.now();
        startWorkers();
        const sampling = sampleHarvestCalls(sim, 50);
        // About one Harvest call per application on average (four per fast-tracked returnee, one in four applies).
        const expectedSeconds = opts.backlog / (opts.rateLimit / windowSeconds);
        await waitUntilProcessed(
          db,
          queue,
          sim,
          workers,
          limited,
          Math.max(180_000, expectedSeconds * 3_000),
        );
        const samples = sampling.stop();
        const drainSeconds = (performance.now() - started) / 1000;
        const drained = harvestCalls(sim);
        const share = shareOfLimit(samples, opts.rateLimit, windowSeconds);
        result.rateLimitedDrain = {
          backlog: opts.backlog,
          limit: opts.rateLimit,
          windowSeconds,
          limitPerSecond: round(opts.rateLimit / windowSeconds, 2),
          drainSeconds: round(drainSeconds, 1),
          outcomes: await this.outcomes(db, limited.id, [...backlog.keys()]),
          harvestCalls: drained.accepted,
          ...share,
          responses429: drained.throttled,
          tokenResponses429: drained.tokenThrottled,
          maxRequestsInOneWindow: drained.maxRequestsInWindow,
        };
        say(
          `4. rate-limited drain of ${opts.backlog} applications: ` +
            (share.shareOfLimit === null
              ? `done within one window, so no share of the limit to measure (a larger --backlog or smaller --rate-limit);`
              : `${share.callsPerSecond} Harvest calls/s over ${share.fullWindows} whole windows = ${share.shareOfLimit} of the limit (${opts.rateLimit} per ${windowSeconds} s);`) +
            ` 429s: ${drained.throttled} (token endpoint: ${drained.tokenThrottled}); most in one window: ${drained.maxRequestsInWindow};` +
            ` ${drained.accepted} calls, drained in ${drainSeconds.toFixed(1)} s`,
        );
      }
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } finally {
      await stopWorkers();
      await removeBenchJobs(db, app.get<Queue>(getQueueToken(QueueName.AtsEvents)), tenantIds).catch(
        (e: Error) => say(`could not remove the bench's jobs from Redis: ${e.message}`),
      );
      await bare.close();
      await app.close();
      await sim.close();
      await cleanup();
    }
  }

  /** A tenant with the synthetic registry, connected to its own simulated Greenhouse account, webhooks on. */
  private async connectTenant(
    app: INestApplication,
    sim: SimulatorHandle,
    apiUrl: string,
    slug: string,
    registrySize: number,
  ): Promise<BenchTenant> {
    const tenant = await app.get(TenantService).create({ slug, name: slug });
    const actor = { tenantId: tenant.id, role: 'hr_admin' as const, name: 'bench' };
    await app
      .get(AlumniImportService)
      .import(actor, Readable.from([...syntheticRegistryLines(registrySize, REGISTRY_SEED)].join('\n')), {
        mode: 'all-or-nothing',
      });
    const client = { id: `${slug}-client`, secret: `${slug}-client-secret` };
    const seeded = (await sim.control.seed({
      company: slug,
      greenhouse: {
        clientId: client.id,
        clientSecret: client.secret,
        users: [{ firstName: 'B', lastName: 'R', email: `b@${slug}.example`, siteAdmin: true }],
        jobs: [JOB],
      },
    })) as { greenhouse: { users: { id: number }[] } };
    const hr = app.get(TokenService).mint({ tenantId: tenant.id, role: 'hr_admin', subject: 'bench' });
    const res = await fetch(`${apiUrl}/api/v1/ats-connections/greenhouse`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
      body: JSON.stringify({
        apiBaseUrl: `${sim.url}/greenhouse/v3`,
        authUrl: `${sim.url}/greenhouse/auth/token`,
        clientId: client.id,
        secret: client.secret,
        webhookSecret: SECRET,
        actingUserId: String(seeded.greenhouse.users[0].id),
      }),
    });
    if (!res.ok) throw new Error(`connecting ${slug}: ${res.status} ${await res.text()}`);
    await sim.control.registerGhWebhook(slug, `${apiUrl}/webhooks/greenhouse/${tenant.id}`, SECRET, []);
    return { id: tenant.id, company: slug, sent: 0 };
  }

  /**
   * New applicants in the simulated ATS, each announced by a signed `new_candidate_application` webhook.
   * Returns ATS application id → applicant index.
   */
  private async apply(
    sim: SimulatorHandle,
    tenant: BenchTenant,
    applicants: { i: number; returnee: boolean }[],
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (let k = 0; k < applicants.length; k += DELIVERY_BATCH) {
      for (const { i, returnee } of applicants.slice(k, k + DELIVERY_BATCH)) {
        const p = syntheticPerson(i, rowRandom(REGISTRY_SEED, i));
        const created = sim.control.addGhCandidate(
          tenant.company,
          {
            firstName: returnee ? p.givenName : 'Guest',
            lastName: returnee ? p.familyName : `Stranger${i}`,
            emails: [returnee ? p.email : `g${i}@example.com`],
            phones: returnee ? [p.phone] : [],
            applications: [{ job: JOB.name }],
          },
          true,
        ) as { applications: { id: number }[] };
        for (const a of created.applications) ids.set(String(a.id), i);
        tenant.sent++;
      }
      await sim.webhooks.idle(60_000);
    }
    return ids;
  }

  private async outcomes(
    db: DataSource,
    tenantId: string,
    applicationIds: string[],
  ): Promise<Record<string, number>> {
    const rows = await db.query<{ outcome: string; n: number }[]>(
      `SELECT outcome, count(*)::int AS n FROM tracked_applications WHERE tenant_id = $1 AND application_id = ANY($2) GROUP BY outcome ORDER BY outcome`,
      [tenantId, applicationIds],
    );
    return Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
  }

  private async applicantsWithOutcome(
    db: DataSource,
    tenantId: string,
    apps: Map<string, number>,
    outcome: string,
  ): Promise<number[]> {
    const rows = await db.query<{ application_id: string }[]>(
      `SELECT application_id FROM tracked_applications WHERE tenant_id = $1 AND application_id = ANY($2) AND outcome = $3`,
      [tenantId, [...apps.keys()], outcome],
    );
    return rows.map((r) => apps.get(r.application_id)!).sort((a, b) => a - b);
  }

  @Option({ flags: '--seconds <n>', description: 'duration of each ingest run', defaultValue: 5 })
  parseSeconds(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--concurrency <n>', description: 'parallel webhook senders (ingest)', defaultValue: 32 })
  parseConcurrency(v: string): number {
    return Number(v);
  }

  @Option({
    flags: '--applications <n>',
    // Enough for ten seconds or so of steady state: a shorter run mostly measures warm-up (JIT, pools).
    description: 'applications for the end-to-end run',
    defaultValue: 3000,
  })
  parseApplications(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--workers <n>', description: 'worker processes', defaultValue: 1 })
  parseWorkers(v: string): number {
    return Number(v);
  }

  @Option({
    flags: '--worker-concurrency <n>',
    description: 'WORKER_CONCURRENCY of each worker process',
    defaultValue: Number(process.env.WORKER_CONCURRENCY ?? 8),
  })
  parseWorkerConcurrency(v: string): number {
    return Number(v);
  }

  @Option({
    flags: '--fast-track-sample <n>',
    description: 'fast-tracked returnees re-applying for the calls-per-application count',
    defaultValue: 100,
  })
  parseFastTrackSample(v: string): number {
    return Number(v);
  }

  @Option({
    flags: '--backlog <n>',
    description: 'applications drained under the rate limit (0 skips that phase)',
    defaultValue: 2000,
  })
  parseBacklog(v: string): number {
    return Number(v);
  }

  @Option({
    flags: '--rate-limit <n>',
    description:
      "Harvest requests per 30-second window in the rate-limited drain (Greenhouse's observed default is 150)",
    defaultValue: 600,
  })
  parseRateLimit(v: string): number {
    return Number(v);
  }

  @Option({
    flags: '--from-stage-id <kind>',
    // Public material does not settle which id Greenhouse's move wants (ats-contracts.md, "Move"): the bench
    // measures either account.
    description:
      'which id the simulated account wants as from_stage_id of a move: application_stage_id (the row, webhooks do not carry it: one read per move) or job_interview_stage_id',
    defaultValue: GH_MOVE_FROM_STAGE_ID_DEFAULT,
  })
  parseFromStageId(v: string): GhMoveFromStageIdKind {
    if (v !== 'application_stage_id' && v !== 'job_interview_stage_id')
      throw new Error('--from-stage-id takes application_stage_id or job_interview_stage_id');
    return v;
  }
}

/** Every creation webhook of the tenant is in the inbox (and so in the queue). */
async function waitUntilQueued(db: DataSource, tenant: BenchTenant): Promise<void> {
  for (const end = Date.now() + 120_000; Date.now() < end;) {
    const [{ n }] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM inbox_events WHERE tenant_id = $1 AND kind = 'application_created'`,
      [tenant.id],
    );
    if (n >= tenant.sent) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`only part of the ${tenant.sent} webhooks reached the inbox`);
}
