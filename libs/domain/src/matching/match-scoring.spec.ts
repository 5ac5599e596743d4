import { decideMatch, matchApplicant } from './match-decision';
import { scoreCandidate } from './match-scoring';
import type { ApplicantIdentity, MatchDecision, ScoredCandidate } from './match-types';
import { CTX, bareAlumnus as person, buildRegistry, fillerAlumni } from './match-fixtures.spec-support';

const MINAMINAKA = person({
  employeeNumber: 'E362472',
  familyName: '南中',
  givenName: '大輔',
  familyNameKana: 'ミナミナカ',
  givenNameKana: 'ダイスケ',
  birthDate: '1969-01-21',
  emails: ['daisuke.minaminaka@gmail.com', 'daisuke.minaminaka@kitaboshi-shoji.co.jp'],
  phones: ['080-1687-0290'],
});
const TAKASHIMA = person({
  employeeNumber: 'E100001',
  familyName: '髙嶋',
  givenName: '亜希',
  familyNameKana: 'タカシマ',
  givenNameKana: 'アキ',
  birthDate: '1985-05-05',
  emails: ['aki.t@yahoo.co.jp'],
  phones: ['090-1111-2222'],
});
const OHNO = person({
  employeeNumber: 'E100002',
  familyName: '大野',
  givenName: '翔',
  familyNameKana: 'オオノ',
  givenNameKana: 'ショウ',
  birthDate: '1991-09-09',
  emails: ['sho.ono@icloud.com'],
  phones: [],
});
const KATO_FORMERLY_ARASHIMA = person({
  employeeNumber: 'E076766',
  familyName: '加藤',
  givenName: '咲香',
  familyNameKana: 'カトウ',
  givenNameKana: 'サキカ',
  previousFamilyNames: ['荒島'],
  birthDate: '1961-11-19',
  emails: ['sakika.kato6@kitaboshi-shoji.co.jp'],
  phones: ['090-4614-0475'],
});
const HIRAMOTO = person({
  employeeNumber: 'E939328',
  familyName: '平本',
  givenName: '陽菜',
  familyNameKana: 'ヒラモト',
  givenNameKana: 'ヒナ',
  birthDate: '1962-06-15',
  emails: ['hina.hiramoto6@kitaboshi-shoji.co.jp'],
  phones: ['070-9934-2915'],
});
const TAKEDA_SHOTA = person({
  employeeNumber: 'E465153',
  familyName: '武田',
  givenName: '翔太',
  familyNameKana: 'タケダ',
  givenNameKana: 'ショウタ',
  birthDate: '1964-04-19',
  emails: ['shota.takeda@kitaboshi-shoji.co.jp'],
  phones: ['070-8998-8207'],
});
const SATO_KEN = [1, 2, 3].map((i) =>
  person({
    employeeNumber: `E90000${i}`,
    familyName: '佐藤',
    givenName: '健',
    familyNameKana: 'サトウ',
    givenNameKana: 'ケン',
    birthDate: `197${i}-01-0${i}`,
    emails: [`ken.sato${i}@docomo.ne.jp`],
    phones: [`090-9000-000${i}`],
  }),
);

const registry = buildRegistry([
  ...fillerAlumni(3000),
  MINAMINAKA,
  TAKASHIMA,
  OHNO,
  KATO_FORMERLY_ARASHIMA,
  HIRAMOTO,
  TAKEDA_SHOTA,
  ...SATO_KEN,
]);

const decide = (p: ApplicantIdentity): MatchDecision =>
  matchApplicant(p, registry.candidatesFor(p), registry.statsFor(p), CTX);

const evidenceOf = (d: MatchDecision, field: string): string =>
  d.candidates[0]?.evidence.find((e) => e.field === field)?.detail ?? '';

