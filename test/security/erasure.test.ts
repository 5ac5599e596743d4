import { getQueueToken } from '@nestjs/bull';
import type { Job, Queue } from 'bull';
import { ReviewQueueService } from '@comeback/pipeline';
import { queueOfJob } from '@comeback/platform';
import { DataSource } from 'typeorm';
import { trackApplication } from '../compensation/compensation-fixtures';
import { csvUpload, Harness, http, startApi, TestTenant } from '../support/api-harness';
import { auditRows, dbQuery } from './security-kit';

/**
 * Issue 12 #6: erasing a former employee removes every copy keyed to them, in every table, in one transaction,
 * keeps only that an erasure happened, and a suppression list keeps a later import from bringing them back.
 */
const HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,performance_ratings,skills,network_opt_in';
const PERSON = {
  employeeNumber: 'Z98765',
  family: '鷺ノ宮',
  given: '紗季',
  familyKana: 'サギノミヤ',
  givenKana: 'サキ',
  email: 'saki.saginomiya.7431@example.net',
  phone: '090-7431-8862',
  birthDate: '1987-11-23',
  salary: '7654321',
};
const ROW_P = `${PERSON.employeeNumber},${PERSON.family},${PERSON.given},${PERSON.familyKana},${PERSON.givenKana},,${PERSON.birthDate},${PERSON.email},${PERSON.phone},2010-04-01,2021-09-30,disciplinary_dismissal,no,研究開発部,主任,G3,${PERSON.salary},2020:C;2021:D,,false`;
const ROW_Q =
  'Q11111,山田,太郎,ヤマダ,タロウ,,1990-04-01,taro.yamada@example.org,080-1111-2222,2012-04-01,2020-03-31,voluntary_career,yes,営業部,担当,G2,5200000,2019:B,,true';
/** Every value of the person that must not survive anywhere (case-insensitive substring match). */
const NEEDLES = [
  PERSON.employeeNumber,
  PERSON.family,
  PERSON.given,
  PERSON.familyKana,
  PERSON.givenKana,
  PERSON.email,
  'saginomiya',
  PERSON.phone,
  '74318862',
  PERSON.birthDate,
  PERSON.salary,
];

jest.setTimeout(60_000);

