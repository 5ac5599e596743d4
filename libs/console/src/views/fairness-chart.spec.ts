import { fairnessChartSvg } from './fairness-chart';

const labels = { title: 'Offer <vs> cohort', description: 'd' };
const cohort = { n: 40, p10: 5_000_000, p25: 5_500_000, p50: 6_000_000, p75: 6_500_000, p90: 7_000_000 };

describe('fairnessChartSvg', () => {
  it('draws the P10–P90 and P25–P75 bands, the median and the offer', () => {
    const svg = fairnessChartSvg({ offer: 6_200_000, cohort, minCohort: 5, labels })!.value;
    expect(svg).toContain('role="img"');
    expect(svg).toContain('Offer &lt;vs&gt; cohort');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('class="median"');
    expect(svg).toContain('Offer 620万');
    expect(svg).toContain('P90 700万');
  });

  it('shows no cohort statistic below 5 incumbents (or the policy minimum)', () => {
    expect(fairnessChartSvg({ offer: 1, cohort: { ...cohort, n: 4 }, minCohort: 3, labels })).toBeNull();
    expect(fairnessChartSvg({ offer: 1, cohort: { ...cohort, n: 6 }, minCohort: 10, labels })).toBeNull();
    expect(fairnessChartSvg({ offer: 1, cohort: null, minCohort: 5, labels })).toBeNull();
  });
});