describe('matchApplicant: returnees are matched', () => {
  it.each<[string, ApplicantIdentity, string]>([
    [
      'same personal e-mail, Gmail dots and case differ',
      { lastName: '南中', firstName: '大輔', emails: ['Daisuke.MinamiNaka@gmail.com'] },
      'E362472',
    ],
    [
      'half-width katakana name with phone',
      { lastName: 'ﾐﾅﾐﾅｶ', firstName: 'ﾀﾞｲｽｹ', phones: ['(080) 1687-0290'] },
      'E362472',
    ],
    [
      'upper-case romaji in swapped fields with phone',
      { lastName: 'DAISUKE', firstName: 'MINAMINAKA', phones: ['+81 80 1687 0290'] },
      'E362472',
    ],
    [
      'whole name in one field with U+3000 and birth date',
      { lastName: '南中\u3000大輔', firstName: '', birthDate: '1969-01-21' },
      'E362472',
    ],
    [
      'whole name without a space and birth date',
      { lastName: '南中大輔', birthDate: '1969-01-21' },
      'E362472',
    ],
    [
      'variant kanji 高島 for 髙嶋 with birth date',
      { lastName: '高島', firstName: '亜希', birthDate: '1985-05-05' },
      'E100001',
    ],
    [
      'Oh-style romaji Ohno against kana オオノ with birth date',
      { lastName: 'Ohno', firstName: 'Sho', birthDate: '1991-09-09' },
      'E100002',
    ],
    [
      'passport romaji Ono against kana オオノ with e-mail',
      { lastName: 'Ono', firstName: 'Sho', emails: ['sho.ono@icloud.com'] },
      'E100002',
    ],
    [
      'former surname in the registry with phone',
      { lastName: '荒島', firstName: '咲香', phones: ['090-4614-0475'] },
      'E076766',
    ],
    [
      'new surname, same given name, birth date and phone',
      { lastName: 'Naganaka', firstName: 'Hina', birthDate: '1962-06-15', phones: ['07099342915'] },
      'E939328',
    ],
    [
      'employee number claim without prefix and name',
      { lastName: '武田', firstName: '翔太', employeeNumber: '465153' },
      'E465153',
    ],
  ])('%s', (_label, p, employeeNumber) => {
    const d = decide(p);
    expect(d.decision).toBe('match');
    expect(d.employeeNumber).toBe(employeeNumber);
  });

  it('explains a former-surname agreement', () => {
    expect(
      evidenceOf(decide({ lastName: '荒島', firstName: '咲香', phones: ['090-4614-0475'] }), 'family_name'),
    ).toMatch(/via former surname/u);
  });

  it('explains a Gmail-normalised agreement', () => {
    expect(
      evidenceOf(
        decide({ lastName: '南中', firstName: '大輔', emails: ['daisuke.minami.naka+jobs@gmail.com'] }),
        'email',
      ),
    ).toMatch(/Gmail normalisation/u);
  });

  it('explains a swapped name order', () => {
    expect(
      evidenceOf(
        decide({ lastName: 'DAISUKE', firstName: 'MINAMINAKA', phones: ['08016870290'] }),
        'given_name',
      ),
    ).toMatch(/swapped/u);
  });
});

describe('matchApplicant: traps are not auto-matched', () => {
  it('a namesake with a common name and nothing else is not a match', () => {
    const d = decide({
      lastName: '佐藤',
      firstName: '健',
      emails: ['someone.else@gmail.com'],
      phones: ['090-5555-6666'],
    });
    expect(d.decision).not.toBe('match');
    expect(d.candidates.length).toBeGreaterThanOrEqual(3);
  });

  it('a namesake with a different birth date is not even reviewed', () => {
    expect(decide({ lastName: '佐藤', firstName: '健', birthDate: '2001-12-31' }).decision).toBe('none');
  });

  it('a rare name alone goes to review, not to an automatic match', () => {
    expect(decide({ lastName: '平本', firstName: '陽菜', emails: ['new.address@outlook.jp'] }).decision).toBe(
      'review',
    );
  });

  it('a relative sharing the home phone and the surname is not a match', () => {
    const d = decide({
      lastName: '武田',
      firstName: '健太',
      emails: ['chie_5625@hotmail.com'],
      phones: ['(070) 8998-8207'],
    });
    expect(d.decision).toBe('none');
  });

  it("a colleague's company e-mail is only weak evidence", () => {
    const d = decide({ lastName: '佐藤', firstName: '花子', emails: ['shota.takeda@kitaboshi-shoji.co.jp'] });
    expect(d.decision).toBe('none');
    const scored = scoreCandidate(
      { emails: ['shota.takeda@kitaboshi-shoji.co.jp'] },
      TAKEDA_SHOTA,
      registry.statsFor({}),
      CTX,
    );
    expect(scored.evidence.find((e) => e.field === 'email')).toMatchObject({ outcome: 'partial' });
  });

  it('a claimed employee number with a different person behind it is not a match', () => {
    expect(
      decide({ lastName: '小林', firstName: '誠', birthDate: '1999-09-09', employeeNumber: 'E465153' })
        .decision,
    ).not.toBe('match');
  });
});

