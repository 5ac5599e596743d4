import { composeDisclosureReport, type HireFact } from '@comeback/domain';
import { pageContext } from '../layout';
import { outcomesCsv, outcomesReportPage, type OutcomesPageData } from './outcomes.pages';

const hire = (returnee: boolean): HireFact => ({
  hiredAt: '2026-02-10T00:00:00Z',
  returnee,
  fastTracked: returnee,
  daysToOffer: 12,
  daysSaved: 14,
  compaRatio: 1,
  incumbentCompaRatio: 1,
});

function data(hires: HireFact[]): OutcomesPageData {
  return {
    ...composeDisclosureReport({
      from: '2026-01-01',
      to: '2026-04-01',
      registry: { alumni: 120, consented: 80 },
      funnel: null,
      returneeApplications: 3,
      fastTracked: 3,
      hires,
      retention: null,
    }),
    invitationsConnected: false,
    retentionSource: 'registry_imports',
  };
}

describe('outcomes report views', () => {
  it('the CSV gives hidden figures as an empty cell with the reason, in the chosen language', () => {
    // 3 returnees among 12 hires: the 3 and the 9 others are hidden (12 − 9 = 3).
    const r = data([
      ...Array.from({ length: 3 }, () => hire(true)),
      ...Array.from({ length: 9 }, () => hire(false)),
    ]);
    const en = outcomesCsv(pageContext('en', '/', null), r);
    expect(en.startsWith('\uFEFF')).toBe(true);
    expect(en).toContain('Hires,Returnee hires,,fewer than 5 (not shown)');
    expect(en).toContain('Hires,"Mid-career hires (all, from the ATS)",12,');
    expect(en).toContain('Applications,Returnee applications,,fewer than 5 (not shown)');
    expect(en).toContain('Personal invitations,Personal invitations,,Not connected');
    const ja = outcomesCsv(pageContext('ja', '/', null), r);
    expect(ja).toContain('採用,アルムナイ採用数,,5人未満（非表示）');
  });

  it('the page: the figures, the quarter chart, "not connected" for invitations, the export links', () => {
    const r = data(Array.from({ length: 6 }, () => hire(true)));
    const page = outcomesReportPage(pageContext('ja', '/console/reports/outcomes', null), r);
    expect(page).toContain('アルムナイ採用比率（%）');
    expect(page).toContain('<td>100</td>');
    expect(page).toContain('未接続：招待の機能はまだ利用できません。');
    expect(page).toContain('role="img"');
    expect(page).toContain('/console/reports/outcomes/csv?from=2026-01-01&amp;to=2026-04-01&amp;lang=ja');
  });
});
