import { matchApplicant } from './match-decision';
import type { AlumnusIdentity, ApplicantIdentity, MatchContext, MatchDecision } from './match-types';
import { CTX, bareAlumnus, buildRegistry, fillerAlumni } from './match-fixtures.spec-support';
import { companyAliases } from './work-history';

/**
 * A returnee who brings only their name cannot be told from a namesake — unless their work history names the
 * company: the months they joined and left pick out which of the namesakes they are.
 */
const filler = fillerAlumni(3000);
const WITH_COMPANY: MatchContext = {
  ...CTX,
  companyNames: companyAliases(['北星商事株式会社'], CTX.corporateEmailDomains),
};

// Three former employees called 佐藤 恵 (a common name), here at different times, with contacts on file.
const namesake = (n: number, hireDate: string, leaveDate: string): AlumnusIdentity =>
  bareAlumnus({
    employeeNumber: `E90000${n}`,
    familyName: '佐藤',
    givenName: '恵',
    familyNameKana: 'サトウ',
    givenNameKana: 'メグミ',
    emails: [`megumi${n}@example.org`],
    phones: [`090-5555-000${n}`],
    hireDate,
    leaveDate,
  });
const SATO = [
  namesake(1, '2003-04-01', '2008-09-30'),
  namesake(2, '2015-04-01', '2019-03-31'),
  namesake(3, '2016-10-01', '2022-06-30'),
];
const RARE = bareAlumnus({
  employeeNumber: 'E900009',
  familyName: '南岡',
  givenName: '咲香',
  familyNameKana: 'ミナミオカ',
  givenNameKana: 'サキカ',
  emails: ['sakika@example.org'],
  phones: ['070-6434-8613'],
  hireDate: '2012-04-01',
  leaveDate: '2020-07-15',
});
const registry = buildRegistry([...filler, ...SATO, RARE]);

function decide(p: ApplicantIdentity, ctx: MatchContext = WITH_COMPANY): MatchDecision {
  return matchApplicant(p, registry.candidatesFor(p), registry.statsFor(p), ctx);
}

// New e-mail, new phone, no birth date: nothing but the name.
const satoNameOnly: ApplicantIdentity = {
  lastName: '佐藤',
  firstName: '恵',
  emails: ['megumi.new@gmail.com'],
  phones: ['080-1111-2222'],
};
const rareNameOnly: ApplicantIdentity = {
  lastName: 'Minamioka',
  firstName: 'Sakika',
  emails: ['sakika.new@gmail.com'],
  phones: ['080-3333-4444'],
};

describe('work history naming the company', () => {
  it('tells namesakes apart: the one here in the months the CV gives is proposed for review', () => {
    const without = decide(satoNameOnly);
    expect(without.decision).toBe('none');

    const d = decide({
      ...satoNameOnly,
      workHistory: [
        { company: 'Aozora Systems Inc.', startDate: '2019-04', endDate: null },
        { company: '株式会社北星商事', title: '営業', startDate: '平成27年4月', endDate: '2019年3月' },
      ],
    });
    expect(d.decision).toBe('review');
    expect(d.employeeNumber).toBe('E900002');
    expect(d.candidates[0].evidence.find((e) => e.field === 'work_history')).toMatchObject({
      outcome: 'agree',
      reason: 'work_history_period_agrees',
    });
    // Namesakes without dates on file are only "a former employee"; those here at other times count less still.
    const runnerUp = d.candidates[1];
    expect(runnerUp.evidence.find((e) => e.field === 'work_history')?.reason).toBe(
      'work_history_lists_company',
    );
    expect(d.score - runnerUp.score).toBeGreaterThanOrEqual(10);
    const elsewhen = matchApplicant(
      { ...satoNameOnly, workHistory: [{ company: '北星商事', startDate: '2015-04', endDate: '2019-03' }] },
      [SATO[0], SATO[2]],
      registry.statsFor(satoNameOnly),
      WITH_COMPANY,
    );
    expect(elsewhen.candidates.map((c) => c.evidence.at(-1)?.outcome)).toEqual(['disagree', 'disagree']);
  });

  it('is what the applicant says: never an automatic flag on its own, however strong', () => {
    const d = decide({
      ...rareNameOnly,
      workHistory: [{ company: 'Kitaboshi Shoji Co., Ltd.', startDate: '2012-04', endDate: '2020-07' }],
    });
    expect(d.candidates[0].employeeNumber).toBe('E900009');
    expect(d.score).toBeGreaterThanOrEqual(8); // the default automatic threshold: the rule is what holds it back
    expect(d.decision).toBe('review');
  });

  it('beside an agreeing phone it may complete an automatic flag', () => {
    const phoneOnly: ApplicantIdentity = { ...rareNameOnly, lastName: 'Kurono', phones: ['070-6434-8613'] };
    const without = decide(phoneOnly);
    const withHistory = decide({
      ...phoneOnly,
      workHistory: [{ company: '北星商事', startDate: '2012-04', endDate: '2020-07' }],
    });
    expect(withHistory.score).toBeGreaterThan(without.score);
    expect(withHistory.decision).toBe('match');
    expect(withHistory.employeeNumber).toBe('E900009');
  });

  it('another period here lowers the score of this record', () => {
    const without = decide(rareNameOnly);
    const d = decide({
      ...rareNameOnly,
      workHistory: [{ company: '北星商事', startDate: '1998-04', endDate: '2001-03' }],
    });
    expect(d.candidates[0].score).toBeLessThan(without.candidates[0].score);
  });

  it('other employers only, or a company the tenant is not known by: the evidence is as without', () => {
    const without = decide(rareNameOnly);
    const others = decide({
      ...rareNameOnly,
      workHistory: [{ company: '北星電機株式会社', startDate: '2012-04', endDate: '2020-07' }],
    });
    expect(others).toEqual(without);
    const unnamed = decide(
      { ...rareNameOnly, workHistory: [{ company: '北星商事', startDate: '2012-04', endDate: '2020-07' }] },
      CTX,
    );
    expect(unnamed).toEqual(decide(rareNameOnly, CTX));
  });
});
