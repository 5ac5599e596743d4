import {
  type DeepPartial,
  type SimulatorConfig,
  greenhouseEmploymentsOf,
  SimulatorHandle,
  startSimulator,
} from '@comeback/ats-simulator';
import { JobQueue } from '@comeback/platform';
import { syntheticRegistryLines } from '@comeback/fixtures';
import { csvUpload, Harness, http, startApi, TestTenant } from './api-harness';
import { watchPeople } from './response-scan';
import { simulatorCall } from './simulator-call';

export type AtsUnderTest = 'greenhouse' | 'workable';

export const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789';
const GH_CLIENT = { id: 'e2e-client', secret: 'e2e-client-secret' };
export const WK_TOKEN = 'e2e-workable-token';

export const JOB_STAGES = ['書類選考', '一次面接', '二次面接', '最終面接', 'Offer'];

export const REGISTRY_HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,performance_ratings,skills,network_opt_in';

/** People who each exercise one path of the pipeline, among 2,000 synthetic former employees (name statistics need a crowd). */
export const REGISTRY = [
  ...[...syntheticRegistryLines(2_000, 11)].slice(1),
  'E1,山田,太郎,ヤマダ,タロウ,,1988-05-12,taro.yamada.88@gmail.com,090-1111-2222,2012-04-01,2022-03-31,voluntary_career,yes,研究開発部,主任,G3,6200000,2021:A;2022:S,,true',
  'E2,鈴木,一郎,スズキ,イチロウ,,1980-01-15,ichiro.suzuki80@yahoo.co.jp,080-3333-4444,2008-04-01,2021-06-30,disciplinary_dismissal,no,営業部,課長,M1,8400000,2019:B;2020:C,,false',
  'E3,佐藤,健,サトウ,ケン,,1985-03-03,ken.sato.a@gmail.com,03-5555-1234,2010-04-01,2020-03-31,voluntary_career,yes,営業部,主任,G2,5000000,2019:A,,false',
  'E4,佐藤,健,サトウ,ケン,,1991-09-09,ken.sato.b@icloud.com,080-4040-5050,2015-04-01,2023-03-31,childcare,yes,人事部,担当,G2,4800000,2022:B,,false',
  'E5,桜浦,愛,サクラウラ,アイ,野谷,1993-10-16,ai_433@docomo.ne.jp,090-7139-8759,2015-04-01,2021-09-30,voluntary_career,yes,研究開発部,主任,G3,6000000,2020:A;2021:A,,true',
  'E6,野々宮,紗季,ノノミヤ,サキ,,1990-02-02,saki.nonomiya@yahoo.co.jp,080-5151-6262,2014-04-01,2022-12-31,relocation,yes,営業部,主任,G3,5800000,2021:B;2022:A,,true',
];

/** The named people's birth dates and salaries: no recruiter or hiring-manager response may contain them. */
export const REGISTRY_PEOPLE = REGISTRY.slice(-6).map((line) => {
  const cols = line.split(',');
  return { birthDate: cols[6], salaries: [Number(cols[16])] };
});

