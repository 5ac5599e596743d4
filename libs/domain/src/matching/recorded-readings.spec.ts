import { evidenceText } from './evidence-text';
import { matchApplicant } from './match-decision';
import { MATCH_WEIGHTS, scoreCandidate } from './match-scoring';
import { applicantNameHypotheses } from './name-hypotheses';
import type { ApplicantIdentity, MatchEvidence, MatchStatistics } from './match-types';
import { CTX, bareAlumnus as person, buildRegistry, fillerAlumni } from './match-fixtures.spec-support';

/*
 * The reading a registry records says which family writes its name so: 村上 is read ムラカミ by most and ムラウエ
 * by a few. An applicant who gives kana is compared with it, and a reading is counted rare among the people
 * whose reading is on record.
 */
const MURAUE_MAKA = person({
  employeeNumber: 'E036461',
  familyName: '村上',
  givenName: '麻佳',
  familyNameKana: 'ムラウエ',
  givenNameKana: 'マカ',
  birthDate: '1966-03-25',
  emails: ['maka.muraue@kitaboshi-shoji.co.jp'],
});
const MURAKAMI_MAKA = person({
  employeeNumber: 'E533909',
  familyName: '村上',
  givenName: '麻佳',
  familyNameKana: 'ムラカミ',
  givenNameKana: 'マカ',
  birthDate: '1996-01-25',
});
/** Many 村上 read ムラカミ, and some people kept without kana at all. */
const MURAKAMIS = Array.from({ length: 40 }, (_, i) =>
  person({
    employeeNumber: `M${String(i).padStart(4, '0')}`,
    familyName: '村上',
    givenName: ['健', '陽子', '大輔', '恵'][i % 4],
    familyNameKana: i % 2 === 0 ? 'ムラカミ' : null,
    givenNameKana: i % 2 === 0 ? ['ケン', 'ヨウコ', 'ダイスケ', 'メグミ'][i % 4] : null,
  }),
);
const registry = buildRegistry([...fillerAlumni(1500), ...MURAKAMIS, MURAUE_MAKA, MURAKAMI_MAKA]);

const applicant = (over: Partial<ApplicantIdentity>): ApplicantIdentity => ({
  lastName: '村上',
  firstName: '麻佳',
  emails: ['maka.m@icloud.com'],
  phones: [],
  ...over,
});
const family = (c: { evidence: MatchEvidence[] }): MatchEvidence =>
  c.evidence.find((e) => e.field === 'family_name')!;
const decide = (p: ApplicantIdentity, stats: Partial<MatchStatistics> = {}) =>
  matchApplicant(p, registry.candidatesFor(p), { ...registry.statsFor(p), ...stats }, CTX);

describe('recorded readings tell namesakes apart', () => {
  it.each([
    ['kana', { lastNameKana: 'ムラウエ', firstNameKana: 'マカ' }],
    ['hiragana, fields swapped', { lastNameKana: 'まか', firstNameKana: 'むらうえ' }],
  ])('kanji with %s: the namesake recorded with that reading comes first', (_, kana) => {
    const d = decide(applicant(kana));
    expect(d.candidates.map((c) => c.employeeNumber).slice(0, 2)).toEqual(['E036461', 'E533909']);
    const [same, other] = d.candidates;
    expect(family(same)).toMatchObject({ outcome: 'agree', reason: 'name_agrees' });
    expect(family(other)).toMatchObject({
      outcome: 'partial',
      reason: 'name_written_alike_read_differently',
    });
    expect(same.score - other.score).toBeGreaterThan(4);
  });

  it('kanji alone says nothing about the reading: the two namesakes tie', () => {
    const d = decide(applicant({}));
    const scores = d.candidates.filter((c) => c.employeeNumber.startsWith('E')).map((c) => c.score);
    expect(scores).toHaveLength(2);
    expect(scores[0]).toBe(scores[1]);
  });

  it('the kanji and a rare reading together count as rare as the reading', () => {
    const withKana = scoreCandidate(
      applicant({ lastNameKana: 'ムラウエ', firstNameKana: 'マカ' }),
      MURAUE_MAKA,
      registry.statsFor(applicant({ lastNameKana: 'ムラウエ', firstNameKana: 'マカ' })),
      CTX,
    );
    const kanjiOnly = scoreCandidate(applicant({}), MURAUE_MAKA, registry.statsFor(applicant({})), CTX);
    expect(family(withKana).weight).toBeGreaterThan(family(kanjiOnly).weight + 3);
  });

  it('a one-letter slip in a long reading is not another family', () => {
    const p = applicant({ lastNameKana: 'ムラウメ', firstNameKana: 'マカ' });
    const c = scoreCandidate(p, MURAUE_MAKA, registry.statsFor(p), CTX);
    expect(family(c)).toMatchObject({ outcome: 'agree', reason: 'name_agrees' });
  });

  it('a registry kept without kana is compared by the kanji as before', () => {
    const noKana = person({ employeeNumber: 'E1', familyName: '村上', givenName: '麻佳' });
    const p = applicant({ lastNameKana: 'ムラウエ', firstNameKana: 'マカ' });
    const c = scoreCandidate(p, noKana, registry.statsFor(p), CTX);
    expect(family(c)).toMatchObject({ outcome: 'agree', reason: 'name_agrees' });
  });

  it('an applicant writing kanji with kana is read with the kana only; romaji with kana keeps the plain reading too', () => {
    const kanji = applicantNameHypotheses(applicant({ lastNameKana: 'ムラウエ', firstNameKana: 'マカ' }));
    expect(kanji.every((h) => h.family.skeleton !== null && h.given.skeleton !== null)).toBe(true);
    const romaji = applicantNameHypotheses({
      lastName: 'Murakami',
      firstName: 'Maka',
      lastNameKana: 'ムラカミ',
      firstNameKana: 'マカ',
      emails: [],
      phones: [],
    });
    expect(romaji.some((h) => h.family.text === 'murakami' && h.family.skeleton === 'murakami')).toBe(true);
  });
});

