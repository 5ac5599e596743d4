import { Command, CommandRunner, Option } from 'nest-commander';
import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobQueue, TenantService, TokenService } from '@comeback/platform';
import { AlumniImportService } from '@comeback/registry';
import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../../api/src/bootstrap';
import { startSimulator } from '../../../ats-simulator/src/simulator';
import { useFreshDatabase } from '../fresh-database';
import { rowRandom, syntheticPerson, syntheticRegistryLines } from '../fixtures/synthetic-registry';
import { freePort } from '../fixtures/free-port';

interface Options {
  seconds: number;
  concurrency: number;
  applications: number;
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
const CLIENT = { id: 'bench-client', secret: 'bench-client-secret' };

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
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const i = n++;
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

/**
 * Pipeline throughput on real PostgreSQL + Redis (set DATABASE_URL and REDIS_URL): webhook ingest
 * requests/s beside a bare Nest endpoint in the same process, then end-to-end applications/s through the
 * simulator with its limits off, and ATS calls per fast-tracked application.
 */
@Command({
  name: 'bench-pipeline',
  description: 'Webhook ingest rate vs a bare endpoint; end-to-end applications/s; ATS calls per application',
})
export class BenchPipelineCommand extends CommandRunner {
  async run(_: string[], opts: Options): Promise<void> {
    const say = (s: string) => process.stderr.write(`${s}\n`);
    const cleanup = await useFreshDatabase('benchpipe');
    const port = await freePort();
    process.env.PUBLIC_BASE_URL = `http://127.0.0.1:${port}`;
    process.env.LOG_LEVEL = 'silent';
    const sim = await startSimulator({
      port: 0,
      logger: false,
      config: {
        greenhouse: { rateLimit: { enabled: false }, webhooksOnApiWrites: false },
        webhooks: { timeScale: 0.001 },
      },
    });
    const app = await createApiApp({ logger: false });
    await app.listen(port, '127.0.0.1');
    const bare = await NestFactory.create(BareModule, { logger: false, rawBody: true });
    const barePort = await freePort();
    await bare.listen(barePort, '127.0.0.1');
    const result: Record<string, number> = {};
    try {
      const tenant = await app.get(TenantService).create({ slug: 'bench', name: 'Bench' });
      const hr = app.get(TokenService).mint({ tenantId: tenant.id, role: 'hr_admin', subject: 'bench' });
      await app
        .get(AlumniImportService)
        .import(
          { tenantId: tenant.id, role: 'hr_admin', name: 'bench' },
          Readable.from([...syntheticRegistryLines(2_000, 5)].join('\n')),
          { mode: 'all-or-nothing' },
        );
      const post = async (path: string, body: unknown, token?: string, method = 'POST') => {
        const base = path.startsWith('/_sim') ? sim.url : `http://127.0.0.1:${port}`;
        const res = await fetch(`${base}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        const t = await res.text();
        return (t ? JSON.parse(t) : {}) as Record<string, unknown>;
      };
      const seeded = (await post('/_sim/seed', {
        company: 'bench',
        greenhouse: {
          clientId: CLIENT.id,
          clientSecret: CLIENT.secret,
          users: [{ firstName: 'B', lastName: 'R', email: 'b@bench.example' }],
          jobs: [{ name: 'Job', stages: ['書類選考', '一次面接', '二次面接', '最終面接', 'Offer'] }],
        },
      })) as { greenhouse: { users: { id: number }[] } };
      const kind = 'greenhouse';
      await post(
        `/api/v1/ats-connections/${kind}`,
        {
          apiBaseUrl: `${sim.url}/greenhouse/v3`,
          authUrl: `${sim.url}/greenhouse/auth/token`,
          clientId: CLIENT.id,
          secret: CLIENT.secret,
          webhookSecret: SECRET,
          actingUserId: String(seeded.greenhouse.users[0].id),
        },
        hr,
        'PUT',
      );
      const webhookUrl = `http://127.0.0.1:${port}/webhooks/${kind}/${tenant.id}`;

      // 1. Ingest: signed deliveries of an action we acknowledge and store (no ATS work behind it).
      const payload = (i: number) =>
        JSON.stringify({ action: 'application_updated', payload: { application: { id: i } } });
      const signed = (i: number) => ({
        signature: `sha256 ${createHmac('sha256', SECRET).update(payload(i)).digest('hex')}`,
        'greenhouse-event-id': `bench-${i}`,
      });
      result.bareRequestsPerSecond = Math.round(
        await hammer(
          `http://127.0.0.1:${barePort}/bare`,
          () => ({}),
          payload,
          opts.seconds,
          opts.concurrency,
        ),
      );
      result.ingestRequestsPerSecond = Math.round(
        await hammer(webhookUrl, signed, payload, opts.seconds, opts.concurrency),
      );
      result.ingestShareOfBare =
        Math.round((result.ingestRequestsPerSecond / result.bareRequestsPerSecond) * 100) / 100;
      say(
        `ingest ${result.ingestRequestsPerSecond}/s vs bare ${result.bareRequestsPerSecond}/s (${result.ingestShareOfBare})`,
      );

      // 2. End to end: N applications (one in four a former employee), limits off.
      await fetch(`${sim.url}/_sim/counters/reset`, { method: 'POST' });
      const db = app.get(DataSource);
      const t0 = performance.now();
      for (let i = 1; i <= opts.applications; i++) {
        const p = syntheticPerson(i, rowRandom(5, i));
        const returnee = i % 4 === 0;
        await post('/_sim/greenhouse/candidates', {
          company: 'bench',
          firstName: returnee ? p.givenName : 'Guest',
          lastName: returnee ? p.familyName : `Stranger${i}`,
          emails: [returnee ? p.email : `g${i}@example.com`],
          phones: returnee ? [p.phone] : [],
          applications: [{ job: 'Job' }],
          notify: true,
        });
      }
      for (;;) {
        const [{ n }] = await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM inbox_events WHERE tenant_id = $1 AND kind = 'application_created' AND status <> 'received'`,
          [tenant.id],
        );
        if (n >= opts.applications) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await app.get(JobQueue).drained(60_000);
      const seconds = (performance.now() - t0) / 1000;
      result.endToEndApplicationsPerSecond = Math.round((opts.applications / seconds) * 10) / 10;
      const [{ moved }] = await db.query<{ moved: number }[]>(
        `SELECT count(*)::int AS moved FROM tracked_applications WHERE tenant_id = $1 AND outcome = 'fast_tracked'`,
        [tenant.id],
      );
      const counters = (
        (await (await fetch(`${sim.url}/_sim/counters`)).json()) as Record<
          string,
          { byRoute: Record<string, number> }
        >
      ).greenhouse.byRoute;
      const writes = Object.entries(counters)
        .filter(([r]) => !r.startsWith('GET'))
        .reduce((s, [, n]) => s + n, 0);
      const reads = Object.entries(counters)
        .filter(([r]) => r.startsWith('GET') && !r.includes('job_interview_stages'))
        .reduce((s, [, n]) => s + n, 0);
      const [{ flagged }] = await db.query<{ flagged: number }[]>(
        `SELECT count(*)::int AS flagged FROM tracked_applications WHERE tenant_id = $1 AND outcome IN ('fast_tracked','flagged','ineligible','needs_hr_review')`,
        [tenant.id],
      );
      result.fastTracked = moved;
      result.flagged = flagged;
      result.writesPerFlaggedApplication = Math.round((writes / Math.max(flagged, 1)) * 100) / 100;
      result.uncachedReadsPerFlaggedApplication = Math.round((reads / Math.max(flagged, 1)) * 100) / 100;
      result.stageReads = counters['GET /greenhouse/v3/job_interview_stages'] ?? 0;
      say(
        `end to end ${result.endToEndApplicationsPerSecond} applications/s (${opts.applications} in ${seconds.toFixed(1)} s); ATS calls: ${JSON.stringify(counters)}`,
      );
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } finally {
      await bare.close();
      await app.close();
      await sim.close();
      await cleanup();
    }
  }

  @Option({ flags: '--seconds <n>', description: 'duration of each ingest run', defaultValue: 5 })
  parseSeconds(v: string): number {
    return Number(v);
  }

  @Option({ flags: '--concurrency <n>', description: 'parallel webhook senders', defaultValue: 32 })
  parseConcurrency(v: string): number {
    return Number(v);
  }

  @Option({
    flags: '--applications <n>',
    description: 'applications for the end-to-end run',
    defaultValue: 1000,
  })
  parseApplications(v: string): number {
    return Number(v);
  }
}
