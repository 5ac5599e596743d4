import { matchApplicant } from './match-decision';
import type { AlumnusIdentity, ApplicantIdentity, MatchDecision } from './match-types';
import { CTX, buildRegistry, fillerAlumni } from './match-fixtures.spec-support';

/**
 * Phenomena of issue 14, as a table: surname changes where only the given name and the date of birth agree,
 * family/given swapped in romaji together with a surname change, and returnees who bring only their name.
 */
const filler = fillerAlumni(3000);

const alumnus = (
  over: Partial<AlumnusIdentity> & Pick<AlumnusIdentity, 'employeeNumber'>,
): AlumnusIdentity => ({
  familyName: '南岡',
  givenName: '咲香',
  familyNameKana: 'ミナミオカ',
  givenNameKana: 'サキカ',
  previousFamilyNames: [],
  birthDate: '1986-09-05',
  emails: ['sakika.minamioka@yahoo.co.jp', 'sakika.minamioka@kitaboshi-shoji.co.jp'],
  phones: ['070-6434-8613'],
  ...over,
});

const RARE = alumnus({ employeeNumber: 'E900001' });
// 恵 is among the most common given names of the filler registry.
const COMMON = alumnus({
  employeeNumber: 'E900002',
  familyName: '佐藤',
  familyNameKana: 'サトウ',
  givenName: '恵',
  givenNameKana: 'メグミ',
  birthDate: '1979-03-14',
});

function decide(p: ApplicantIdentity): MatchDecision {
  const reg = buildRegistry([...filler, RARE, COMMON]);
  return matchApplicant(p, reg.candidatesFor(p), reg.statsFor(p), CTX);
}

describe('surname change: given name + date of birth agree, family name differs', () => {
  it.each<[string, ApplicantIdentity, string, readonly MatchDecision['decision'][]]>([
    [
      'new married name in romaji, rare given name, same birth date',
      { lastName: 'Kurono', firstName: 'Sakika', birthDate: '1986-09-05', emails: ['s.kurono@gmail.com'] },
      'E900001',
      ['review', 'match'],
    ],
    [
      'new married name in kanji, same birth date',
      { lastName: '黒野', firstName: '咲香', birthDate: '1986-09-05' },
      'E900001',
      ['review', 'match'],
    ],
    [
      'family and given swapped in romaji, with a new surname',
      { lastName: 'SAKIKA', firstName: 'KURONO', birthDate: '1986-09-05' },
      'E900001',
      ['review', 'match'],
    ],
    [
      'common given name + birth date, new surname: never an automatic flag',
      { lastName: 'Kurono', firstName: 'Megumi', birthDate: '1979-03-14' },
      'E900002',
      ['review', 'none'],
    ],
  ])('%s', (_, p, en, allowed) => {
    const d = decide(p);
    expect(d.candidates[0]?.employeeNumber).toBe(en);
    expect(allowed).toContain(d.decision);
    const family = d.candidates[0].evidence.find((e) => e.field === 'family_name')!;
    expect(family.outcome).toBe('disagree');
  });

  it('a different birth date with the same given name stays a stranger', () => {
    const d = decide({ lastName: 'Kurono', firstName: 'Sakika', birthDate: '1990-01-02' });
    expect(d.decision).toBe('none');
  });
});

describe('returnees who bring only their name', () => {
  it.each<[string, ApplicantIdentity, MatchDecision['decision']]>([
    [
      'rare full name, new e-mail and phone → review',
      { lastName: '南岡', firstName: '咲香', emails: ['new@icloud.com'] },
      'review',
    ],
    [
      'rare full name in romaji → review',
      { lastName: 'Minamioka', firstName: 'Sakika', phones: ['080-0000-1111'] },
      'review',
    ],
    [
      'common full name → none (a namesake is as likely)',
      { lastName: '佐藤', firstName: '恵', emails: ['x@icloud.com'] },
      'none',
    ],
  ])('%s', (_, p, decision) => {
    expect(decide(p).decision).toBe(decision);
  });
});

