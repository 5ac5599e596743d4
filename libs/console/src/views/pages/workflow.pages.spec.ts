import { scoreCandidate } from '@comeback/domain';
import { pageContext } from '../layout';
import { reviewItemPage, type ReviewItemRow } from './workflow.pages';

/** A review item as the queue stores it: the matcher's own evidence for one candidate. */
function item(evidence: ReviewItemRow['candidates'][number]['evidence']): ReviewItemRow {
  return {
    id: 'r1',
    ats: 'greenhouse',
    applicationId: 'a1',
    candidateName: 'Sakika Kitagawa',
    status: 'open',
    candidates: [{ employeeNumber: 'E1', score: 3.2, evidence }],
    applicant: { lastName: '北川', firstName: '咲香', emails: ['s@example.com'], phones: [] },
    createdAt: new Date('2026-12-01T00:00:00Z'),
  };
}

const scored = scoreCandidate(
  { lastName: '北川（旧姓：南岡）', firstName: '咲香', emails: ['new@example.com'] },
  {
    employeeNumber: 'E1',
    familyName: '南岡',
    givenName: '咲香',
    familyNameKana: null,
    givenNameKana: null,
    previousFamilyNames: [],
    birthDate: null,
    emails: ['old@example.com'],
    phones: [],
  },
  { alumniCount: 1000, frequency: () => 2 },
  { corporateEmailDomains: new Set() },
);

describe('review item page: the evidence in the reviewer’s language', () => {
  it('in Japanese, fields, outcomes and what each piece of evidence says are Japanese', () => {
    const page = reviewItemPage(pageContext('ja', '/console/review/r1', null), {
      item: item(scored.evidence),
      people: new Map(),
    });
    expect(page).toContain('<td>姓</td>');
    expect(page).toContain('姓が一致（名簿の500人に1人）（応募者が申告した旧姓で照合）');
    expect(page).toContain('個人のメールアドレスが異なる');
    expect(page).toContain('メールアドレス');
    for (const e of scored.evidence) expect(page).not.toContain(e.detail);
    expect(page).not.toMatch(/agrees|differs|not given/u);
  });

  it('in English, the matcher’s detail', () => {
    const page = reviewItemPage(pageContext('en', '/console/review/r1', null), {
      item: item(scored.evidence),
      people: new Map(),
    });
    expect(page).toContain('<td>Family name</td>');
    expect(page).toContain('family name agrees (1 in 500) (read with the former surname the applicant gave)');
  });

  it('evidence stored before reasons were recorded is shown as it was, marked English', () => {
    const page = reviewItemPage(pageContext('ja', '/console/review/r1', null), {
      item: item([{ field: 'phone', outcome: 'disagree', weight: -0.5, detail: 'phone differs' }]),
      people: new Map(),
    });
    expect(page).toContain('<span class="hint" lang="en">phone differs</span>');
    expect(page).toContain('<td>電話番号</td><td>不一致');
  });
});

describe('review item page: the work history the applicant gave', () => {
  it('lists the employments with their months, escaped, in the viewer’s language', () => {
    const row = item(scored.evidence);
    row.applicant = {
      ...row.applicant,
      workHistory: [
        { company: '北星商事株式会社', title: '営業', startDate: '2013-04-01', endDate: '2015-10-31' },
        { company: '<b>Aozora</b>', title: null, startDate: '2015-11-01', endDate: null },
        { company: 'No dates Inc.', title: null, startDate: null, endDate: null },
      ],
    };
    const ja = reviewItemPage(pageContext('ja', '/console/review/r1', null), {
      item: row,
      people: new Map(),
    });
    expect(ja).toContain(
      '<dt>職歴</dt><dd>北星商事株式会社 (2013-04-01 – 2015-10-31); &lt;b&gt;Aozora&lt;/b&gt; (2015-11-01 – ); No dates Inc.</dd>',
    );
    const en = reviewItemPage(pageContext('en', '/console/review/r1', null), {
      item: row,
      people: new Map(),
    });
    expect(en).toContain('<dt>Work history</dt>');
    const none = reviewItemPage(pageContext('en', '/console/review/r1', null), {
      item: item(scored.evidence),
      people: new Map(),
    });
    expect(none).not.toContain('Work history');
  });
});

describe('review item page: what a reviewer needs for a surname change', () => {
  it('shows the former surname the applicant gave and the registry’s former surnames', () => {
    const row = item(scored.evidence);
    row.applicant = { ...row.applicant, formerFamilyNames: ['南岡'] };
    const person = {
      employeeNumber: 'E1',
      familyName: '北川',
      givenName: '咲香',
      familyNameKana: 'キタガワ',
      givenNameKana: 'サキカ',
      previousFamilyNames: ['南岡', '東'],
      emails: [],
      phones: [],
      hireDate: '2015-04-01',
      leaveDate: '2021-09-30',
      department: null,
      jobTitle: null,
    };
    const ja = reviewItemPage(pageContext('ja', '/console/review/r1', null), {
      item: row,
      people: new Map([['E1', person]]),
    });
    expect(ja).toContain('<dt>旧姓</dt><dd>南岡</dd>');
    expect(ja).toContain('<dt>旧姓</dt><dd>南岡, 東</dd>');
    const en = reviewItemPage(pageContext('en', '/console/review/r1', null), {
      item: item(scored.evidence),
      people: new Map([['E1', { ...person, previousFamilyNames: [] }]]),
    });
    // No former surname given: no row for the applicant; the registry's says there is none.
    expect(en.match(/Former surnames/gu)).toHaveLength(1);
    expect(en).toContain('<dt>Former surnames</dt><dd>—</dd>');
  });
});