export interface Stack {
  ats: AtsUnderTest;
  sim: SimulatorHandle;
  api: Harness;
  tenant: TestTenant;
  hr: string;
  recruiter: string;
  /** The ATS user/member the connection writes as (a connection can't be saved without it). */
  actingUserId: string;
  /** Adds an applicant in the ATS (which fires the creation webhook); returns the ATS application id. */
  apply(p: {
    firstName: string;
    lastName: string;
    email: string;
    phone?: string;
    tags?: string[];
    /** One of `opts.jobs` by name (default the Backend job). */
    job?: string;
    /** The CV's employments (dates YYYY-MM-DD; end null while current). */
    experience?: { company: string; title: string; start_date: string; end_date: string | null }[];
  }): Promise<string>;
  /** The ATS's id of a seeded job, by name (Greenhouse: its number; Workable: its shortcode). */
  jobIds: Record<string, string>;
  candidate(applicationId: string): Promise<{ tags: string[]; notes: string[]; stage: string }>;
  counters(): Promise<Record<string, any>>;
  /** Every webhook delivery the simulator made (body and headers exactly as sent). */
  deliveries(): Promise<any[]>;
  /** Fires the creation event again, as a new delivery with a new event id. */
  refire(applicationId: string): Promise<void>;
  /** Simulator state of one application's stage history (moves). */
  stageHistory(applicationId: string): Promise<unknown[]>;
  webhookUrl: string;
  waitIdle(): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(
  ats: AtsUnderTest,
  opts: {
    simConfig?: DeepPartial<SimulatorConfig>;
    env?: Record<string, string | undefined>;
    offerSalaryField?: string;
    /** More jobs beside Backend (same stages), each optionally in a department. */
    jobs?: { name: string; department?: string }[];
  } = {},
): Promise<Stack> {
  const extraJobs = opts.jobs ?? [];
  const sim = await startSimulator({
    port: 0,
    logger: false,
    config: { webhooks: { timeScale: 0.0005 }, ...(opts.simConfig ?? {}) },
  });
  const api = await startApi({
    RUN_JOBS_IN_API: 'true',
    ...(opts.env ?? {}),
  });
  watchPeople(REGISTRY_PEOPLE);
  const tenant = await api.tenant(`e2e-${ats}`);
  const hr = tenant.token('hr_admin');
  const recruiter = tenant.token('recruiter');
  const imported = await http(api.baseUrl, 'POST', '/api/v1/registry/imports', {
    token: hr,
    body: csvUpload([REGISTRY_HEADER, ...REGISTRY].join('\n') + '\n'),
  });
  if (imported.status !== 201) throw new Error(`registry import failed: ${imported.text}`);
  const webhookUrl = `${api.baseUrl}/webhooks/${ats}/${tenant.id}`;
  const jsonPost = (path: string, body: unknown) => simulatorCall(sim.url, 'POST', path, body);

  // Saving a connection calls the ATS (subscriptions, users); with injected faults (30% errors) one call can fail
  // five times running now and then, and the connection answers ats_unavailable: an operator would save again.
  const connect = async (kind: 'greenhouse' | 'workable', init: { token: string; json: unknown }) => {
    let save = await http(api.baseUrl, 'PUT', `/api/v1/ats-connections/${kind}`, init);
    for (let i = 0; i < 3 && save.status !== 200 && save.text.includes('ats_unavailable'); i++)
      save = await http(api.baseUrl, 'PUT', `/api/v1/ats-connections/${kind}`, init);
    return save;
  };

  let actingUserId = '';
  const jobIds: Record<string, string> = {};
  if (ats === 'greenhouse') {
    const seeded = await jsonPost('/_sim/seed', {
      company: 'e2e',
      greenhouse: {
        clientId: GH_CLIENT.id,
        clientSecret: GH_CLIENT.secret,
        users: [{ firstName: 'Rei', lastName: 'Recruiter', email: 'rei@e2e.example', siteAdmin: true }],
        jobs: [
          { name: 'Backend', stages: JOB_STAGES },
          ...extraJobs.map((j) => ({ name: j.name, department: j.department, stages: JOB_STAGES })),
        ],
      },
    });
    actingUserId = String(seeded.greenhouse.users[0].id);
    for (const j of seeded.greenhouse.jobs) jobIds[j.name] = String(j.id);
    const save = await connect('greenhouse', {
      token: hr,
      json: {
        apiBaseUrl: `${sim.url}/greenhouse/v3`,
        authUrl: `${sim.url}/greenhouse/auth/token`,
        clientId: GH_CLIENT.id,
        secret: GH_CLIENT.secret,
        webhookSecret: WEBHOOK_SECRET,
        actingUserId,
        offerSalaryField: opts.offerSalaryField,
      },
    });
    if (save.status !== 200) throw new Error(`connection failed: ${save.text}`);
    await jsonPost('/_sim/greenhouse/webhooks', { company: 'e2e', url: webhookUrl, secret: WEBHOOK_SECRET });
  } else {
    await jsonPost('/_sim/seed', {
      company: 'e2e',
      workable: {
        subdomain: 'e2e',
        token: WK_TOKEN,
        members: [{ name: 'Rei Recruiter', email: 'rei@e2e.example' }],
        jobs: [
          { title: 'Backend', shortcode: 'BE', stages: JOB_STAGES },
          ...extraJobs.map((j) => ({
            title: j.name,
            shortcode: j.name.toUpperCase(),
            department: j.department,
            stages: JOB_STAGES,
          })),
        ],
      },
    });
    jobIds.Backend = 'BE';
    for (const j of extraJobs) jobIds[j.name] = j.name.toUpperCase();
    const state: any = await (await fetch(`${sim.url}/_sim/state`)).json();
    const memberId = state.companies.find((c: any) => c.company === 'e2e').workable.members[0].id;
    actingUserId = String(memberId);
    const save = await connect('workable', {
      token: hr,
      json: {
        apiBaseUrl: `${sim.url}/workable/spi/v3`,
        // No webhook secret: Workable signs with the account token, which `secret` already is.
        secret: WK_TOKEN,
        actingUserId,
      },
    });
    if (save.status !== 200) throw new Error(`connection failed: ${save.text}`);
  }

  const state = async (): Promise<any> =>
    ((await (await fetch(`${sim.url}/_sim/state`)).json()) as any).companies.find(
      (c: any) => c.company === 'e2e',
    );
  const stack: Stack = {
    ats,
    sim,
    api,
    tenant,
    hr,
    recruiter,
    actingUserId,
    jobIds,
    async apply(p) {
      if (ats === 'greenhouse') {
        const r = await jsonPost('/_sim/greenhouse/candidates', {
          company: 'e2e',
          firstName: p.firstName,
          lastName: p.lastName,
          emails: [p.email],
          phones: p.phone ? [p.phone] : [],
          tags: p.tags,
          employments: greenhouseEmploymentsOf(p.experience),
          applications: [{ job: p.job ?? 'Backend' }],
          notify: true,
        });
        return String(r.applications?.[0]?.id ?? r.application_ids?.[0]);
      }
      const r = await jsonPost('/_sim/workable/candidates', {
        company: 'e2e',
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        phone: p.phone,
        tags: p.tags,
        job: jobIds[p.job ?? 'Backend'],
        experience: p.experience,
        notify: true,
      });
      return String(r.id);
    },
    async candidate(applicationId) {
      const s = await state();
      if (ats === 'greenhouse') {
        const c = s.greenhouse.candidates.find((x: any) =>
          x.applications.some((a: any) => String(a.id) === applicationId),
        );
        const app = c.applications.find((a: any) => String(a.id) === applicationId);
        return { tags: c.tags, notes: c.notes.map((n: any) => n.body), stage: app.current_stage.name };
      }
      const c = s.workable.candidates.find((x: any) => String(x.id) === applicationId);
      const job = s.workable.jobs.find((j: any) => j.shortcode === c.job_shortcode);
      const stage = job.stages.find((st: any) => st.slug === c.stage_slug);
      return {
        tags: c.tags,
        notes: (c.comments ?? []).map((n: any) => n.body ?? n.comment?.body),
        stage: stage?.name ?? c.stage_slug,
      };
    },
    webhookUrl,
    async deliveries() {
      return (await (await fetch(`${sim.url}/_sim/deliveries`)).json()) as any[];
    },
    async refire(applicationId) {
      if (ats === 'greenhouse')
        await jsonPost('/_sim/greenhouse/trigger', {
          action: 'new_candidate_application',
          applicationId: Number(applicationId),
        });
      else
        await jsonPost('/_sim/workable/trigger', { event: 'candidate_created', candidateId: applicationId });
    },
    async stageHistory(applicationId) {
      const st = await state();
      if (ats === 'greenhouse') {
        const c = st.greenhouse.candidates.find((x: any) =>
          x.applications.some((a: any) => String(a.id) === applicationId),
        );
        return c.applications.find((a: any) => String(a.id) === applicationId).stage_history;
      }
      return st.workable.candidates.find((x: any) => String(x.id) === applicationId).stage_history;
    },
    async counters() {
      return (await (await fetch(`${sim.url}/_sim/counters`)).json()) as Record<string, any>;
    },
    async waitIdle() {
      for (let i = 0; i < 3; i++) {
        await jsonPost('/_sim/deliveries/idle?timeoutMs=30000', {});
        await api.app.get(JobQueue).drained(60_000);
      }
    },
    async close() {
      await api.close();
      await sim.close();
    },
  };
  return stack;
}