describe('the full name cap counts the people recorded with the kanji and the reading', () => {
  const p = applicant({ lastNameKana: 'ムラウエ', firstNameKana: 'マカ' });
  // Two people are written 村上 麻佳, two read ムラウエ マカ (one of them written otherwise), two 村上 マカ.
  const keyFrequency = (k: string): number => (/^n[trx]:/u.test(k) ? 2 : 0);
  const capped = (c: { evidence: MatchEvidence[] }): boolean =>
    c.evidence.some((e) => e.notes?.includes('capped_full_name'));

  it('when every namesake written alike is a candidate, only the one recorded so counts', () => {
    const top = decide(p, { keyFrequency }).candidates[0];
    expect(top.employeeNumber).toBe('E036461');
    expect(capped(top)).toBe(false);
  });

  it('when a namesake written alike is not among the candidates, the key counts stand', () => {
    const top = matchApplicant(p, [MURAUE_MAKA], { ...registry.statsFor(p), keyFrequency }, CTX)
      .candidates[0];
    expect(capped(top)).toBe(true);
  });
});

describe('a reading is rare among the people whose reading is on record', () => {
  const romaji: ApplicantIdentity = { lastName: 'Muraue', firstName: 'Maka', emails: [], phones: [] };
  const weightWith = (stats: Partial<MatchStatistics>): number =>
    family(scoreCandidate(romaji, MURAUE_MAKA, { alumniCount: 1000, frequency: () => 0, ...stats }, CTX))
      .weight;
  // The given name is common, so the two parts stay under the names-alone ceiling.
  const counts = (recorded: number): Record<string, number> => ({
    'fq:fr:muraue': 4,
    'fq:fk': recorded,
    'fq:gr:maka': 500,
  });
  const reading = (recorded: number) => (k: string) => counts(recorded)[k] ?? 0;

  it.each([
    [1000, Math.log2(1000 / 4)],
    [250, Math.log2(250 / 4)],
  ])('%i of 1,000 with a family reading: 1 in %s', (recorded, bits) => {
    expect(weightWith({ frequency: reading(recorded) })).toBeCloseTo(bits + MATCH_WEIGHTS.nameAgreeM, 2);
  });

  it('counted among everyone where the registry does not say (frequencies from before key version 5)', () => {
    expect(weightWith({ frequency: reading(0) })).toBeCloseTo(
      Math.log2(1000 / 4) + MATCH_WEIGHTS.nameAgreeM,
      2,
    );
  });
});

describe('evidence text', () => {
  it.each([['en'], ['ja']] as const)('names the outcome in %s', (lang) => {
    const text = evidenceText(
      {
        field: 'family_name',
        detail: '',
        reason: 'name_written_alike_read_differently',
      },
      lang,
    );
    expect(text).toBe(
      lang === 'en' ? 'family name written alike but read differently' : '姓の表記が一致、読みは異なる',
    );
  });
});
