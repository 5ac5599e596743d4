import defaultPolicy from '../../config/eligibility-policy.default.json';
import { http } from '../support/api-harness';
import { AtsUnderTest, Stack, startStack } from '../support/pipeline-stack';

jest.setTimeout(60_000);

const ATS: AtsUnderTest[] = ['greenhouse', 'workable'];

// E1 (山田太郎) has 120 months' tenure: eligible under the default policy (36), not under an override asking 200.
const STRICTER = { minTenureMonths: { months: 200 } };

describe.each(ATS)('scope overrides by department and job level fire end to end on %s', (ats) => {
  let s: Stack;

  beforeAll(async () => {
    s = await startStack(ats, {
      jobs: [
        { name: 'Sales', department: '営業部' },
        { name: 'Manager' },
        { name: 'Support', department: '人事部' },
      ],
    });
    // HR's level for the Manager job (its pay cohort); the other jobs have none.
    const level = await http(s.api.baseUrl, 'PUT', `/api/v1/jobs/${ats}/${s.jobIds.Manager}/pay-target`, {
      token: s.hr,
      json: { jobFamily: 'engineering', jobLevel: 'M1', location: 'tokyo' },
    });
    expect(level.status).toBe(200);
    const { version: _v, ...doc } = defaultPolicy;
    const draft = await http(s.api.baseUrl, 'POST', '/api/v1/eligibility/policies', {
      token: s.hr,
      json: {
        document: {
          ...doc,
          overrides: [
            { id: 'sales-stricter', scope: { departments: ['営業部'] }, rules: STRICTER },
            { id: 'managers-stricter', scope: { jobLevelPrefixes: ['M'] }, rules: STRICTER },
          ],
        },
        comment: 'stricter for sales and managers',
      },
    });
    expect(draft.status).toBe(201);
    // Activation requires a dry run of the version's content, recorded server-side.
    const dry = await http(
      s.api.baseUrl,
      'POST',
      `/api/v1/eligibility/policies/${draft.body.version}/dry-run`,
      {
        token: s.hr,
      },
    );
    expect(dry.status).toBe(200);
    const activated = await http(
      s.api.baseUrl,
      'POST',
      `/api/v1/eligibility/policies/${draft.body.version}/activate`,
      { token: s.hr },
    );
    expect(activated.status).toBe(200);
  }, 90_000);
  afterAll(async () => s?.close());

  const taro = (n: number) => ({
    firstName: 'Taro',
    lastName: 'YAMADA',
    email: 'taro.yamada.88@gmail.com',
    phone: '+81 90 1111 2222',
    tags: [`n${n}`],
  });

  async function outcomeOf(id: string): Promise<any> {
    const r = await http(s.api.baseUrl, 'GET', `/api/v1/applications/${ats}/${id}`, { token: s.hr });
    expect(r.status).toBe(200);
    return r.body;
  }

  it('a job in the overridden department: the stricter rule applies, nothing is skipped', async () => {
    const id = await s.apply({ ...taro(1), job: 'Sales' });
    await s.waitIdle();
    const app = await outcomeOf(id);
    expect(app.outcome).toBe('ineligible');
    expect(JSON.stringify(app.ruleResults)).toMatch(/min_tenure_months/);
    const c = await s.candidate(id);
    expect(c.stage).toBe('書類選考');
    // The note the ATS received is in the tenant's language (Japanese by default), and only that language.
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]).toContain(
      'カムバック採用のファストトラック対象外です。詳細は人事にお問い合わせください。',
    );
    expect(c.notes[0]).toContain('アルムナイ説明資料: ');
    expect(c.notes[0]).not.toMatch(/Former employee|contact HR|briefing:/);
  });

  it('a job at an overridden level (HR mapping): the stricter rule applies', async () => {
    const id = await s.apply({ ...taro(2), job: 'Manager' });
    await s.waitIdle();
    expect((await outcomeOf(id)).outcome).toBe('ineligible');
    expect((await s.candidate(id)).stage).toBe('書類選考');
  });

  it('a job in another department and without a level: the policy-wide rules, fast-tracked', async () => {
    const other = await s.apply({ ...taro(3), job: 'Support' });
    const plain = await s.apply({ ...taro(4), job: 'Backend' });
    await s.waitIdle();
    expect((await outcomeOf(other)).outcome).toBe('fast_tracked');
    expect((await outcomeOf(plain)).outcome).toBe('fast_tracked');
    expect((await s.candidate(other)).stage).toBe('二次面接');
    expect((await s.candidate(plain)).notes[0]).toContain(
      'ファストトラック: 「書類選考」、「一次面接」を省略し、「二次面接」に進めました',
    );
  });

  it('after HR chooses English for the notes, the next note is in English only', async () => {
    const saved = await http(s.api.baseUrl, 'PUT', '/api/v1/settings', {
      token: s.hr,
      json: { language: 'en' },
    });
    expect(saved.status).toBe(200);
    const id = await s.apply({ ...taro(5), job: 'Backend' });
    await s.waitIdle();
    const [note] = (await s.candidate(id)).notes;
    expect(note).toContain('[Comeback] Former employee — eligible for the returnee fast track (full).');
    expect(note).toContain('Fast track: moved to "二次面接", skipping "書類選考", "一次面接"');
    expect(note).not.toMatch(/元社員|省略|説明資料/);
  });
});