describe('full-name frequency caps correlated name parts', () => {
  it('a full name many alumni share counts as that name, not as two rare parts', () => {
    const a = alumnus({
      employeeNumber: 'E900003',
      familyName: 'Brown',
      givenName: 'Emily',
      familyNameKana: null,
      givenNameKana: null,
    });
    const p: ApplicantIdentity = { lastName: 'Brown', firstName: 'Emily', birthDate: '1986-09-05' };
    const reg = buildRegistry([...filler, a]);
    const stats = reg.statsFor(p);
    const independent = matchApplicant(p, [a], stats, CTX).candidates[0];
    // 40 alumni called Emily Brown (a small pool of foreign names: the parts always come together).
    const withJoint = matchApplicant(
      p,
      [a],
      { ...stats, keyFrequency: (k) => (k.startsWith('n') ? 40 : 0) },
      CTX,
    ).candidates[0];
    const names = (c: typeof independent): number =>
      c.evidence.filter((e) => e.field.endsWith('_name')).reduce((s, e) => s + e.weight, 0);
    expect(names(withJoint)).toBeLessThan(names(independent));
    expect(names(withJoint)).toBeCloseTo(Math.log2(3001 / 40) - 0.6, 0);
    expect(withJoint.evidence[0].detail).toMatch(/full name/);
  });
});

describe('a kanji surname with a given name in kana is a full name too (nx)', () => {
  it('counts as the name the many alumni read that way share', () => {
    const a = alumnus({
      employeeNumber: 'E900004',
      familyName: '渡辺',
      givenName: '桜',
      familyNameKana: 'ワタナベ',
      givenNameKana: 'サクラ',
    });
    const p: ApplicantIdentity = { lastName: '渡辺', firstName: 'さくら' };
    const stats = buildRegistry([...filler, a]).statsFor(p);
    const alone = matchApplicant(p, [a], stats, CTX).candidates[0];
    const nx = (k: string): number => (k.startsWith('nx:') ? 40 : 0);
    const shared = matchApplicant(p, [a], { ...stats, keyFrequency: nx }, CTX).candidates[0];
    expect(shared.score).toBeLessThan(alone.score);
    expect(shared.score).toBeLessThanOrEqual(-Math.log2(40) + 0.5);
  });
});

describe('surname change with the household phone kept', () => {
  // The phone says "this household"; the given name says which member. A new surname says little here: the
  // relatives who share a phone differ in surname about as often as one person's surname changes.
  it.each<[string, ApplicantIdentity, MatchDecision['decision'], string | null]>([
    [
      'new surname, same phone and given name',
      {
        lastName: '北川',
        firstName: '咲香',
        phones: ['+81 70 6434 8613'],
        emails: ['s.kitagawa@icloud.com'],
      },
      'match',
      'E900001',
    ],
    [
      'a relative: same phone and surname, another given name',
      { lastName: '南岡', firstName: '大輔', phones: ['070-6434-8613'] },
      'none',
      null,
    ],
    [
      'an in-law: same phone, another surname and another given name',
      { lastName: '北川', firstName: '大輔', phones: ['070-6434-8613'] },
      'none',
      null,
    ],
  ])('%s → %s', (_label, p, decision, employeeNumber) => {
    const d = decide(p);
    expect(d.decision).toBe(decision);
    expect(d.employeeNumber).toBe(employeeNumber);
    if (decision === 'match') {
      const family = d.candidates[0].evidence.find((e) => e.field === 'family_name')!;
      expect(family).toMatchObject({ outcome: 'disagree', weight: -1 });
    }
  });
});

