import { matchApplicant } from './match-decision';
import { scoreCandidate } from './match-scoring';
import type { AlumnusIdentity, ApplicantIdentity, MatchContext } from './match-types';
import { CTX, buildRegistry, fillerAlumni } from './match-fixtures.spec-support';

/** A stand-in for the dictionary the registry injects (NameReadingService): a few names and their readings. */
const DICTIONARY: Record<string, string[]> = {
  荒島: ['アラシマ'],
  上田: ['ウエダ', 'カミダ'],
  桜浦: ['サクラウラ'],
  咲香: ['サキカ', 'サクカ'],
};
const WITH_READINGS: MatchContext = { ...CTX, readings: (text) => DICTIONARY[text] ?? [] };

const person = (
  over: Partial<AlumnusIdentity> & Pick<AlumnusIdentity, 'employeeNumber'>,
): AlumnusIdentity => ({
  familyName: '加藤',
  givenName: '咲香',
  familyNameKana: 'カトウ',
  givenNameKana: 'サキカ',
  previousFamilyNames: [],
  birthDate: '1961-11-19',
  emails: ['sakika.kato@kitaboshi-shoji.co.jp'],
  phones: ['090-4614-0475'],
  ...over,
});

const filler = fillerAlumni(2000);

function decide(a: AlumnusIdentity, p: ApplicantIdentity, ctx: MatchContext) {
  const reg = buildRegistry([...filler, a]);
  const candidates = [...new Set([...reg.candidatesFor(p), a])];
  return matchApplicant(p, candidates, reg.statsFor(p), ctx);
}

describe('readings derived for kanji-only registry names', () => {
  // 旧姓 in kanji only (HR recorded no reading); the applicant writes it in romaji.
  const formerInKanji = person({ employeeNumber: 'E1', previousFamilyNames: ['荒島'] });

  it.each<[string, ApplicantIdentity, MatchContext, 'agree' | 'partial' | 'missing']>([
    ['romaji former surname, no dictionary', { lastName: 'Arashima', firstName: 'Sakika' }, CTX, 'missing'],
    [
      'romaji former surname via dictionary',
      { lastName: 'Arashima', firstName: 'Sakika' },
      WITH_READINGS,
      'partial',
    ],
    [
      'kana former surname via dictionary',
      { lastName: 'アラシマ', firstName: 'サキカ' },
      WITH_READINGS,
      'partial',
    ],
    [
      'a reading the dictionary does not give',
      { lastName: 'Kojima', firstName: 'Sakika' },
      WITH_READINGS,
      'missing',
    ],
  ])('%s', (_, p, ctx, outcome) => {
    const reg = buildRegistry([...filler, formerInKanji]);
    const s = scoreCandidate(p, formerInKanji, reg.statsFor(p), ctx);
    const family = s.evidence.find((e) => e.field === 'family_name')!;
    // 'missing' here means: the former surname is not comparable, so the current one (Kato) decides.
    if (outcome === 'missing') expect(family.detail).not.toMatch(/dictionary/);
    else {
      expect(family.outcome).toBe(outcome);
      expect(family.detail).toMatch(/dictionary reading/);
      expect(s.derivedWeight).toBeGreaterThan(0);
    }
  });

  it('a derived reading lifts a name-only returnee with a rare name to review, never to a match', () => {
    // Registry without any kana: the only way to compare a romaji name is the dictionary.
    const a = person({ employeeNumber: 'E2', familyName: '桜浦', familyNameKana: null, givenNameKana: null });
    const p: ApplicantIdentity = { lastName: 'Sakuraura', firstName: 'Sakika', emails: ['new@icloud.com'] };
    expect(decide(a, p, CTX).decision).toBe('none');
    const d = decide(a, p, WITH_READINGS);
    expect(d.decision).toBe('review');
    expect(d.employeeNumber).toBe('E2');
  });

  it('derived readings that would carry an automatic match on their own leave it at review', () => {
    const a = person({ employeeNumber: 'E3', familyName: '桜浦', familyNameKana: null, givenNameKana: null });
    // Only the old company address agrees besides the names (weak: colleagues know it), and the names agree only
    // through the dictionary: enough for 'match' by score, not without an independent field that agrees.
    const p: ApplicantIdentity = {
      lastName: 'Sakuraura',
      firstName: 'Sakika',
      emails: ['sakika.kato@kitaboshi-shoji.co.jp'],
    };
    const d = decide(a, p, { ...WITH_READINGS, corporateEmailDomains: new Set(['kitaboshi-shoji.co.jp']) });
    expect(d.candidates[0].employeeNumber).toBe('E3');
    expect(d.candidates[0].derivedWeight).toBeGreaterThan(0);
    expect(d.candidates[0].score).toBeGreaterThanOrEqual(8);
    expect(d.decision).toBe('review');
  });

  it('beside an agreeing birth date the derived readings only have to tell apart those born that day', () => {
    const a = person({ employeeNumber: 'E3', familyName: '桜浦', familyNameKana: null, givenNameKana: null });
    const p: ApplicantIdentity = { lastName: 'Sakuraura', firstName: 'Sakika', birthDate: '1961-11-19' };
    expect(decide(a, p, WITH_READINGS)).toMatchObject({ decision: 'match', employeeNumber: 'E3' });
    // Without the birth date the same names reach review at most.
    expect(decide(a, { lastName: 'Sakuraura', firstName: 'Sakika' }, WITH_READINGS).decision).not.toBe(
      'match',
    );
  });

  it('with proof beyond the derived reading (phone and birth date) the match stands', () => {
    const a = person({ employeeNumber: 'E4', previousFamilyNames: ['荒島'] });
    const p: ApplicantIdentity = {
      lastName: 'Arashima',
      firstName: 'Sakika',
      phones: ['+81 90 4614 0475'],
      birthDate: '1961-11-19',
    };
    expect(decide(a, p, WITH_READINGS)).toMatchObject({ decision: 'match', employeeNumber: 'E4' });
  });
});
