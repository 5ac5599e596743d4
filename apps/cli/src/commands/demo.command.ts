import { Command, CommandRunner, Option } from 'nest-commander';
import type { INestApplication } from '@nestjs/common';
import { JobQueue, TenantService, TokenService } from '@comeback/platform';
import { seedDemoPeople } from '../fixtures/demo-people';
import { createApiApp } from '@comeback/http-api';
import { greenhouseEmploymentsOf, startSimulator, type SimulatorHandle } from '@comeback/ats-simulator';
import { useFreshDatabase } from '../fresh-database';
import { freePort } from '../fixtures/free-port';
import { DEMO_APPLICANTS, DEMO_JOBS, demoAlumniCsvRows, DemoApplicant } from '../fixtures/demo-scenario';
import { syntheticRegistryLines } from '@comeback/fixtures';

interface Options {
  ats: 'greenhouse' | 'workable';
  serve: boolean;
  port?: number;
}

const WEBHOOK_SECRET = 'demo-webhook-secret-0123456789';
const GH_CLIENT = { id: 'comeback-demo', secret: 'demo-client-secret' };
const WK_TOKEN = 'demo-workable-token';

/**
 * The main job, end to end on one laptop: simulator + plugin (embedded database and queue), a registry,
 * the default policy, a batch of applications through real webhooks, and a summary of what happened.
 */
