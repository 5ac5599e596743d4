/**
 * The disclosure report (shared/spec/alumni-line.md, "Outcomes and disclosure"): every figure of a period from
 * plain facts, under the cohort privacy rule of security.md — no figure over fewer than `minCohort` people
 * (at least 5), and no hidden figure derivable by subtraction from the figures shown.
 *
 * Counts of 1 to minCohort−1 people are hidden (primary suppression); 0 is shown, it describes nobody. Where
 * figures add up (hires = returnees + others, the period = its quarters, the registry = consenting + not), a
 * partition with exactly one hidden part would give it away by subtraction, so the smallest other part is hidden
 * too (complementary suppression), repeated until no sum gives a hidden figure away. Medians and totals over
 * people are shown only when they cover at least minCohort people; a rate only when both its counts are shown.
 */
export const DISCLOSURE_MIN_COHORT = 5;

export type Figure = { value: number; suppressed: false } | { value: null; suppressed: true };

export interface InvitationFunnelCounts {
  sent: number;
  opened: number;
  applied: number;
  fastTracked: number;
  hired: number;
}

/** One hire the ATS reported in the period (hires undone are left out by the caller). */
export interface HireFact {
  /** ISO time. */
  hiredAt: string;
  returnee: boolean;
  fastTracked: boolean;
  daysToOffer: number | null;
  daysSaved: number;
  compaRatio: number | null;
  /** Median compa-ratio of the incumbent cohort the offer was checked against. */
  incumbentCompaRatio: number | null;
}

/** A returnee hired twelve months before the period, and when they left again (null: still with us). */
export interface RetentionFact {
  hiredAt: string;
  leftAt: string | null;
}

export interface DisclosureInput {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, exclusive. */
  to: string;
  /** The tenant's own minimum; the rule never goes below 5. */
  minCohort?: number;
  registry: { alumni: number; consented: number };
  /** Null when invitations are not connected: shown as such, never as zeros. */
  funnel: InvitationFunnelCounts | null;
  returneeApplications: number;
  fastTracked: number;
  hires: readonly HireFact[];
  /** Returnees hired in [from − 12 months, to − 12 months); null when no source of leave dates. */
  retention: readonly RetentionFact[] | null;
}

export interface QuarterFigures {
  /** e.g. `2026-Q3`. */
  quarter: string;
  allHires: Figure;
  returneeHires: Figure;
}

export interface DisclosureReport {
  from: string;
  to: string;
  minCohort: number;
  registry: { alumni: Figure; consented: Figure; consentRatePercent: Figure };
  funnel: { sent: Figure; opened: Figure; applied: Figure; fastTracked: Figure; hired: Figure } | null;
  returneeApplications: Figure;
  fastTracked: Figure;
  hires: { all: Figure; returnee: Figure; returneeSharePercent: Figure };
  retention: { cohort: Figure; stayed: Figure; ratePercent: Figure } | null;
  payParity: { returneeMedianCompaRatio: Figure; incumbentMedianCompaRatio: Figure };
  timeSaved: {
    totalDaysSaved: Figure;
    returneeMedianDaysToOffer: Figure;
    otherMedianDaysToOffer: Figure;
  };
  quarters: QuarterFigures[];
}

const shown = (value: number): Figure => ({ value, suppressed: false });
const hidden: Figure = { value: null, suppressed: true };

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A statistic over `n` people: shown only when n reaches the minimum. */
function statistic(values: readonly number[], k: number, digits: number): Figure {
  const m = median(values);
  return values.length >= k && m !== null ? shown(round(m, digits)) : hidden;
}

function rate(part: Figure, whole: Figure): Figure {
  if (part.suppressed || whole.suppressed || whole.value === 0) return hidden;
  return shown(round((part.value / whole.value) * 100, 1));
}

/** Figures that add up: `total` = sum of `parts` (indexes into one value list). */
export interface SumConstraint {
  total: number;
  parts: number[];
}

/**
 * Which of `values` may be shown: 1..k−1 hidden, then, while some sum has exactly one unknown (a hidden part of
 * a shown total, or a hidden total of shown parts), the smallest positive shown figure of that sum is hidden too.
 * Pure and deterministic (ties: the first index).
 */
export function protectFigures(
  values: readonly number[],
  sums: readonly SumConstraint[],
  k: number,
): boolean[] {
  const hide = values.map((v) => v > 0 && v < k);
  for (let changed = true; changed;) {
    changed = false;
    for (const c of sums) {
      const members = [c.total, ...c.parts];
      const unknown = members.filter((i) => hide[i]);
      if (unknown.length !== 1) continue;
      // One unknown in a sum is derivable; a zero unknown gives nothing away.
      if (values[unknown[0]] === 0) continue;
      const candidates = c.parts.filter((i) => !hide[i] && values[i] > 0);
      const pick = candidates.sort((a, b) => values[a] - values[b] || a - b)[0];
      const target = pick ?? (hide[c.total] ? undefined : c.total);
      if (target === undefined) continue;
      hide[target] = true;
      changed = true;
    }
  }
  return hide.map((h) => !h);
}