describe('a former surname the applicant writes in brackets (旧姓併記)', () => {
  // The registry knows her as 南岡 咲香 and has no later surname; she applies as 北川 and says so.
  it.each<[string, ApplicantIdentity, MatchDecision['decision']]>([
    [
      'new surname, 旧姓 in brackets, phone kept → match',
      { lastName: '北川（旧姓：南岡）', firstName: '咲香', phones: ['070-6434-8613'] },
      'match',
    ],
    [
      'new surname, 旧姓 in brackets, nothing else → review (a name never decides alone)',
      { lastName: '北川（旧姓 南岡）', firstName: '咲香', emails: ['new@icloud.com'] },
      'review',
    ],
    [
      'in romaji: Kitagawa (née Minamioka) → review',
      { lastName: 'Kitagawa (née Minamioka)', firstName: 'Sakika' },
      'review',
    ],
  ])('%s', (_label, p, decision) => {
    const d = decide(p);
    expect(d.decision).toBe(decision);
    expect(d.employeeNumber).toBe('E900001');
    const family = d.candidates[0].evidence.find((e) => e.field === 'family_name')!;
    expect(family.outcome).toBe('agree');
    expect(family.detail).toContain('read with the former surname the applicant gave');
  });

  it('a former surname given in its own field (an ATS 旧姓 field) counts the same', () => {
    const d = decide({
      lastName: '北川',
      firstName: '咲香',
      formerFamilyNames: ['南岡'],
      emails: ['new@icloud.com'],
    });
    expect(d).toMatchObject({ decision: 'review', employeeNumber: 'E900001' });
  });

  it('without the note the same applicant is not found by name', () => {
    const d = decide({ lastName: '北川', firstName: '咲香', emails: ['new@icloud.com'] });
    expect(d.decision).toBe('none');
  });
});

describe('a former surname HR wrote in brackets in the registry name column', () => {
  it('finds the returnee who applies under it', () => {
    const noted = alumnus({
      employeeNumber: 'E900003',
      familyName: '北川（旧姓：南岡）',
      familyNameKana: null,
      givenName: '咲香',
      givenNameKana: null,
      emails: [],
      phones: ['080-1111-2222'],
    });
    const p: ApplicantIdentity = { lastName: '南岡', firstName: '咲香', phones: ['080-1111-2222'] };
    const reg = buildRegistry([...filler, noted]);
    expect(reg.candidatesFor(p).map((a) => a.employeeNumber)).toContain('E900003');
    const d = matchApplicant(p, reg.candidatesFor(p), reg.statsFor(p), CTX);
    expect(d.decision).toBe('match');
    expect(d.employeeNumber).toBe('E900003');
    expect(d.candidates[0].evidence.find((e) => e.field === 'family_name')?.outcome).toBe('agree');
  });
});

describe('a registry that keeps a middle name the applicant leaves out', () => {
  const smith = alumnus({
    employeeNumber: 'E900004',
    familyName: 'Smith',
    familyNameKana: null,
    givenName: 'John Michael',
    givenNameKana: null,
    birthDate: '1984-02-11',
    emails: [],
    phones: ['080-3333-4444'],
  });

  it.each<[string, ApplicantIdentity, MatchDecision['decision']]>([
    [
      'John Smith with the phone on file → match',
      { lastName: 'Smith', firstName: 'John', phones: ['080-3333-4444'] },
      'match',
    ],
    [
      'John Smith with the birth date → match',
      { lastName: 'SMITH', firstName: 'JOHN', birthDate: '1984-02-11' },
      'match',
    ],
  ])('%s', (_label, p, decision) => {
    const reg = buildRegistry([...filler, smith]);
    const d = matchApplicant(p, reg.candidatesFor(p), reg.statsFor(p), CTX);
    expect(d.decision).toBe(decision);
    expect(d.employeeNumber).toBe('E900004');
    const given = d.candidates[0].evidence.find((e) => e.field === 'given_name')!;
    expect(given.outcome).toBe('agree');
    expect(given.notes).toContain('registry_first_given_name');
    expect(given.detail).toContain("the first of the registry's given names");
  });

  it('another given name with the same first letters is not the same', () => {
    const p: ApplicantIdentity = { lastName: 'Smith', firstName: 'Michael', phones: ['080-3333-4444'] };
    const reg = buildRegistry([...filler, smith]);
    const given = matchApplicant(p, reg.candidatesFor(p), reg.statsFor(p), CTX)
      .candidates.find((c) => c.employeeNumber === 'E900004')
      ?.evidence.find((e) => e.field === 'given_name');
    expect(given?.outcome).toBe('disagree');
  });
});