describe('scoreCandidate', () => {
  const stats = registry.statsFor({ lastName: '佐藤', firstName: '健' });

  it('weighs a name agreement by how common the name is', () => {
    const common = scoreCandidate(
      { lastName: '佐藤', firstName: '健' },
      SATO_KEN[0],
      registry.statsFor({ lastName: '佐藤', firstName: '健' }),
      CTX,
    );
    const rare = scoreCandidate(
      { lastName: '南中', firstName: '大輔' },
      MINAMINAKA,
      registry.statsFor({ lastName: '南中', firstName: '大輔' }),
      CTX,
    );
    const weight = (c: ScoredCandidate, f: string): number => c.evidence.find((e) => e.field === f)!.weight;
    expect(weight(rare, 'family_name')).toBeGreaterThan(weight(common, 'family_name') + 4);
  });

  it.each<[string, ApplicantIdentity, string, string]>([
    [
      'birth date disagreement counts strongly against',
      { lastName: '佐藤', firstName: '健', birthDate: '2000-02-02' },
      'birth_date',
      'disagree',
    ],
    [
      'given name disagreement counts strongly against',
      { lastName: '佐藤', firstName: '誠' },
      'given_name',
      'disagree',
    ],
    [
      'birth date typo is partial',
      { lastName: '佐藤', firstName: '健', birthDate: '1971-01-10' },
      'birth_date',
      'partial',
    ],
  ])('%s', (_label, p, field, outcome) => {
    const c = scoreCandidate(p, SATO_KEN[0], stats, CTX);
    const e = c.evidence.find((x) => x.field === field)!;
    expect(e.outcome).toBe(outcome);
    if (outcome === 'disagree') expect(e.weight).toBeLessThanOrEqual(-10);
  });

  describe('a different personal e-mail', () => {
    // Two former employees with one name: one left a personal address, the other only the company one.
    const withAddress = person({
      employeeNumber: 'E700001',
      familyName: '平本',
      givenName: '陽菜',
      emails: ['hina.hiramoto@docomo.ne.jp', 'hina.hiramoto@kitaboshi-shoji.co.jp'],
      phones: ['090-1111-2222'],
    });
    const companyOnly = person({
      employeeNumber: 'E700002',
      familyName: '平本',
      givenName: '陽菜',
      emails: ['hina.hiramoto2@kitaboshi-shoji.co.jp'],
      phones: ['090-3333-4444'],
    });
    const score = (p: ApplicantIdentity, a: typeof withAddress): ScoredCandidate =>
      scoreCandidate(p, a, registry.statsFor(p), CTX);
    const emailOf = (c: ScoredCandidate) => c.evidence.find((e) => e.field === 'email')!;

    it('says nothing more when no phone agrees either: a returnee with only their name changed both', () => {
      const p: ApplicantIdentity = {
        lastName: '平本',
        firstName: '陽菜',
        emails: ['hina_2024@gmail.com'],
        phones: ['080-5555-6666'],
      };
      expect(emailOf(score(p, withAddress))).toMatchObject({ outcome: 'disagree', weight: 0 });
      // The one who left an address is not ranked below the one who did not (it was, by a bit).
      expect(score(p, withAddress).score).toBe(score(p, companyOnly).score);
    });

    it('counts against beside an agreeing phone: a relative sharing it has their own address', () => {
      const p: ApplicantIdentity = {
        lastName: '平本',
        firstName: '陽菜',
        emails: ['hina_2024@gmail.com'],
        phones: ['090-1111-2222'],
      };
      const e = emailOf(score(p, withAddress));
      expect(e.outcome).toBe('disagree');
      expect(e.weight).toBeLessThan(0);
    });
  });

  it('never puts the person’s values into the evidence', () => {
    const p: ApplicantIdentity = {
      lastName: '南中',
      firstName: '大輔',
      emails: ['daisuke.minaminaka@gmail.com'],
      phones: ['080-1687-0290'],
      birthDate: '1969-01-21',
      employeeNumber: 'E362472',
    };
    const text = JSON.stringify(scoreCandidate(p, MINAMINAKA, registry.statsFor(p), CTX).evidence);
    for (const secret of ['minaminaka', '南中', '大輔', '1687', '1969', '362472', 'gmail.com'])
      expect(text).not.toContain(secret);
  });
});