/** `2026-Q1` … for every quarter that overlaps [from, to). */
export function quartersOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  for (;;) {
    const start = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    if (start >= to) break;
    out.push(`${y}-Q${q + 1}`);
    q++;
    if (q === 4) {
      q = 0;
      y++;
    }
  }
  return out;
}

export function quarterOf(isoTime: string): string {
  return `${isoTime.slice(0, 4)}-Q${Math.floor((Number(isoTime.slice(5, 7)) - 1) / 3) + 1}`;
}

function addMonths(isoDate: string, months: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Stayed twelve months: not left again within a year of the hire. */
export function stayedTwelveMonths(f: RetentionFact): boolean {
  return f.leftAt === null || f.leftAt.slice(0, 10) >= addMonths(f.hiredAt, 12);
}

export function composeDisclosureReport(input: DisclosureInput): DisclosureReport {
  const k = Math.max(DISCLOSURE_MIN_COHORT, input.minCohort ?? 0);
  const quarters = quartersOf(input.from, input.to);
  const returnees = input.hires.filter((h) => h.returnee);
  const others = input.hires.filter((h) => !h.returnee);

  // One value list for every count that takes part in a sum, so suppression sees them all at once.
  const values: number[] = [];
  const at = (v: number): number => values.push(v) - 1;
  const iAll = at(input.hires.length);
  const iRet = at(returnees.length);
  const iOth = at(others.length);
  const qIdx = quarters.map((q) => {
    const inQ = input.hires.filter((h) => quarterOf(h.hiredAt) === q);
    const ret = inQ.filter((h) => h.returnee).length;
    return { all: at(inQ.length), ret: at(ret), oth: at(inQ.length - ret) };
  });
  const iAlumni = at(input.registry.alumni);
  const iConsented = at(input.registry.consented);
  const iNotConsented = at(input.registry.alumni - input.registry.consented);
  const stayed = input.retention?.filter(stayedTwelveMonths).length ?? 0;
  const iCohort = at(input.retention?.length ?? 0);
  const iStayed = at(stayed);
  const iLeft = at((input.retention?.length ?? 0) - stayed);
  const sums: SumConstraint[] = [
    { total: iAll, parts: [iRet, iOth] },
    { total: iAlumni, parts: [iConsented, iNotConsented] },
    { total: iCohort, parts: [iStayed, iLeft] },
    ...qIdx.map((q) => ({ total: q.all, parts: [q.ret, q.oth] })),
  ];
  if (qIdx.length > 0) {
    sums.push({ total: iAll, parts: qIdx.map((q) => q.all) });
    sums.push({ total: iRet, parts: qIdx.map((q) => q.ret) });
    sums.push({ total: iOth, parts: qIdx.map((q) => q.oth) });
  }
  const visible = protectFigures(values, sums, k);
  const fig = (i: number): Figure => (visible[i] ? shown(values[i]) : hidden);
  const count = (v: number): Figure => (v > 0 && v < k ? hidden : shown(v));

  const all = fig(iAll);
  const ret = fig(iRet);
  const alumni = fig(iAlumni);
  const consented = fig(iConsented);
  const cohort = fig(iCohort);
  const stayedFig = fig(iStayed);
  const returneesShownAsGroup = returnees.length >= k;
  return {
    from: input.from,
    to: input.to,
    minCohort: k,
    registry: { alumni, consented, consentRatePercent: rate(consented, alumni) },
    funnel: input.funnel
      ? {
          sent: count(input.funnel.sent),
          opened: count(input.funnel.opened),
          applied: count(input.funnel.applied),
          fastTracked: count(input.funnel.fastTracked),
          hired: count(input.funnel.hired),
        }
      : null,
    returneeApplications: count(input.returneeApplications),
    fastTracked: count(input.fastTracked),
    hires: { all, returnee: ret, returneeSharePercent: rate(ret, all) },
    retention: input.retention ? { cohort, stayed: stayedFig, ratePercent: rate(stayedFig, cohort) } : null,
    payParity: {
      returneeMedianCompaRatio: statistic(
        returnees.flatMap((h) => (h.compaRatio === null ? [] : [h.compaRatio])),
        k,
        2,
      ),
      incumbentMedianCompaRatio: statistic(
        returnees.flatMap((h) => (h.incumbentCompaRatio === null ? [] : [h.incumbentCompaRatio])),
        k,
        2,
      ),
    },
    timeSaved: {
      totalDaysSaved: returneesShownAsGroup
        ? shown(
            round(
              returnees.reduce((s, h) => s + h.daysSaved, 0),
              1,
            ),
          )
        : hidden,
      returneeMedianDaysToOffer: statistic(
        returnees.flatMap((h) => (h.daysToOffer === null ? [] : [h.daysToOffer])),
        k,
        1,
      ),
      otherMedianDaysToOffer: statistic(
        others.flatMap((h) => (h.daysToOffer === null ? [] : [h.daysToOffer])),
        k,
        1,
      ),
    },
    quarters: quarters.map((quarter, n) => ({
      quarter,
      allHires: fig(qIdx[n].all),
      returneeHires: fig(qIdx[n].ret),
    })),
  };
}
