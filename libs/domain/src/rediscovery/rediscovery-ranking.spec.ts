import {
  jobFamilyOf,
  levelRank,
  rankRediscoveryCandidates,
  scoreRediscoveryCandidate,
  type RediscoveryCandidate,
  type RediscoveryJob,
} from './rediscovery-ranking';

const job: RediscoveryJob = { jobId: 'J1', title: 'Backend Engineer', department: '研究開発部', level: 'G3' };
const asOf = '2026-12-01';

function person(over: Partial<RediscoveryCandidate> = {}): RediscoveryCandidate {
  return {
    employeeNumber: 'E1',
    department: '研究開発部',
    jobTitle: 'エンジニア',
    jobLevel: 'G3',
    skills: [],
    leaveDate: '2025-12-31',
    ...over,
  };
}

describe('levelRank', () => {
  it.each<[string | null, number | null]>([
    ['G1', 1],
    ['g3', 3],
    [' G 9 ', 9],
    ['M1', 10],
    ['M3', 12],
    ['部長', null],
    [null, null],
  ])('%j → %j', (level, rank) => expect(levelRank(level)).toBe(rank));
});

describe('jobFamilyOf', () => {
  it.each<[string | null, string | null]>([
    ['Backend Engineer', 'engineering'],
    ['研究開発部', 'engineering'],
    ['法人営業', 'sales'],
    ['Account Executive', 'sales'],
    ['人事部', 'hr'],
    ['総務', null],
    [null, null],
  ])('%j → %j', (text, family) => expect(jobFamilyOf(text)).toBe(family));
});

describe('scoreRediscoveryCandidate', () => {
  it.each<[string, Partial<RediscoveryCandidate>, string[] | null]>([
    [
      'same department, family and level, left a year ago',
      {},
      ['same_level', 'same_department', 'same_job_family', 'recently_left'],
    ],
    [
      'one level apart',
      { jobLevel: 'G4' },
      ['level_within_reach', 'same_department', 'same_job_family', 'recently_left'],
    ],
    ['a level out of reach is not listed', { jobLevel: 'M2' }, null],
    [
      'no department, family or skill in common is not listed',
      { department: '総務部', jobTitle: '総務' },
      null,
    ],
    [
      'another department but the same family',
      { department: 'プロダクト開発部', jobTitle: 'Software Engineer' },
      ['same_level', 'same_job_family', 'recently_left'],
    ],
    [
      'skills from the registry and the exit interview',
      { department: '総務部', jobTitle: '総務', skills: ['Backend'], exitInterviewSkills: ['engineer'] },
      ['same_level', 'skills', 'recently_left'],
    ],
    [
      'away four years',
      { leaveDate: '2022-06-30' },
      ['same_level', 'same_department', 'same_job_family', 'away_some_years'],
    ],
    [
      'away ten years: no time reason',
      { leaveDate: '2016-03-31' },
      ['same_level', 'same_department', 'same_job_family'],
    ],
    [
      'unknown levels give no level reason',
      { jobLevel: null },
      ['same_department', 'same_job_family', 'recently_left'],
    ],
  ])('%s', (_name, over, codes) => {
    const r = scoreRediscoveryCandidate(job, person(over), { asOf });
    if (codes === null) expect(r).toBeNull();
    else {
      expect(r?.reasons.map((x) => x.code)).toEqual(codes);
      for (const reason of r!.reasons) {
        expect(reason.en).not.toBe('');
        expect(reason.ja).not.toBe('');
      }
    }
  });

  it('counts an adjacent department HR named, in either direction', () => {
    const adjacentDepartments = { 研究開発部: ['情報システム部'] };
    const r = scoreRediscoveryCandidate(
      { ...job, title: 'Coordinator' },
      person({ department: '情報システム部', jobTitle: null }),
      { asOf, adjacentDepartments },
    );
    expect(r?.reasons.map((x) => x.code)).toContain('adjacent_department');
    const back = scoreRediscoveryCandidate(
      { ...job, title: 'Coordinator', department: '情報システム部' },
      person({ jobTitle: null }),
      { asOf, adjacentDepartments },
    );
    expect(back?.reasons.map((x) => x.code)).toContain('adjacent_department');
  });
});

describe('rankRediscoveryCandidates', () => {
  it('orders by score, then shorter time away, then employee number, and keeps the limit', () => {
    const ranked = rankRediscoveryCandidates(
      job,
      [
        person({ employeeNumber: 'E9', department: '営業部', jobTitle: '営業', skills: ['backend'] }),
        person({ employeeNumber: 'E3', leaveDate: '2022-06-30' }),
        person({ employeeNumber: 'E2' }),
        person({ employeeNumber: 'E1' }),
        person({ employeeNumber: 'E7', jobLevel: 'M3' }),
      ],
      { asOf, limit: 3 },
    );
    expect(ranked.map((r) => r.employeeNumber)).toEqual(['E1', 'E2', 'E3']);
    expect(ranked[0].score).toBeGreaterThan(ranked[2].score);
  });
});
