// The offer against its cohort's pay distribution as inline SVG: P10–P90 band, P25–P75 band, the median and the
// offer. Built from numbers only (no user text inside the SVG), so CSP and escaping stay trivial.
import { escapeHtml, trusted, type SafeHtml } from './html';

export interface ChartInput {
  offer: number;
  cohort: { n: number; p10: number; p25: number; p50: number; p75: number; p90: number } | null;
  /** Below this many incumbents no cohort statistic is drawn, for anyone. */
  minCohort: number;
  labels: { title: string; description: string };
}

const W = 640;
const H = 150;
const PAD = 40;

export function fairnessChartSvg(input: ChartInput): SafeHtml | null {
  const c = input.cohort;
  if (!c || c.n < Math.max(5, input.minCohort)) return null;
  const values = [c.p10, c.p90, input.offer];
  const lo = Math.min(...values) * 0.95;
  const hi = Math.max(...values) * 1.05;
  const x = (v: number): number => Math.round((PAD + ((v - lo) / (hi - lo || 1)) * (W - 2 * PAD)) * 10) / 10;
  const man = (v: number): string =>
    `${(v / 10_000).toLocaleString('en-US', { maximumFractionDigits: 0 })}万`;
  const ticks = [c.p10, c.p25, c.p50, c.p75, c.p90];
  const tickLabels = ['P10', 'P25', 'P50', 'P75', 'P90'];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="chart-title chart-desc">`,
    `<title id="chart-title">${escapeHtml(input.labels.title)}</title>`,
    `<desc id="chart-desc">${escapeHtml(input.labels.description)}</desc>`,
    `<line class="axis" x1="${PAD}" y1="100" x2="${W - PAD}" y2="100"/>`,
    `<rect class="band-outer" x="${x(c.p10)}" y="50" width="${x(c.p90) - x(c.p10)}" height="40"/>`,
    `<rect class="band-inner" x="${x(c.p25)}" y="50" width="${x(c.p75) - x(c.p25)}" height="40"/>`,
    `<line class="median" x1="${x(c.p50)}" y1="46" x2="${x(c.p50)}" y2="94"/>`,
    ...ticks.map(
      (v, i) =>
        `<line class="axis" x1="${x(v)}" y1="96" x2="${x(v)}" y2="104"/><text x="${x(v)}" y="${i % 2 === 0 ? 118 : 132}" text-anchor="middle">${tickLabels[i]} ${man(v)}</text>`,
    ),
    `<line class="offer" x1="${x(input.offer)}" y1="30" x2="${x(input.offer)}" y2="100"/>`,
    `<text x="${x(input.offer)}" y="22" text-anchor="middle" font-weight="700">Offer ${man(input.offer)}</text>`,
    `</svg>`,
  ];
  return trusted(parts.join(''));
}
