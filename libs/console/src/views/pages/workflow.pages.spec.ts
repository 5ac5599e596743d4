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