describe('decideMatch', () => {
  const c = (employeeNumber: string, score: number): ScoredCandidate => ({
    employeeNumber,
    score,
    evidence: [],
  });
  const T = { match: 8, review: 2, minMargin: 4, maxCandidates: 2 };

  it.each<[string, ScoredCandidate[], MatchDecision['decision'], string | null]>([
    ['no candidates', [], 'none', null],
    ['clear best', [c('A', 20), c('B', 3)], 'match', 'A'],
    ['best without a runner-up', [c('A', 9)], 'match', 'A'],
    ['high but too close to the runner-up', [c('A', 20), c('B', 17)], 'review', 'A'],
    ['between review and match', [c('B', 1), c('A', 5)], 'review', 'A'],
    ['below review', [c('A', 1.9)], 'none', null],
  ])('%s', (_label, scored, decision, employeeNumber) => {
    const d = decideMatch(scored, T);
    expect(d.decision).toBe(decision);
    expect(d.employeeNumber).toBe(employeeNumber);
  });

  it('orders candidates best first and caps them', () => {
    const d = decideMatch([c('A', 1), c('B', 30), c('C', 5)], T);
    expect(d.candidates.map((x) => x.employeeNumber)).toEqual(['B', 'C']);
    expect(d.score).toBe(30);
  });
});

describe('identifier agreements as the registry grows', () => {
  // A personal address or a phone is one person's (or one household's) in any registry: what it says beyond
  // "one of N" must not shrink as N grows, or large registries lose the returnees who changed their surname.
  const alumnus = person({
    employeeNumber: 'E1',
    familyName: '北岡',
    givenName: '咲絵',
    familyNameKana: 'キタオカ',
    givenNameKana: 'サキエ',
    emails: ['sakie.k@icloud.com'],
    phones: ['090-1539-7120'],
  });
  const stats = (alumniCount: number) => ({ alumniCount, frequency: () => alumniCount / 1000 });
  const weightOf = (field: string, p: ApplicantIdentity, n: number) =>
    scoreCandidate(p, alumnus, stats(n), CTX).evidence.find((e) => e.field === field)!.weight;

  it.each([
    ['personal e-mail', 'email', { emails: ['sakie.k@icloud.com'] }, 6],
    ['phone (a household)', 'phone', { phones: ['09015397120'] }, 3],
    ['claimed employee number', 'employee_number', { employeeNumber: 'E1' }, 0],
  ])('%s counts log2(N) plus its margin on large registries', (_, field, p, margin) => {
    for (const n of [100_000, 1_000_000]) {
      expect(weightOf(field, p as ApplicantIdentity, n)).toBeCloseTo(Math.log2(n) + margin, 1);
    }
  });

  it('small registries keep the shipped weights (the prior is weak there)', () => {
    expect(weightOf('email', { emails: ['sakie.k@icloud.com'] }, 500)).toBe(20);
    expect(weightOf('phone', { phones: ['090-1539-7120'] }, 500)).toBe(17);
  });

  it('a surname change with the same phone and given name keeps its score from 20,000 to 1,000,000', () => {
    const p: ApplicantIdentity = {
      lastName: '新井',
      firstName: '咲絵',
      lastNameKana: 'アライ',
      firstNameKana: 'サキエ',
      phones: ['090-1539-7120'],
    };
    const at = (n: number) => scoreCandidate(p, alumnus, stats(n), CTX).score;
    expect(Math.abs(at(1_000_000) - at(20_000))).toBeLessThan(1);
  });
});