describe('security: erasure removes every copy', () => {
  let api: Harness;
  let t: TestTenant;
  let db: DataSource;
  const hr = () => t.token('hr_admin', 'hr-erasure');

  beforeAll(async () => {
    api = await startApi();
    t = await api.tenant('erasure');
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  async function importRegistry(): Promise<{ status: number; body: any }> {
    return http(api.baseUrl, 'POST', '/api/v1/registry/imports', {
      token: hr(),
      body: csvUpload([HEADER, ROW_P, ROW_Q].join('\n') + '\n'),
    });
  }

  /** Table.column pairs (text, json, jsonb, arrays) whose value contains one of the needles. */
  async function scan(): Promise<string[]> {
    const cols = await dbQuery<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema = 'public' AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'date', 'bigint', 'integer'))`,
    );
    const patterns = NEEDLES.map((n) => `%${n.toLowerCase()}%`);
    // One statement: a row per column that holds a needle.
    const union = cols
      .map(
        (c, i) =>
          `SELECT ${i} AS i WHERE EXISTS (SELECT 1 FROM "${c.table_name}" WHERE lower("${c.column_name}"::text) LIKE ANY($1::text[]))`,
      )
      .join(' UNION ALL ');
    const hits = await dbQuery<{ i: number }>(union, [patterns]);
    return hits.map((h) => `${cols[h.i].table_name}.${cols[h.i].column_name}`).sort();
  }

  it('fills every table with the person, erases, and no text or JSON column still holds any of their values', async () => {
    expect((await importRegistry()).status).toBe(201);
    // An HR read (audited, naming the record) and a matching preview.
    expect(
      (await http(api.baseUrl, 'GET', `/api/v1/registry/alumni/${PERSON.employeeNumber}`, { token: hr() }))
        .status,
    ).toBe(200);
    const preview = await http(api.baseUrl, 'POST', '/api/v1/matching/preview', {
      token: hr(),
      json: {
        last_name: PERSON.family,
        first_name: PERSON.given,
        emails: [PERSON.email],
        birth_date: PERSON.birthDate,
      },
    });
    expect(preview.status).toBe(200);

    // The pipeline's copies: a tracked application with rule results and a note, a review item with evidence
    // (confirmed: its audit entry names the person), another one rejected (a remembered rejection).
    await trackApplication(db, t.id, {
      applicationId: 'APP-P',
      jobId: 'J-ENG',
      employeeNumber: PERSON.employeeNumber,
      candidateId: 'CAND-P',
    });
    await db.query(
      `UPDATE tracked_applications SET candidate_name = $2, note_body = $3, recruiter_summary = $4, rule_results = $5, work_history = $6
       WHERE tenant_id = $1 AND application_id = 'APP-P'`,
      [
        t.id,
        `${PERSON.family} ${PERSON.given}`,
        `元社員 ${PERSON.family} ${PERSON.given} (${PERSON.employeeNumber})`,
        `${PERSON.family}さんは元社員です`,
        JSON.stringify([
          {
            rule: 'no_dismissal',
            departureReason: 'disciplinary_dismissal',
            lastBaseSalary: Number(PERSON.salary),
          },
        ]),
        JSON.stringify([{ company: '鷺ノ宮商事', title: null, startDate: PERSON.birthDate, endDate: null }]),
      ],
    );
    const review = api.app.get(ReviewQueueService);
    const applicant = (applicationId: string, candidateId: string) => ({
      applicationId,
      candidateId,
      jobId: 'J-ENG',
      jobName: 'Engineer',
      currentStageId: null,
      currentStageName: null,
      status: 'active' as const,
      candidate: {
        firstName: PERSON.given,
        lastName: PERSON.family,
        emails: [PERSON.email],
        phones: [PERSON.phone],
        tags: [],
        customFields: { birth_date: PERSON.birthDate },
      },
      workHistory: [],
    });
    const evidence = [
      {
        field: 'birthDate',
        outcome: 'agree' as const,
        weight: 4,
        detail: `${PERSON.birthDate} = ${PERSON.birthDate}`,
      },
    ];
    // The matcher's input as the pipeline builds it; a former surname given in a custom field is kept too.
    const identity = { formerFamilyNames: [PERSON.family] };
    await review.open('greenhouse', t.id, applicant('APP-R1', 'CAND-R1'), identity, [
      { employeeNumber: PERSON.employeeNumber, score: 3, evidence },
    ]);
    await review.open('greenhouse', t.id, applicant('APP-R2', 'CAND-R2'), identity, [
      { employeeNumber: PERSON.employeeNumber, score: 2, evidence },
    ]);
    const items = (await http(api.baseUrl, 'GET', '/api/v1/review-items?status=open', { token: hr() }))
      .body as { id: string; applicationId: string }[];
    const r1 = items.find((i) => i.applicationId === 'APP-R1')!;
    const r2 = items.find((i) => i.applicationId === 'APP-R2')!;
    expect(
      (
        await http(api.baseUrl, 'POST', `/api/v1/review-items/${r1.id}/confirm`, {
          token: hr(),
          json: { employeeNumber: PERSON.employeeNumber },
        })
      ).status,
    ).toBe(200);
    expect(
      (await http(api.baseUrl, 'POST', `/api/v1/review-items/${r2.id}/reject`, { token: hr() })).status,
    ).toBe(200);

    // An offer check (prior pay, rating in its inputs).
    expect(
      (
        await http(api.baseUrl, 'PUT', '/api/v1/jobs/greenhouse/J-ENG/pay-target', {
          token: hr(),
          json: { jobFamily: 'engineering', jobLevel: 'G3', location: 'Tokyo' },
        })
      ).status,
    ).toBe(200);
    const check = await http(api.baseUrl, 'POST', '/api/v1/offers/applications/greenhouse/APP-P/checks', {
      token: hr(),
      json: { amount: 8_000_000 },
    });
    expect(check.status).toBe(201);

    // Raw webhook bodies and normalised events of the person's applications.
    const event = { kind: 'application_created', eventId: 'ev-p', application: applicant('APP-P', 'CAND-P') };
    await db.query(
      `INSERT INTO inbox_events (tenant_id, ats, event_id, kind, raw_body, event, status) VALUES ($1, 'greenhouse', 'ev-p', 'application_created', $2, $3, 'processed')`,
      [
        t.id,
        JSON.stringify({
          payload: { candidate: { first_name: PERSON.given, last_name: PERSON.family, email: PERSON.email } },
        }),
        JSON.stringify(event),
      ],
    );

    // A note we wrote into the ATS (it stays there: HR is told where), and an unrelated one.
    await db.query(
      `INSERT INTO writeback_steps (tenant_id, ats, application_id, step, subject, status, detail)
       VALUES ($1, 'greenhouse', 'APP-P', 'note', '', 'done', $2), ($1, 'greenhouse', 'APP-OTHER', 'note', '', 'done', '{}')`,
      [t.id, JSON.stringify({ body: `元社員 ${PERSON.family}` })],
    );
    // Row-level problems of an earlier import quoting the person's values, beside one about somebody else.
    const otherProblem = {
      row: 9,
      column: 'birth_date',
      code: 'invalid_date',
      message: 'Q11111: 1990-02-30',
    };
    await db.query(`UPDATE import_runs SET problems = $2, warnings = $3 WHERE tenant_id = $1`, [
      t.id,
      JSON.stringify([
        { row: 3, column: 'emails', code: 'invalid_email', message: `not an e-mail: ${PERSON.email}x` },
        otherProblem,
      ]),
      JSON.stringify([{ row: 3, column: 'phones', code: 'odd_phone', message: `odd: ${PERSON.phone}` }]),
    ]);
    // Finished jobs in Redis: one of the person's application failed quoting their e-mail; one of somebody else.
    const queue = api.app.get<Queue>(getQueueToken(queueOfJob('application.evaluate')));
    const failJob = async (applicationId: string, message: string) => {
      // Added in front (lifo), taken as a worker would (active, locked), then failed with the message.
      await queue.add(
        'application.evaluate',
        { tenantId: t.id, ats: 'greenhouse', applicationId, candidateId: null, reason: 'backfill' },
        { jobId: `erasure-test:${applicationId}`, lifo: true },
      );
      const job = await (queue as unknown as { getNextJob(): Promise<Job> }).getNextJob();
      expect(String(job.id)).toBe(`erasure-test:${applicationId}`);
      await job.moveToFailed({ message }, true);
      await job.releaseLock();
      return String(job.id);
    };
    const personJob = await failJob('APP-P', `ATS refused the note for ${PERSON.email}`);
    const otherJob = await failJob('APP-OTHER', 'ATS answered 503');
    const failedIds = async () => (await queue.getFailed()).map((j) => String(j.id));
    expect(await failedIds()).toEqual(expect.arrayContaining([personJob, otherJob]));

    // The exit interview (an HR-only detail quoting the person), its history, and the leaver link's e-mail.
    const leavers = await http(api.baseUrl, 'GET', '/api/v1/exit-interviews', { token: hr() });
    const alumnusId = leavers.body.find((l: any) => l.employeeNumber === PERSON.employeeNumber).alumnusId;
    const exitSaved = await http(api.baseUrl, 'PUT', `/api/v1/exit-interviews/${alumnusId}`, {
      token: hr(),
      json: {
        hrDetail: `面談メモ: ${PERSON.family} (${PERSON.email})`,
        interviewerEmail: 'kacho@example.com',
      },
    });
    expect(exitSaved.status).toBe(200);
    const sent = await http(api.baseUrl, 'POST', `/api/v1/exit-interviews/${alumnusId}/leaver-link`, {
      token: hr(),
      json: { to: PERSON.email, language: 'ja' },
    });
    expect(sent.status).toBe(200);

    const before = await scan();
    // Sanity: the fill reached every place the finding names.
    expect(before).toEqual(
      expect.arrayContaining([
        'alumni.family_name',
        'tracked_applications.rule_results',
        'tracked_applications.note_body',
        'review_items.candidates',
        'review_items.applicant',
        'match_rejections.employee_number',
        'offer_checks.inputs',
        'inbox_events.raw_body',
        'inbox_events.event',
        'audit_entries.target_id',
        'audit_entries.details',
        'import_runs.problems',
        'import_runs.warnings',
        'exit_interviews.hr_detail',
        'exit_interview_history.changes',
        'mail_outbox.recipient',
      ]),
    );

    const erase = await http(api.baseUrl, 'DELETE', `/api/v1/registry/alumni/${PERSON.employeeNumber}`, {
      token: hr(),
    });
    expect(erase.status).toBe(200);
    expect(await scan()).toEqual([]);
    // Our note in the ATS cannot be erased by us: the answer and the audit entry say where it is.
    expect(erase.body.atsNotesToRemove).toEqual([
      { ats: 'greenhouse', applicationId: 'APP-P', url: expect.stringContaining('APP-P') },
    ]);
    // The import report keeps what was about somebody else; the queue forgot the person's failed job only.
    const [run] = await dbQuery<{ problems: unknown[]; warnings: unknown[] }>(
      'SELECT problems, warnings FROM import_runs WHERE tenant_id = $1 AND jsonb_array_length(problems) > 0',
      [t.id],
    );
    expect(run).toEqual({ problems: [otherProblem], warnings: [] });
    const failedAfter = await failedIds();
    expect(failedAfter).not.toContain(personJob);
    expect(failedAfter).toContain(otherJob);

    // Only that an erasure happened: who and when, no person.
    const erasures = await auditRows(t.id, ['registry.erase']);
    expect(erasures).toHaveLength(1);
    expect(erasures[0]).toMatchObject({ actor: 'hr-erasure', target_type: 'erasure_suppression' });
    expect(JSON.stringify(erasures[0])).toContain(
      '"atsNotesToRemove":[{"ats":"greenhouse","applicationId":"APP-P"}]',
    );
    // The other person is untouched.
    expect((await http(api.baseUrl, 'GET', '/api/v1/registry/alumni/Q11111', { token: hr() })).status).toBe(
      200,
    );
  });

  it('a later import does not bring the person back until HR lifts the suppression (audited)', async () => {
    const again = await importRegistry();
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ rowsSuppressed: 1, inserted: 0, updated: 1 });
    expect(
      (await http(api.baseUrl, 'GET', `/api/v1/registry/alumni/${PERSON.employeeNumber}`, { token: hr() }))
        .status,
    ).toBe(404);
    expect(await scan()).toEqual([]);

    expect(
      (
        await http(api.baseUrl, 'POST', '/api/v1/registry/suppressions/lift', {
          token: t.token('recruiter', 'rec'),
          json: { employeeNumber: PERSON.employeeNumber },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http(api.baseUrl, 'POST', '/api/v1/registry/suppressions/lift', {
          token: hr(),
          json: { employeeNumber: 'NOBODY1' },
        })
      ).status,
    ).toBe(404);
    const lift = await http(api.baseUrl, 'POST', '/api/v1/registry/suppressions/lift', {
      token: hr(),
      json: { employeeNumber: PERSON.employeeNumber },
    });
    expect(lift.status).toBe(200);
    const lifts = await auditRows(t.id, ['registry.suppression_lift']);
    expect(lifts).toHaveLength(1);
    expect(JSON.stringify(lifts)).not.toContain(PERSON.employeeNumber);

    const back = await importRegistry();
    expect(back.body).toMatchObject({ rowsSuppressed: 0, inserted: 1 });
    expect(
      (await http(api.baseUrl, 'GET', `/api/v1/registry/alumni/${PERSON.employeeNumber}`, { token: hr() }))
        .status,
    ).toBe(200);
  });
});
