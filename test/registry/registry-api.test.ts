import * as iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { TenantService } from '@comeback/platform';
import { csvUpload, Harness, http, startApi, TestTenant } from '../support/api-harness';

const HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,performance_ratings,skills,network_opt_in';

function row(over: Partial<Record<string, string>> = {}): string {
  const base: Record<string, string> = {
    employee_number: 'E000001',
    family_name: '山田',
    given_name: '太郎',
    family_name_kana: 'ヤマダ',
    given_name_kana: 'タロウ',
    previous_family_names: '',
    birth_date: '1990-04-01',
    emails: 'taro.yamada@gmail.com;taro.yamada@example-corp.co.jp',
    phones: '090-1234-5678',
    hire_date: '2012-04-01',
    leave_date: '2020-03-31',
    departure_reason: 'disciplinary_dismissal',
    rehire_recommendation: 'no',
    department: '営業部',
    job_title: '主任',
    job_level: 'G2',
    last_base_salary: '5200000',
    performance_ratings: '2019:B;2020:C',
    skills: 'SQL',
    network_opt_in: 'true',
  };
  const r = { ...base, ...over };
  return HEADER.split(',')
    .map((c) => r[c] ?? '')
    .join(',');
}

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

describe('registry API (real PostgreSQL)', () => {
  let h: Harness;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    h = await startApi();
    a = await h.tenant('tenant-a');
    b = await h.tenant('tenant-b');
  });
  afterAll(async () => h.close());

  const upload = (t: TestTenant, content: Buffer | string, query = '') =>
    http(h.baseUrl, 'POST', `/api/v1/registry/imports${query}`, {
      token: t.token('hr_admin'),
      body: csvUpload(content),
    });

  it('imports a valid file and upserts by employee number on re-import', async () => {
    const first = await upload(
      a,
      csv(
        row(),
        row({
          employee_number: 'E000002',
          family_name: '佐藤',
          given_name: '花子',
          family_name_kana: 'サトウ',
          given_name_kana: 'ハナコ',
          departure_reason: 'childcare',
        }),
      ),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'completed', rowsImported: 2, inserted: 2, updated: 0 });
    const again = await upload(a, csv(row({ job_title: '係長' })));
    expect(again.body).toMatchObject({ inserted: 0, updated: 1 });
    const got = await http(h.baseUrl, 'GET', '/api/v1/registry/alumni/E000001', {
      token: a.token('hr_admin'),
    });
    expect(got.body.jobTitle).toBe('係長');
  });

  it('rejects a file with errors as a whole and reports row and column', async () => {
    const res = await upload(
      a,
      csv(
        row({ employee_number: 'E100' }),
        row({ employee_number: 'E101', birth_date: '1990-02-30' }),
        row({ employee_number: 'E102', hire_date: '2020-01-01', leave_date: '2019-01-01' }),
        row({ employee_number: 'E100' }),
      ),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('import_rejected');
    const problems = res.body.details.problems as { row: number; column: string; code: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'birth_date', code: 'invalid_date' }),
        expect.objectContaining({ row: 4, code: 'leave_before_hire' }),
        expect.objectContaining({ row: 5, code: 'duplicate_employee_number' }),
      ]),
    );
    const none = await http(h.baseUrl, 'GET', '/api/v1/registry/alumni/E100', { token: a.token('hr_admin') });
    expect(none.status).toBe(404);
  });

  it('imports the valid rows only in valid-rows mode', async () => {
    const other = {
      family_name: '中村',
      given_name: '美咲',
      family_name_kana: 'ナカムラ',
      given_name_kana: 'ミサキ',
      emails: 'misaki.n@icloud.com',
      phones: '080-9999-0000',
      birth_date: '1992-07-07',
    };
    const res = await upload(
      a,
      csv(
        row({ ...other, employee_number: 'E200' }),
        row({ ...other, employee_number: 'E201', departure_reason: 'fired' }),
      ),
      '?mode=valid-rows',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowsImported: 1, rowsRejected: 1 });
    expect(res.body.problems[0]).toMatchObject({ row: 3, column: 'departure_reason' });
  });

  it("counts a first import's statistics on the way exactly as a recount of the table does", async () => {
    const c = await h.tenant('tenant-stats');
    const person = (n: number, over: Partial<Record<string, string>> = {}) =>
      row({
        employee_number: `S${n}`,
        emails: `person${n}@Stats-Corp.co.jp;p${n}@stats-corp.co.jp;p${n}@gmail.com`,
        phones: `090-5555-${1000 + n}`,
        ...over,
      });
    const file = csv(
      person(1),
      person(2, { family_name: '佐藤', family_name_kana: 'サトウ' }),
      person(3, { given_name: '花子', given_name_kana: 'ハナコ', previous_family_names: '鈴木' }),
      person(4, { emails: 'shared@stats-corp.co.jp' }),
      person(5, { departure_reason: 'fired', family_name: '高橋' }), // rejected: must not count
    );
    const first = await upload(c, file, '?mode=valid-rows');
    expect(first.body).toMatchObject({ inserted: 4, rowsRejected: 1 });
    const ds = h.app.get(DataSource);
    const read = async () => ({
      frequencies: await ds.query(
        'SELECT key, count FROM alumni_name_frequencies WHERE tenant_id = $1 ORDER BY key',
        [c.id],
      ),
      stats: await ds.query(
        'SELECT alumni_count, corporate_email_domains FROM registry_stats WHERE tenant_id = $1',
        [c.id],
      ),
    });
    const counted = await read();
    expect(counted.stats).toEqual([{ alumni_count: 4, corporate_email_domains: ['stats-corp.co.jp'] }]);
    expect(counted.frequencies).toEqual(
      expect.arrayContaining([
        { key: 'fq:ft:山田', count: 3 },
        { key: 'fq:ft:佐藤', count: 1 },
      ]),
    );
    expect(JSON.stringify(counted.frequencies)).not.toContain('高橋');
    // The same file again finds everyone there, so the statistics are recounted from the table: same result.
    const again = await upload(c, file, '?mode=valid-rows');
    expect(again.body).toMatchObject({ inserted: 0, updated: 4 });
    expect(await read()).toEqual(counted);
  });

  it('reports a missing required column', async () => {
    const header = HEADER.replace(',hire_date', '');
    const body = [
      header,
      row()
        .split(',')
        .filter((_, i) => HEADER.split(',')[i] !== 'hire_date')
        .join(','),
    ].join('\n');
    const res = await upload(a, body);
    expect(res.status).toBe(422);
    expect(res.body.details.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 1, column: 'hire_date' })]),
    );
  });

  it('imports Shift_JIS with Japanese headers', async () => {
    const jpHeader = '社員番号,姓,名,セイ,メイ,生年月日,入社日,退職日,退職理由';
    const content = iconv.encode(
      `${jpHeader}\r\nE300,髙橋,一郎,タカハシ,イチロウ,1985/7/7,2010-04-01,2018-03-31,転職・キャリア\r\n`,
      'cp932',
    );
    const res = await upload(a, content);
    expect(res.status).toBe(201);
    const got = await http(h.baseUrl, 'GET', '/api/v1/registry/alumni/E300', { token: a.token('hr_admin') });
    expect(got.body).toMatchObject({
      familyName: '髙橋',
      birthDate: '1985-07-07',
      departureReason: 'voluntary_career',
    });
  });

  it('rejects bytes that are not text in a supported encoding', async () => {
    const [before, after] = row({ employee_number: 'E400', family_name: '@@' }).split('@@');
    const res = await upload(
      a,
      Buffer.concat([
        Buffer.from(`${HEADER}\n${before}`),
        Buffer.from([0xff, 0xfe, 0x80]),
        Buffer.from(`${after}\n`),
      ]),
      '?encoding=utf-8',
    );
    expect(res.status).toBe(422);
    expect(res.body.details.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'family_name', code: 'invalid_encoding' }),
    ]);
  });

  it('never shows a recruiter the departure reason, pay, ratings or birth date', async () => {
    const asRecruiter = await http(h.baseUrl, 'GET', '/api/v1/registry/alumni/E000001', {
      token: a.token('recruiter'),
    });
    expect(asRecruiter.status).toBe(200);
    expect(asRecruiter.body.familyName).toBe('山田');
    for (const field of ['departureReason', 'lastBaseSalary', 'performanceRatings', 'birthDate'])
      expect(asRecruiter.body).not.toHaveProperty(field);
    expect(asRecruiter.text).not.toMatch(/disciplinary|5200000|1990-04-01/);
    const asHr = await http(h.baseUrl, 'GET', '/api/v1/registry/alumni/E000001', {
      token: a.token('hr_admin'),
    });
    expect(asHr.body.departureReason).toBe('disciplinary_dismissal');
    const list = await http(h.baseUrl, 'GET', '/api/v1/registry/alumni?q=山田', {
      token: a.token('recruiter'),
    });
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.text).not.toMatch(/disciplinary|5200000/);
  });

  it('keeps tenants apart', async () => {
    const fromB = await http(h.baseUrl, 'GET', '/api/v1/registry/alumni/E000001', {
      token: b.token('hr_admin'),
    });
    expect(fromB.status).toBe(404);
    const listB = await http(h.baseUrl, 'GET', '/api/v1/registry/alumni', { token: b.token('hr_admin') });
    expect(listB.body.items).toEqual([]);
    const preview = await http(h.baseUrl, 'POST', '/api/v1/matching/preview', {
      token: b.token('recruiter'),
      json: { emails: ['taro.yamada@gmail.com'], last_name: '山田', first_name: '太郎' },
    });
    expect(preview.body.decision).toBe('none');
  });

  it('enforces roles and authentication', async () => {
    expect((await http(h.baseUrl, 'GET', '/api/v1/registry/alumni')).status).toBe(401);
    const hm = await http(h.baseUrl, 'GET', '/api/v1/registry/alumni', { token: a.token('hiring_manager') });
    expect(hm.status).toBe(403);
    expect(hm.body.code).toBe('forbidden');
    expect((await upload({ ...a, token: () => a.token('recruiter') }, csv(row()))).status).toBe(403);
  });

  it('matches a returning applicant and explains the decision without personal values', async () => {
    const res = await http(h.baseUrl, 'POST', '/api/v1/matching/preview', {
      token: a.token('recruiter'),
      json: {
        first_name: 'Taro',
        last_name: 'YAMADA',
        emails: ['Taro.Yamada+jobs@gmail.com'],
        phones: ['+81 90 1234 5678'],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('match');
    expect(res.body.employee_number).toBe('E000001');
    expect(res.body.candidates[0].evidence.length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(/gmail|1234|1990/);
  });

  it('takes a former surname given in its own field or in brackets (旧姓)', async () => {
    const ask = (json: Record<string, unknown>) =>
      http(h.baseUrl, 'POST', '/api/v1/matching/preview', { token: a.token('hr_admin'), json });
    const base = { first_name: '太郎', phones: ['090-1234-5678'] };
    const field = await ask({ ...base, last_name: '鈴木', former_family_names: ['山田'] });
    expect(field.status).toBe(200);
    expect(field.body).toMatchObject({ decision: 'match', employee_number: 'E000001' });
    const family = field.body.candidates[0].evidence.find(
      (e: { field: string }) => e.field === 'family_name',
    );
    expect(family).toMatchObject({ outcome: 'agree', reason: 'name_agrees' });
    expect(family.detail_ja).toContain('応募者が申告した旧姓で照合');
    const brackets = await ask({ ...base, last_name: '鈴木（旧姓：山田）' });
    expect(brackets.body).toMatchObject({ decision: 'match', employee_number: 'E000001' });
    const bad = await ask({ ...base, last_name: '鈴木', former_family_names: '山田' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('compares a work history naming the company with the months the registry has', async () => {
    const ask = (json: Record<string, unknown>, role: 'hr_admin' | 'recruiter' = 'hr_admin') =>
      http(h.baseUrl, 'POST', '/api/v1/matching/preview', { token: a.token(role), json });
    const nameOnly = { first_name: '太郎', last_name: '山田', emails: ['new.address@example.net'] };
    const work_history = [
      { company: 'Aozora Systems Inc.', start_date: '2020-04' },
      { company: 'Tenant-A Co., Ltd.', title: '営業', start_date: '平成24年4月', end_date: '2020/3' },
    ];
    for (const role of ['hr_admin', 'recruiter'] as const) {
      const res = await ask({ ...nameOnly, work_history }, role);
      expect(res.status).toBe(200);
      // The applicant's own word: a review at most, however well the months agree.
      expect(res.body).toMatchObject({ decision: 'review', employee_number: 'E000001' });
      const evidence = res.body.candidates[0].evidence.find(
        (e: { field: string }) => e.field === 'work_history',
      );
      expect(evidence).toMatchObject({ outcome: 'agree', reason: 'work_history_period_agrees', weight: 12 });
      expect(evidence.detail_ja).toContain('入社・退職の年月が名簿と一致');
      expect(res.text).not.toMatch(/2012|2020-03/);
    }
    const elsewhere = await ask({
      ...nameOnly,
      work_history: [{ company: 'tenant-a', start_date: '2001-04' }],
    });
    expect(
      elsewhere.body.candidates[0].evidence.find((e: { field: string }) => e.field === 'work_history'),
    ).toMatchObject({ outcome: 'disagree', reason: 'work_history_period_differs' });
    // A former company name HR gave in the settings counts like the tenant's own name.
    const formerName = {
      ...nameOnly,
      work_history: [{ company: '株式会社北星産業', start_date: '2012-04' }],
    };
    const before = await ask(formerName);
    expect(
      before.body.candidates[0].evidence.some((e: { field: string }) => e.field === 'work_history'),
    ).toBe(false);
    await h.app.get(TenantService).updateSettings(a.id, { companyNames: ['北星商事', '北星産業'] });
    const after = await ask(formerName);
    expect(
      after.body.candidates[0].evidence.find((e: { field: string }) => e.field === 'work_history'),
    ).toMatchObject({ outcome: 'partial', reason: 'work_history_period_partly_agrees' });
    await h.app.get(TenantService).updateSettings(a.id, { companyNames: [] });
    for (const bad of ['tenant-a', [{ company: 5 }], [{ company: 'x', start_date: 'y'.repeat(41) }]]) {
      const res = await ask({ ...nameOnly, work_history: bad });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
  });

  it('finds a record kept without kana by a romaji or katakana name alone (readings indexed at import)', async () => {
    const k = await h.tenant('tenant-kanji-only');
    const kanjiOnly = row({
      employee_number: 'K1',
      family_name: '久保',
      given_name: '哲也',
      family_name_kana: '',
      given_name_kana: '',
      birth_date: '',
      emails: 'tetsuya.kubo@example-corp.co.jp',
      phones: '',
    });
    expect((await upload(k, csv(kanjiOnly))).status).toBe(201);
    for (const name of [
      { last_name: 'Kubo', first_name: 'Tetsuya' },
      { last_name: 'クボ', first_name: 'テツヤ' },
    ]) {
      const res = await http(h.baseUrl, 'POST', '/api/v1/matching/preview', {
        token: k.token('hr_admin'),
        json: { ...name, emails: ['someone.new@icloud.com'] },
      });
      expect(res.status).toBe(200);
      const found = res.body.candidates as { employee_number: string; evidence: { outcome: string }[] }[];
      expect(found.map((c) => c.employee_number)).toEqual(['K1']);
      // A dictionary reading is a guess: it never flags a returnee automatically on its own.
      expect(res.body.decision).not.toBe('match');
    }
  });

  it('finds records without kana whose names no dictionary table lists (readings composed per kanji at import)', async () => {
    const k = await h.tenant('tenant-composed-names');
    // 竹江 and 前下 are in no surname table, 雄志 in no given-name table: read kanji by kanji.
    const rows = [
      ['C1', '竹江', '正彦'],
      ['C2', '前下', '雄志'],
      ['C3', '久保', '雄志'],
    ].map(([employee_number, family_name, given_name]) =>
      row({
        employee_number,
        family_name,
        given_name,
        family_name_kana: '',
        given_name_kana: '',
        birth_date: '',
        emails: `${employee_number.toLowerCase()}@example-corp.co.jp`,
        phones: '',
      }),
    );
    // Married since she left: her record has kana, her former surname 黒浦 (in no table) only kanji.
    const married = row({
      employee_number: 'C4',
      family_name: '佐藤',
      given_name: '美乃',
      family_name_kana: 'サトウ',
      given_name_kana: 'ミノ',
      previous_family_names: '黒浦',
      birth_date: '',
      emails: 'c4@example-corp.co.jp',
      phones: '',
    });
    expect((await upload(k, csv(...rows, married))).status).toBe(201);
    for (const [name, expected] of [
      [{ last_name: 'Kuroura', first_name: 'Mino' }, 'C4'],
      [{ last_name: 'Takee', first_name: 'Masahiko' }, 'C1'],
      [{ last_name: 'マエシタ', first_name: 'ユウシ' }, 'C2'],
      [{ last_name: 'Kubo', first_name: 'Yushi' }, 'C3'],
    ] as const) {
      const res = await http(h.baseUrl, 'POST', '/api/v1/matching/preview', {
        token: k.token('hr_admin'),
        json: { ...name, emails: ['someone.new@icloud.com'] },
      });
      expect(res.status).toBe(200);
      const found = res.body.candidates as { employee_number: string }[];
      expect(found.map((c) => c.employee_number)).toEqual([expected]);
      expect(res.body.decision).not.toBe('match');
    }
  });

  it('rejects an empty or malformed preview body with a machine-readable code', async () => {
    const empty = await http(h.baseUrl, 'POST', '/api/v1/matching/preview', {
      token: a.token('recruiter'),
      json: {},
    });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('validation_failed');
    const bad = await http(h.baseUrl, 'POST', '/api/v1/matching/preview', {
      token: a.token('recruiter'),
      json: { birth_date: '01/04/1990', extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.problems.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps identity keys exact across re-imports: changed contact details are found, dropped ones no longer are', async () => {
    const c = await h.tenant('tenant-c');
    const ds = h.app.get(DataSource);
    const preview = async (email: string): Promise<string[]> =>
      (
        (
          await http(h.baseUrl, 'POST', '/api/v1/matching/preview', {
            token: c.token('hr_admin'),
            json: { emails: [email] },
          })
        ).body.candidates as { employee_number: string }[]
      ).map((x) => x.employee_number);
    expect(
      (await upload(c, csv(row({ employee_number: 'C1', emails: 'old.address@gmail.com' })))).status,
    ).toBe(201);
    // The first import loads the tenant's own key partition.
    const partitions = await ds.query(
      `SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'alumni_match_keys'::regclass`,
    );
    expect(partitions.map((p: { name: string }) => p.name)).toContain(
      `alumni_match_keys_t_${c.id.replace(/-/g, '')}`,
    );
    expect(await preview('old.address@gmail.com')).toEqual(['C1']);

    expect(
      (
        await upload(
          c,
          csv(
            row({ employee_number: 'C1', emails: 'new.address@gmail.com' }),
            row({
              employee_number: 'C2',
              emails: 'old.address@gmail.com',
              family_name: '木村',
              family_name_kana: 'キムラ',
            }),
          ),
        )
      ).status,
    ).toBe(201);
    expect(await preview('new.address@gmail.com')).toEqual(['C1']);
    expect(await preview('old.address@gmail.com')).toEqual(['C2']);
    // Every alumnus has exactly the key rows its match_key_hashes lists, no more, no fewer.
    const mismatched = await ds.query(
      `SELECT a.employee_number FROM alumni a WHERE a.tenant_id = $1 AND cardinality(a.match_key_hashes) <>
         (SELECT count(*) FROM alumni_match_keys k WHERE k.tenant_id = a.tenant_id AND k.alumnus_id = a.id)`,
      [c.id],
    );
    expect(mismatched).toEqual([]);
  });

  it('erases a former employee with every identity key, and audits it', async () => {
    const before = await http(h.baseUrl, 'POST', '/api/v1/matching/preview', {
      token: a.token('hr_admin'),
      json: { last_name: '佐藤', first_name: '花子', emails: ['taro.yamada@gmail.com'] },
    });
    expect(before.body.candidates.length).toBeGreaterThan(0);
    const ds = h.app.get(DataSource);
    const frequency = async (): Promise<number> =>
      (
        await ds.query<{ count: number }[]>(
          `SELECT count FROM alumni_name_frequencies WHERE tenant_id = $1 AND key = 'fq:ft:山田'`,
          [a.id],
        )
      )[0]?.count ?? 0;
    const yamadaBefore = await frequency();
    const del = await http(h.baseUrl, 'DELETE', '/api/v1/registry/alumni/E000001', {
      token: a.token('hr_admin'),
    });
    expect(del.status).toBe(200);
    // The erased person no longer makes 山田 look more common.
    expect(await frequency()).toBe(yamadaBefore - 1);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM alumni_match_keys k JOIN alumni a ON a.id = k.alumnus_id WHERE a.employee_number = 'E000001'`,
    );
    expect(n).toBe(0);
    const orphan = await ds.query(
      'SELECT count(*)::int AS n FROM alumni_match_keys k LEFT JOIN alumni a ON a.id = k.alumnus_id WHERE a.id IS NULL',
    );
    expect(orphan[0].n).toBe(0);
    const after = await http(h.baseUrl, 'POST', '/api/v1/matching/preview', {
      token: a.token('hr_admin'),
      json: { emails: ['taro.yamada@gmail.com'] },
    });
    expect(after.body.candidates.map((c: any) => c.employee_number)).not.toContain('E000001');
    const audit = await ds.query(
      `SELECT action FROM audit_entries WHERE tenant_id = $1 AND action = 'registry.erase'`,
      [a.id],
    );
    expect(audit.length).toBe(1);
  });
});