@Command({
  name: 'demo',
  description: 'Run the whole product against the ATS simulator and print what it did',
})
export class DemoCommand extends CommandRunner {
  async run(_: string[], opts: Options): Promise<void> {
    const started = performance.now();
    const log = (s = '') => process.stdout.write(`${s}\n`);
    const cleanup = await useFreshDatabase('demo', {
      keepEmbeddedDir: process.env.DATABASE_URL ? undefined : '.data/demo',
    });
    const port = opts.port ?? (await freePort());
    process.env.PUBLIC_BASE_URL = `http://127.0.0.1:${port}`;
    process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
    // The demo's ATS is the simulator on loopback: the one outbound host it names (see .env.example).
    process.env.ATS_ALLOWED_HOSTS = '127.0.0.1';
    const sim = await startSimulator({ port: 0, logger: false, config: { webhooks: { timeScale: 0.001 } } });
    const app = await createApiApp({ logger: false });
    await app.listen(port, '127.0.0.1');
    const api = `http://127.0.0.1:${port}`;
    try {
      const tenant = await app.get(TenantService).create({
        slug: 'demo',
        name: 'Kitaboshi Shoji (demo)',
        // What CVs call the company (console: Settings): a work history naming it is compared with the registry.
        settings: { companyNames: ['北星商事', 'Kitaboshi Shoji'] },
      });
      const tokens = app.get(TokenService);
      const hr = tokens.mint({
        tenantId: tenant.id,
        role: 'hr_admin',
        subject: 'hr-demo',
        name: 'HR (demo)',
      });
      const recruiter = tokens.mint({
        tenantId: tenant.id,
        role: 'recruiter',
        subject: 'recruiter-demo',
        name: 'Recruiter (demo)',
      });
      log(`Comeback demo — ATS: ${opts.ats}`);
      const demoPeople = await seedDemoPeople(app, tenant.id, !process.env.DATABASE_URL);

      // 1. Registry: 2,000 synthetic former employees plus the demo cast, through the import API.
      const lines = [...syntheticRegistryLines(2_000, 11)];
      const csv = [...lines, ...demoAlumniCsvRows()].join('\n') + '\n';
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'hr-export.csv');
      const imported = await call(api, 'POST', '/api/v1/registry/imports', hr, form);
      log(`  registry: ${imported.rowsImported as number} former employees imported`);
      log(await this.syncLeaverFromSmartHr(sim, app, api, hr, tenant.id));
      for (const line of await this.exitInterview(api, hr)) log(line);

      // 2. ATS: seed jobs and a recruiter, connect, point webhooks at us. The default policy applies.
      const policy = await call(api, 'GET', '/api/v1/eligibility/policies/active', hr);
      log(
        `  eligibility policy: v${policy.version as number} (shipped default: ≥36 months, no 懲戒解雇, 6-month cooling-off, light tier after 10 years)`,
      );
      const webhookUrl = `${api}/webhooks/${opts.ats}/${tenant.id}`;
      if (opts.ats === 'greenhouse') await this.connectGreenhouse(sim, api, hr, webhookUrl);
      else await this.connectWorkable(sim, api, hr);

      // 3. Applications arrive: each one is a real signed webhook from the simulator.
      for (const a of DEMO_APPLICANTS) await this.apply(sim, opts.ats, a);
      await post(sim.url, '/_sim/deliveries/idle?timeoutMs=20000', {});
      await app.get(JobQueue).drained(30_000);
      await post(sim.url, '/_sim/deliveries/idle?timeoutMs=20000', {});
      await app.get(JobQueue).drained(30_000);

      // 4. What happened.
      const tracked = (await call(api, 'GET', '/api/v1/applications?limit=100', recruiter)) as unknown as {
        candidateName: string;
        outcome: string;
        currentStageName: string | null;
        tier: string | null;
        recruiterSummary: string | null;
      }[];
      const reviews = (await call(api, 'GET', '/api/v1/review-items', recruiter)) as unknown as {
        candidateName: string;
      }[];
      const state = await get(sim.url, '/_sim/state');
      log();
      log(
        '  applicant                     outcome          stage now                 tags                 story',
      );
      for (const a of DEMO_APPLICANTS) {
        const name = `${a.lastName} ${a.firstName}`;
        const t = tracked.find((x) => x.candidateName === name);
        const inReview = reviews.some((r) => r.candidateName === name);
        const ats = findInSimulator(state, opts.ats, a);
        log(
          `  ${pad(name, 28)}  ${pad(t?.outcome ?? (inReview ? 'in_review' : 'not_alumni'), 15)}  ${pad(ats.stage ?? '?', 24)}  ${pad(ats.tags.join(',') || '-', 19)}  ${a.story}`,
        );
      }
      const count = (o: string) => tracked.filter((x) => x.outcome === o).length;
      log();
      log(
        `  summary: ${count('fast_tracked')} fast-tracked, ${count('flagged') + count('ineligible') + count('needs_hr_review')} flagged without a skip (${count('ineligible')} ineligible, ${count('needs_hr_review')} need HR review), ${reviews.length} sent to the review queue, ${DEMO_APPLICANTS.length - tracked.length} ignored (not former employees)`,
      );
      for (const line of await this.matchingAccuracy(api, hr)) log(line);
      for (const line of await this.rediscovery(api, hr, opts.ats)) log(line);
      log();
      log(`  simulator page (what the ATS now shows): ${sim.url}/`);
      log(`  API docs: ${api}/api/docs`);
      log(
        `  outcomes report (HR; hires, アルムナイ採用比率, figures under 5 people hidden): ${api}/console/reports/outcomes`,
      );
      log(`  HR token: ${hr}`);
      for (const line of demoPeople) log(line);
      log(`  finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (opts.serve) {
        log('  serving until Ctrl-C …');
        await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      }
    } finally {
      await closeAll(app, sim);
      await cleanup();
    }
  }

  private async connectGreenhouse(
    sim: SimulatorHandle,
    api: string,
    hr: string,
    webhookUrl: string,
  ): Promise<void> {
    const seeded = await post(sim.url, '/_sim/seed', {
      company: 'demo',
      greenhouse: {
        clientId: GH_CLIENT.id,
        clientSecret: GH_CLIENT.secret,
        users: [{ firstName: 'Rei', lastName: 'Recruiter', email: 'rei@demo.example', siteAdmin: true }],
        jobs: Object.values(DEMO_JOBS).map((j) => ({
          name: j.name,
          stages: [...j.stages],
          ...(j.department ? { department: j.department } : {}),
        })),
      },
    });
    const userId = String((seeded as { greenhouse: { users: { id: number }[] } }).greenhouse.users[0].id);
    await call(api, 'PUT', '/api/v1/ats-connections/greenhouse', hr, {
      apiBaseUrl: `${sim.url}/greenhouse/v3`,
      authUrl: `${sim.url}/greenhouse/auth/token`,
      clientId: GH_CLIENT.id,
      secret: GH_CLIENT.secret,
      webhookSecret: WEBHOOK_SECRET,
      actingUserId: userId,
    });
    // Greenhouse webhooks are set up in its UI; the simulator's control API plays that part.
    await post(sim.url, '/_sim/greenhouse/webhooks', {
      company: 'demo',
      url: webhookUrl,
      secret: WEBHOOK_SECRET,
    });
  }

  /**
   * 1b. The HR system as the source: the simulated SmartHR has one employee; HR records her resignation there,
   * SmartHR's webhook brings her into the registry (no CSV export).
   */
  private async syncLeaverFromSmartHr(
    sim: SimulatorHandle,
    app: INestApplication,
    api: string,
    hr: string,
    tenantId: string,
  ): Promise<string> {
    const control = (path: string, body: unknown) => post(sim.url, `/_sim/smarthr/kitaboshi${path}`, body);
    const webhookToken = 'demo-smarthr-webhook-token';
    const [crew] = (
      await control('/seed', {
        token: 'demo-smarthr-access-token',
        webhook: { url: `${api}/webhooks/hris/smarthr/${tenantId}`, secretToken: webhookToken },
        crews: [
          {
            emp_code: 'S-0412',
            last_name: '大谷',
            first_name: '翔子',
            last_name_yomi: 'オオタニ',
            first_name_yomi: 'ショウコ',
            email: 'shoko.otani@kitaboshi.example',
            entered_at: '2016-04-01',
            position: '主任',
            departments: [{ name: '経営企画部' }],
          },
        ],
      })
    ).crews as { id: string }[];
    await call(api, 'PUT', '/api/v1/hris/connections/smarthr', hr, {
      apiBaseUrl: `${sim.url}/smarthr/kitaboshi/api/v1`,
      accessToken: 'demo-smarthr-access-token',
      webhookToken,
    });
    const t0 = performance.now();
    await control(`/crews/${crew.id}/resign`, { resigned_at: '2026-11-30' });
    // At most a minute: a busy queue must not hold the whole demo up (the line then says where to look).
    for (let i = 0; i < 200 && performance.now() - t0 < 60_000; i++) {
      await app.get(JobQueue).drained(5_000);
      const r = await fetch(`${api}/api/v1/registry/alumni/S-0412`, {
        headers: { authorization: `Bearer ${hr}` },
      });
      if (r.ok)
        return `  HR system: 大谷 翔子 resigned in SmartHR (simulated) → in the registry via its webhook in ${Math.round(performance.now() - t0)} ms`;
      await new Promise((r) => setTimeout(r, 50));
    }
    return '  HR system: the SmartHR leaver did not reach the registry (see GET /api/v1/hris/runs)';
  }

  /**
   * 5. From waiting to inviting: the former employees who fit an open job (eligible, opted in, ranked with reasons),
   * and where HR or the job's hiring manager invites them personally.
   */
  /** The demo tenant's matcher accuracy report (HR): estimates from the scores, measured figures from reviews. */
  private async matchingAccuracy(api: string, hr: string): Promise<string[]> {
    const r = (await call(api, 'GET', '/api/v1/matching/accuracy', hr)) as unknown as {
      decisions: number;
      reviewLoad: number | null;
      estimated: {
        autoPrecision: number | null;
        foundRecall: number | null;
        autoRecall: number | null;
        returneeShare: number | null;
      };
      measured: { decidedReviews: number; reviewPrecision: number | null };
      drift: unknown[];
      budgets: { share: number; reviews: number; foundRecall: number | null }[];
      thresholds: {
        review: number | null;
        maxReviewShare: number;
        budget: { reviewFrom: number; decisions: number; minDecisions: number; spent: number | null };
      };
    };
    const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
    const { review, maxReviewShare, budget } = r.thresholds;
    const reviewFrom =
      review !== null
        ? `review from a fixed score ${review.toFixed(2)}`
        : `review budget ${pct(maxReviewShare)} of applicants: review from ${budget.reviewFrom.toFixed(2)}${budget.decisions < budget.minDecisions ? ` (the shipped value until ${budget.minDecisions} decisions; ${budget.decisions} so far)` : ` (from the latest ${budget.decisions} decisions)`}${budget.spent === null ? '' : `; ${pct(budget.spent)} of them went to review`}`;
    return [
      `  matching accuracy (HR, ${r.decisions} decisions): estimated returnee share ${pct(r.estimated.returneeShare)}, auto precision ${pct(r.estimated.autoPrecision)}, found recall ${pct(r.estimated.foundRecall)}, auto recall ${pct(r.estimated.autoRecall)}; review load ${pct(r.reviewLoad)}; measured from ${r.measured.decidedReviews} review decisions: precision ${pct(r.measured.reviewPrecision)}; drift warnings ${r.drift.length}`,
      `    ${reviewFrom}`,
      `    other review budgets on the same decisions: ${r.budgets.map((b) => `${pct(b.share)}: ${b.reviews} to review, found recall ${pct(b.foundRecall)}`).join('; ')}`,
      `    ${api}/console/matching/accuracy`,
    ];
  }

  private async rediscovery(api: string, hr: string, ats: string): Promise<string[]> {
    const jobs = (await call(api, 'GET', `/api/v1/rediscovery/jobs/${ats}`, hr)) as unknown as {
      jobId: string;
      title: string;
    }[];
    const job = jobs.find((j) => j.title === DEMO_JOBS.backend.name);
    if (!job) return ['  rediscovery: the open job was not found in the ATS'];
    const list = (await call(
      api,
      'GET',
      `/api/v1/rediscovery/jobs/${ats}/${encodeURIComponent(job.jobId)}/candidates?limit=3`,
      hr,
    )) as unknown as { eligible: number; entries: { name: string; reasons: { ja: string }[] }[] };
    return [
      `  rediscovery: ${list.eligible} eligible former employees who agreed to be contacted; best fits for ${job.title}:`,
      ...list.entries.map((e) => `    ${e.name} — ${e.reasons.map((r) => r.ja).join('、')}`),
      `    invite one personally (e-mail with a link that carries the ATS marker): ${api}/console/rediscovery`,
    ];
  }

  /**
   * 1c. The exit interview (退職面談) of the synced leaver: HR sets the category (and an HR-only note) and names
   * her manager as the interviewer, who fills in the rehire view; the leaver gets her personal link by e-mail.
   */
  private async exitInterview(api: string, hr: string): Promise<string[]> {
    const leavers = (await call(api, 'GET', '/api/v1/exit-interviews?limit=5', hr)) as unknown as {
      alumnusId: string;
      employeeNumber: string;
    }[];
    const shoko = leavers.find((l) => l.employeeNumber === 'S-0412');
    if (!shoko) return ['  exit interview: the SmartHR leaver is not in the registry, skipped'];
    const path = `/api/v1/exit-interviews/${shoko.alumnusId}`;
    await call(api, 'PUT', path, hr, {
      interviewerEmail: 'manager@demo.example',
      departureCategory: 'relocation',
      hrDetail: '配偶者の転勤で大阪へ（人事メモ）',
      rehireRecommendation: 'yes',
      welcomeBackSaid: true,
      regrettable: true,
      returnWish: 'someday',
      returnAreas: ['経営企画', 'データ分析'],
    });
    await call(api, 'POST', `${path}/leaver-link`, hr, {
      to: 'shoko.otani@kitaboshi.example',
      language: 'ja',
    });
    return [
      '  exit interview: 大谷 翔子 — relocation, rehire recommended, "welcome back" said, might return someday;',
      `    interviewer manager@demo.example; her personal consent link was e-mailed (${api}/console/dev/mailbox)`,
    ];
  }

  private async connectWorkable(sim: SimulatorHandle, api: string, hr: string): Promise<void> {
    await post(sim.url, '/_sim/seed', {
      company: 'demo',
      workable: {
        subdomain: 'demo',
        token: WK_TOKEN,
        members: [{ name: 'Rei Recruiter', email: 'rei@demo.example' }],
        jobs: Object.entries(DEMO_JOBS).map(([k, j]) => ({
          title: j.name,
          shortcode: k.toUpperCase(),
          stages: [...j.stages],
          ...(j.department ? { department: j.department } : {}),
        })),
      },
    });
    const members = (await get(sim.url, '/_sim/state')) as unknown as {
      companies: { workable?: { members?: { id: string }[] } }[];
    };
    const memberId = members.companies[0]?.workable?.members?.[0]?.id;
    if (!memberId) throw new Error('the simulator seeded no Workable member to write as');
    // Workable webhooks are created by API: saving the connection subscribes them. No webhook secret:
    // Workable signs deliveries with the account token itself.
    await call(api, 'PUT', '/api/v1/ats-connections/workable', hr, {
      apiBaseUrl: `${sim.url}/workable/spi/v3`,
      secret: WK_TOKEN,
      actingUserId: memberId,
    });
  }

  private async apply(sim: SimulatorHandle, ats: Options['ats'], a: DemoApplicant): Promise<void> {
    const job = DEMO_JOBS[a.job];
    if (ats === 'greenhouse') {
      await post(sim.url, '/_sim/greenhouse/candidates', {
        company: 'demo',
        firstName: a.firstName,
        lastName: a.lastName,
        emails: [a.email],
        phones: a.phone ? [a.phone] : [],
        customFields: a.customFields,
        employments: greenhouseEmploymentsOf(a.experience),
        applications: [{ job: job.name, source: 'Careers page' }],
        notify: true,
      });
    } else {
      await post(sim.url, '/_sim/workable/candidates', {
        company: 'demo',
        firstName: a.firstName,
        lastName: a.lastName,
        email: a.email,
        phone: a.phone,
        job: a.job.toUpperCase(),
        experience: a.experience,
        notify: true,
      });
    }
  }

  @Option({ flags: '--ats <ats>', description: 'greenhouse | workable', defaultValue: 'greenhouse' })
  parseAts(v: string): Options['ats'] {
    if (v !== 'greenhouse' && v !== 'workable') throw new Error('--ats must be greenhouse or workable');
    return v;
  }

  @Option({
    flags: '--serve',
    description: 'keep the api and simulator running after the summary',
    defaultValue: false,
  })
  parseServe(): boolean {
    return true;
  }

  @Option({ flags: '--port <port>', description: 'api port (default: a free one)' })
  parsePort(v: string): number {
    return Number(v);
  }
}

type Json = Record<string, unknown>;

async function call(
  base: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Json> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}` } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : {}) as Json;
}