describe.each(ATS)('re-evaluation of open applications over HTTP on %s', (ats) => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack(ats);
  }, 90_000);
  afterAll(async () => s?.close());

  it('HR dry-runs after a policy change (nothing written), applies it (no backwards move), and a second apply does nothing', async () => {
    const id = await s.apply({
      firstName: 'Taro',
      lastName: 'YAMADA',
      email: 'taro.yamada.88@gmail.com',
      phone: '+81 90 1111 2222',
    });
    await s.waitIdle();
    expect((await s.candidate(id)).stage).toBe('二次面接');
    for (const path of ['/api/v1/applications/re-evaluation/dry-run', '/api/v1/applications/re-evaluation'])
      expect((await http(s.api.baseUrl, 'POST', path, { token: s.recruiter })).status).toBe(403);

    const { version: _v, ...doc } = defaultPolicy;
    const draft = await http(s.api.baseUrl, 'POST', '/api/v1/eligibility/policies', {
      token: s.hr,
      json: { document: { ...doc, rules: { ...doc.rules, ...STRICTER } }, comment: 'stricter for everyone' },
    });
    await http(s.api.baseUrl, 'POST', `/api/v1/eligibility/policies/${draft.body.version}/dry-run`, {
      token: s.hr,
    });
    const activated = await http(
      s.api.baseUrl,
      'POST',
      `/api/v1/eligibility/policies/${draft.body.version}/activate`,
      { token: s.hr },
    );
    expect(activated.status).toBe(200);
    const before = await s.candidate(id);
    const dry = await http(s.api.baseUrl, 'POST', '/api/v1/applications/re-evaluation/dry-run', {
      token: s.hr,
    });
    expect(dry.status).toBe(200);
    expect(dry.body.changed).toEqual([
      expect.objectContaining({
        applicationId: id,
        before: 'fast_tracked',
        after: 'ineligible',
        wouldMove: false,
      }),
    ]);
    expect(await s.candidate(id)).toEqual(before); // the dry run wrote nothing into the ATS

    const applied = await http(s.api.baseUrl, 'POST', '/api/v1/applications/re-evaluation', { token: s.hr });
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(1);
    await s.waitIdle();
    const after = await s.candidate(id);
    expect(after.stage).toBe('二次面接'); // never moved back
    expect(after.notes).toHaveLength(2);
    expect(after.notes[1]).toContain('カムバック採用のファストトラック対象外です');
    const app = await http(s.api.baseUrl, 'GET', `/api/v1/applications/${ats}/${id}`, { token: s.hr });
    expect(app.body.outcome).toBe('ineligible');

    const again = await http(s.api.baseUrl, 'POST', '/api/v1/applications/re-evaluation', { token: s.hr });
    expect(again.body).toMatchObject({ applied: 0, changed: [] });
    expect((await s.candidate(id)).notes).toHaveLength(2);
  });
});
