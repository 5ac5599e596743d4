/*
 * The applicant's work history as match evidence. A returnee's CV lists the company, usually with the months
 * they joined and left (Japanese 職歴 gives 年月, often in the era calendar). That names the company — the
 * applicant says they are a former employee — and the months pick out which of several namesakes they are,
 * exactly where a name alone cannot. It is what the applicant says, so it never makes an automatic flag on its
 * own (match-decision.ts: statedWeight).
 */

import type { EvidenceReason } from './evidence-text';

/** A work-history entry as the ATS gives it (dates as typed: 2015-04-01, 2015/4, 平成27年4月, 2015 …). */
export interface WorkHistoryClaim {
  company?: string | null;
  title?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

/** A month, or only a year when that is all the entry says. */
export interface HistoryDate {
  year: number;
  month: number | null;
}

export const WORK_HISTORY_WEIGHTS = {
  /** One end (joined or left) within two months of the registry's date: ~1 alumnus in 100 does that by chance. */
  monthAgrees: 6,
  /** The same year only (the entry gives no month): ~1 in 30. */
  yearAgrees: 4,
  /**
   * The entry names the company but no date can be compared: says "a former employee", not which one (the
   * prior already counts one alumnus in N; a third or so of applicants are returnees).
   */
  listsCompany: 2,
  /** The applicant worked here at another time: most likely another former employee of the same name. */
  periodDiffers: -4,
} as const;

/** Legal-form words and punctuation that do not tell companies apart (北星商事株式会社 = (株)北星商事 = 北星商事). */
const LEGAL_FORMS =
  /株式会社|有限会社|合同会社|合資会社|合名会社|\(株\)|\(有\)|\(同\)|kabushiki\s*kaisha|kabushikigaisha|\bk\.?\s?k\.?(?=\s|$)|\bco\b\.?,?\s*ltd\b\.?|\bcorporation\b|\bcorp\b\.?|\bincorporated\b|\binc\b\.?|\blimited\b|\bltd\b\.?|\bcompany\b|\bco\b\.?(?=\s|,|$)|\bllc\b|\bplc\b|\bgmbh\b/giu;
const NOT_NAME = /[\s\p{P}\p{S}]/gu;

/** A company name reduced to what identifies it (NFKC, lower case, no legal form, no spaces or punctuation). */
export function normaliseCompanyName(raw: string | null | undefined): string {
  if (!raw) return '';
  return raw.normalize('NFKC').toLowerCase().replace(LEGAL_FORMS, ' ').replace(NOT_NAME, '');
}

/** Public suffixes of company domains seen here (kitaboshi-shoji.co.jp → kitaboshi-shoji). */
const DOMAIN_SUFFIX =
  /\.(co|ne|or|ac|go|ed|gr|lg)\.jp$|\.(co\.uk|com\.au|com|jp|net|org|co|io|biz|info|inc)$/u;

/**
 * The names the tenant's company goes by, normalised: its name in the product and its company e-mail domains
 * (kitaboshi-shoji.co.jp → kitaboshishoji, which "Kitaboshi Shoji Co., Ltd." normalises to). Too short to be
 * telling (under 3 characters) is dropped.
 */
export function companyAliases(names: readonly string[], domains: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const n of names) {
    out.add(normaliseCompanyName(n));
    // "Kitaboshi Shoji (demo)", "Acme (Japan)": CVs leave the bracket out.
    out.add(normaliseCompanyName(n.normalize('NFKC').replace(/\([^)]*\)/gu, ' ')));
  }
  for (const d of domains) {
    const host = d.toLowerCase().replace(DOMAIN_SUFFIX, '');
    out.add(normaliseCompanyName(host.split('.').pop() ?? ''));
  }
  return [...out].filter((a) => a.length >= 3);
}

/** Whether an entry's company is the tenant's (equal, or the alias inside it: 北星商事東京支店). */
export function namesCompany(company: string | null | undefined, aliases: readonly string[]): boolean {
  const c = normaliseCompanyName(company);
  if (!c) return false;
  return aliases.some((a) => c === a || (a.length >= 4 && c.includes(a)));
}

/** The entries of a work history that name the company (none when the company's names are not known). */
export function entriesNamingCompany<E extends Pick<WorkHistoryClaim, 'company'>>(
  history: readonly E[] | undefined,
  aliases: readonly string[] | undefined,
): E[] {
  if (!history || !aliases || aliases.length === 0) return [];
  return history.filter((w) => namesCompany(w.company, aliases));
}

