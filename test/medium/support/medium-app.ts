import { Readable } from 'node:stream';
import { Test, type TestingModule } from '@nestjs/testing';
import { AtsConnection, AtsConnectorRegistry } from '@comeback/ats';
import { CompensationModule } from '@comeback/compensation';
import { OutcomesModule } from '@comeback/outcomes';
import { AtsConnectionService, PipelineModule } from '@comeback/pipeline';
import { AuditActor, PlatformModule, TenantService } from '@comeback/platform';
import { AlumniImportService } from '@comeback/registry';
import { syntheticRegistryLines } from '@comeback/fixtures';
import { createTestDatabase } from '../../support/test-database';
import { InMemoryAts } from './in-memory-ats';

export const REGISTRY_HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,performance_ratings,skills,network_opt_in';

/** Returnees who each take one path, among 500 synthetic former employees (name statistics need a crowd). */
export const RETURNEES = {
  eligible:
    'E1,山田,太郎,ヤマダ,タロウ,,1988-05-12,taro.yamada.88@gmail.com,090-1111-2222,2012-04-01,2022-03-31,voluntary_career,yes,研究開発部,主任,G3,6200000,2021:A;2022:S,,true',
  dismissed:
    'E2,鈴木,一郎,スズキ,イチロウ,,1980-01-15,ichiro.suzuki80@yahoo.co.jp,080-3333-4444,2008-04-01,2021-06-30,disciplinary_dismissal,no,営業部,課長,M1,8400000,2019:B;2020:C,,false',
};

export const STAGES = ['書類選考', '一次面接', '二次面接', '最終面接', 'Offer'].map((name, i) => ({
  id: `st${i}`,
  name,
  position: i,
}));
export const WEBHOOK_SECRET = 'medium-webhook-secret';

export interface MediumApp {
  module: TestingModule;
  ats: InMemoryAts;
  conn: AtsConnection;
  tenantId: string;
  /** Adds an application in the in-memory ATS at the job's first stage; returns it. */
  apply(p: {
    applicationId: string;
    firstName: string;
    lastName: string;
    email: string;
    phone?: string;
    jobId?: string;
  }): ReturnType<InMemoryAts['getApplication']>;
  get<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/**
 * The medium tier: the real services and repositories on a fresh PostgreSQL database (cloned from the
 * migrated template), the in-process queue, and the ATS port in memory. No HTTP, Redis, simulator or browser.
 */
export async function startMediumApp(): Promise<MediumApp> {
  const db = await createTestDatabase();
  const ats = new InMemoryAts();
  ats.stages.set('J1', STAGES);
  const module = await Test.createTestingModule({
    imports: [PlatformModule, PipelineModule, CompensationModule, OutcomesModule],
  })
    .overrideProvider(AtsConnectorRegistry)
    .useValue({ get: () => ats, all: () => [ats] })
    .compile();
  module.useLogger(false);
  await module.init();

  const tenant = await module.get(TenantService).create({ slug: 'medium', name: 'Medium' });
  const hr: AuditActor = { tenantId: tenant.id, role: 'hr_admin', name: 'hr@medium' };
  const conn = await module.get(AtsConnectionService).upsert(hr, {
    kind: 'greenhouse',
    apiBaseUrl: 'http://in-memory.invalid',
    secret: 'token',
    webhookSecret: WEBHOOK_SECRET,
    actingUserId: '1',
    offerSalaryField: 'salary',
  });
  const csv = [...syntheticRegistryLines(500, 7)].slice(1).concat(Object.values(RETURNEES));
  const report = await module
    .get(AlumniImportService)
    .import(hr, Readable.from([`${REGISTRY_HEADER}\n${csv.join('\n')}\n`]), { mode: 'all-or-nothing' });
  if (report.status !== 'completed')
    throw new Error(`registry import failed: ${JSON.stringify(report.problems.slice(0, 3))}`);

  return {
    module,
    ats,
    conn,
    tenantId: tenant.id,
    async apply(p) {
      const jobId = p.jobId ?? 'J1';
      const first = ats.stages.get(jobId)![0];
      ats.applications.set(p.applicationId, {
        applicationId: p.applicationId,
        candidateId: `c-${p.applicationId}`,
        jobId,
        jobName: 'Engineer',
        currentStageId: first.id,
        currentStageName: first.name,
        status: 'active',
        candidate: {
          firstName: p.firstName,
          lastName: p.lastName,
          emails: [p.email],
          phones: p.phone ? [p.phone] : [],
          tags: [],
          customFields: {},
        },
        workHistory: [],
      });
      return structuredClone(ats.applications.get(p.applicationId)!);
    },
    get: (type) => module.get(type),
    async close() {
      await module.close();
      await db.drop();
    },
  };
}