async function post(base: string, path: string, body: unknown): Promise<Json> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`simulator ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : {}) as Json;
}

async function get(base: string, path: string): Promise<Json> {
  return (await (await fetch(`${base}${path}`)).json()) as Json;
}

function findInSimulator(
  state: Json,
  ats: Options['ats'],
  a: DemoApplicant,
): { stage: string | null; tags: string[] } {
  const company = (state.companies as Json[]).find((c) => c.company === 'demo') ?? {};
  if (ats === 'greenhouse') {
    const gh = company.greenhouse as {
      candidates: {
        first_name: string;
        last_name: string;
        tags: string[];
        applications: { current_stage?: { name: string } }[];
      }[];
    };
    const c = gh.candidates.find((x) => x.first_name === a.firstName && x.last_name === a.lastName);
    return { stage: c?.applications[0]?.current_stage?.name ?? null, tags: c?.tags ?? [] };
  }
  const wk = company.workable as {
    jobs: { shortcode: string; stages: { slug: string; name: string }[] }[];
    candidates: {
      firstname: string;
      lastname: string;
      tags: string[];
      job_shortcode: string;
      stage_slug: string;
    }[];
  };
  const c = wk.candidates.find((x) => x.firstname === a.firstName && x.lastname === a.lastName);
  const stage =
    c && wk.jobs.find((j) => j.shortcode === c.job_shortcode)?.stages.find((st) => st.slug === c.stage_slug);
  return { stage: stage?.name ?? c?.stage_slug ?? null, tags: c?.tags ?? [] };
}

function pad(s: string, n: number): string {
  const width = [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(1, n - width));
}

async function closeAll(app: INestApplication, sim: SimulatorHandle): Promise<void> {
  await app.close();
  await sim.close();
}