/** Japanese eras as CVs write them (令和2年, R2, 平成31年 …): year 1 of each. */
const ERAS: Record<string, number> = {
  令和: 2019,
  r: 2019,
  平成: 1989,
  h: 1989,
  昭和: 1926,
  s: 1926,
};

/** A month or year from an entry's date as typed; null when it is none (現在, present, blank, nonsense). */
export function parseHistoryDate(raw: string | null | undefined): HistoryDate | null {
  if (!raw) return null;
  const s = raw.normalize('NFKC').trim().toLowerCase();
  const era = /^(令和|平成|昭和|[rhs])\.?\s*(元|\d{1,2})\s*[年./-]\s*(?:(\d{1,2})\s*月?)?/u.exec(s);
  if (era) {
    const year = ERAS[era[1]] + (era[2] === '元' ? 1 : Number(era[2])) - 1;
    return checked(year, era[3]);
  }
  // Greenhouse's own examples write employments as MM/DD/YYYY (01/01/2012).
  const us = /^(\d{1,2})\/\d{1,2}\/(\d{4})$/u.exec(s);
  if (us) return checked(Number(us[2]), us[1]);
  const western = /^(\d{4})\s*(?:[年./-]\s*(\d{1,2})\s*(?:月|[./-]\s*\d{1,2}\s*日?|\b|$))?/u.exec(s);
  if (western) return checked(Number(western[1]), western[2]);
  return null;
}

function checked(year: number, month: string | undefined): HistoryDate | null {
  if (year < 1900 || year > 2100) return null;
  if (month === undefined) return { year, month: null };
  const m = Number(month);
  return m >= 1 && m <= 12 ? { year, month: m } : { year, month: null };
}

type EndComparison = 'month' | 'year' | 'near' | 'differs' | 'unknown';

/** One end of the period against the registry's date (YYYY-MM-DD). */
function compareEnd(claimed: HistoryDate | null, registry: string | null | undefined): EndComparison {
  if (!claimed || !registry) return 'unknown';
  const ry = Number(registry.slice(0, 4));
  const rm = Number(registry.slice(5, 7));
  if (!ry) return 'unknown';
  if (claimed.month === null) {
    const dy = Math.abs(claimed.year - ry);
    return dy === 0 ? 'year' : dy === 1 ? 'near' : 'differs';
  }
  const months = Math.abs(claimed.year * 12 + claimed.month - (ry * 12 + rm));
  return months <= 2 ? 'month' : months <= 12 ? 'near' : 'differs';
}

/** The evidence reasons of a work-history comparison (their texts are in evidence-text.ts). */
export type WorkHistoryReason = Extract<EvidenceReason, `work_history_${string}`>;

export interface WorkHistoryComparison {
  outcome: 'agree' | 'partial' | 'disagree';
  weight: number;
  reason: WorkHistoryReason;
}

const END_WEIGHT: Record<EndComparison, number> = {
  month: WORK_HISTORY_WEIGHTS.monthAgrees,
  year: WORK_HISTORY_WEIGHTS.yearAgrees,
  near: 0,
  differs: 0,
  unknown: 0,
};

/**
 * The applicant's entries that name the company, against one former employee's hire and leave dates: the best
 * entry counts (someone who came back twice lists two periods). Null when no entry names the company.
 */
export function compareWorkHistory(
  entries: readonly { start: HistoryDate | null; end: HistoryDate | null }[],
  alumnus: { hireDate?: string | null; leaveDate?: string | null },
): WorkHistoryComparison | null {
  let best: WorkHistoryComparison | null = null;
  for (const e of entries) {
    const start = compareEnd(e.start, alumnus.hireDate);
    const end = compareEnd(e.end, alumnus.leaveDate);
    let c: WorkHistoryComparison;
    if (start === 'differs' || end === 'differs') {
      c = {
        outcome: 'disagree',
        weight: WORK_HISTORY_WEIGHTS.periodDiffers,
        reason: 'work_history_period_differs',
      };
    } else {
      const agreed = END_WEIGHT[start] + END_WEIGHT[end];
      const both = END_WEIGHT[start] > 0 && END_WEIGHT[end] > 0;
      c =
        agreed === 0
          ? {
              outcome: 'partial',
              weight: WORK_HISTORY_WEIGHTS.listsCompany,
              reason: 'work_history_lists_company',
            }
          : {
              outcome: both ? 'agree' : 'partial',
              weight: agreed,
              reason: both ? 'work_history_period_agrees' : 'work_history_period_partly_agrees',
            };
    }
    if (!best || c.weight > best.weight) best = c;
  }
  return best;
}
