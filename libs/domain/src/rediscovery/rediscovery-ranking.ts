// Ranks former employees for one open job: department and job family, level within reach, skills (registry and
// exit interview), time away. Pure: the caller has already kept only the eligible, consenting people.
import { completedMonths, parseCalendarDate } from '../eligibility/calendar-date';

/** The open job as the ATS describes it. */
export interface RediscoveryJob {
  readonly jobId: string;
  readonly title: string;
  readonly department: string | null;
  readonly level: string | null;
}

/** What ranking may read about a former employee (nothing sensitive: no birth date, pay or departure reason). */
export interface RediscoveryCandidate {
  readonly employeeNumber: string;
  readonly department: string | null;
  readonly jobTitle: string | null;
  readonly jobLevel: string | null;
  readonly skills: readonly string[];
  /** What the exit interview recorded they might return for / are good at, when there was one. */
  readonly exitInterviewSkills?: readonly string[];
  /** YYYY-MM-DD */
  readonly leaveDate: string;
}

export type FitReasonCode =
  | 'same_department'
  | 'adjacent_department'
  | 'same_job_family'
  | 'same_level'
  | 'level_within_reach'
  | 'skills'
  | 'recently_left'
  | 'away_some_years';

/** One reason shown beside a ranked person, in both languages. */
export interface FitReason {
  readonly code: FitReasonCode;
  readonly points: number;
  readonly en: string;
  readonly ja: string;
}

export interface RankedCandidate {
  readonly employeeNumber: string;
  readonly score: number;
  readonly monthsAway: number;
  readonly reasons: readonly FitReason[];
}

export interface RankingOptions {
  /** YYYY-MM-DD: "today" in the tenant's zone. */
  readonly asOf: string;
  /** Department → departments HR counts as adjacent (both directions are read). */
  readonly adjacentDepartments?: Readonly<Record<string, readonly string[]>>;
  /** Skills the job asks for; default: the words of its title. */
  readonly jobSkills?: readonly string[];
  /** At most this many results (default 50). */
  readonly limit?: number;
}

/** Job families by keywords in a title (ja/en); the first family whose keyword appears wins. */
const JOB_FAMILIES: readonly { family: string; keywords: readonly string[] }[] = [
  {
    family: 'engineering',
    keywords: [
      'engineer',
      'developer',
      'backend',
      'frontend',
      'sre',
      'エンジニア',
      '開発',
      '研究',
      'プログラマ',
    ],
  },
  { family: 'data', keywords: ['data', 'analyst', 'データ', 'アナリスト'] },
  { family: 'design', keywords: ['design', 'ux', 'ui', 'デザイン'] },
  { family: 'sales', keywords: ['sales', 'account', '営業', 'セールス'] },
  { family: 'marketing', keywords: ['marketing', 'マーケティング', '広報'] },
  { family: 'hr', keywords: ['hr', 'human resources', 'recruit', '人事', '採用'] },
  { family: 'finance', keywords: ['finance', 'accounting', '経理', '財務'] },
  { family: 'product', keywords: ['product', 'pm', 'プロダクト', '企画'] },
];

/** The job family of a title or department name, or null when no keyword matches. */
export function jobFamilyOf(text: string | null): string | null {
  if (!text) return null;
  const t = text.toLowerCase();
  for (const f of JOB_FAMILIES) if (f.keywords.some((k) => t.includes(k))) return f.family;
  return null;
}

/**
 * A level code read as a rank: `G1`…`G9` are grades, `M1`… management above every grade (M1 = 10). Unknown codes
 * are null (then no level reason either way).
 */
export function levelRank(level: string | null): number | null {
  const m = /^\s*([GM])\s*(\d{1,2})\s*$/i.exec(level ?? '');
  if (!m) return null;
  const n = Number(m[2]);
  return m[1].toUpperCase() === 'G' ? n : 9 + n;
}

/** A level gap beyond this is out of reach: the person is not listed at all. */
export const MAX_LEVEL_GAP = 2;

const POINTS = {
  same_department: 40,
  adjacent_department: 20,
  same_job_family: 25,
  same_level: 20,
  level_within_reach_1: 12,
  level_within_reach_2: 4,
  skill: 6,
  skills_cap: 24,
  recently_left: 10,
  away_some_years: 5,
} as const;

function norm(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

function adjacent(map: RankingOptions['adjacentDepartments'], a: string | null, b: string | null): boolean {
  if (!map || !a || !b) return false;
  const na = norm(a);
  const nb = norm(b);
  for (const [k, vs] of Object.entries(map)) {
    const nk = norm(k);
    const others = vs.map(norm);
    if ((nk === na && others.includes(nb)) || (nk === nb && others.includes(na))) return true;
  }
  return false;
}

function titleWords(title: string): string[] {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s/,、・()（）-]+/)
    .filter((w) => w.length >= 2);
}

/**
 * Scores one person for the job, with the reasons; null when they do not fit at all (no department, family or
 * skill in common, or a level out of reach).
 */
export function scoreRediscoveryCandidate(
  job: RediscoveryJob,
  c: RediscoveryCandidate,
  opts: RankingOptions,
): RankedCandidate | null {
  return scoreWith(prepareJob(job, opts), c);
}

/** What one ranking call computes once about the job (a registry-wide ranking scores thousands of people). */
interface PreparedJob {
  readonly job: RediscoveryJob;
  readonly opts: RankingOptions;
  readonly jobLevel: number | null;
  readonly jobDepartment: string | null;
  readonly jobFamily: string | null;
  readonly wanted: ReadonlySet<string>;
  readonly today: ReturnType<typeof parseCalendarDate>;
  /** Per distinct text: normalised form and job family (people share a few departments and titles). */
  readonly memo: Map<string, { norm: string; family: string | null }>;
}

function prepareJob(job: RediscoveryJob, opts: RankingOptions): PreparedJob {
  return {
    job,
    opts,
    jobLevel: levelRank(job.level),
    jobDepartment: job.department ? norm(job.department) : null,
    jobFamily: jobFamilyOf(job.title) ?? jobFamilyOf(job.department),
    wanted: new Set((opts.jobSkills ?? titleWords(job.title)).map(norm)),
    today: parseCalendarDate(opts.asOf),
    memo: new Map(),
  };
}

function memoOf(p: PreparedJob, text: string): { norm: string; family: string | null } {
  let m = p.memo.get(text);
  if (!m) {
    m = { norm: norm(text), family: jobFamilyOf(text) };
    p.memo.set(text, m);
  }
  return m;
}

function scoreWith(p: PreparedJob, c: RediscoveryCandidate): RankedCandidate | null {
  const { job, opts } = p;
  const reasons: FitReason[] = [];
  const add = (code: FitReasonCode, points: number, en: string, ja: string) =>
    reasons.push({ code, points, en, ja });

  const jobLevel = p.jobLevel;
  const theirLevel = levelRank(c.jobLevel);
  if (jobLevel !== null && theirLevel !== null) {
    const gap = Math.abs(jobLevel - theirLevel);
    if (gap > MAX_LEVEL_GAP) return null;
    if (gap === 0)
      add('same_level', POINTS.same_level, `Same level (${c.jobLevel})`, `同じ等級（${c.jobLevel}）`);
    else
      add(
        'level_within_reach',
        gap === 1 ? POINTS.level_within_reach_1 : POINTS.level_within_reach_2,
        `Level within reach (${c.jobLevel} → ${job.level})`,
        `等級が近い（${c.jobLevel} → ${job.level}）`,
      );
  }

  let fits = false;
  const dept = c.department ? memoOf(p, c.department) : null;
  if (p.jobDepartment && dept && p.jobDepartment === dept.norm) {
    add(
      'same_department',
      POINTS.same_department,
      `Same department (${c.department})`,
      `同じ部署（${c.department}）`,
    );
    fits = true;
  } else if (adjacent(opts.adjacentDepartments, job.department, c.department)) {
    add(
      'adjacent_department',
      POINTS.adjacent_department,
      `Adjacent department (${c.department})`,
      `関連部署（${c.department}）`,
    );
    fits = true;
  }
  const jobFamily = p.jobFamily;
  const theirFamily = (c.jobTitle ? memoOf(p, c.jobTitle).family : null) ?? dept?.family ?? null;
  if (jobFamily && jobFamily === theirFamily) {
    add(
      'same_job_family',
      POINTS.same_job_family,
      `Same job family (${jobFamily})`,
      `同じ職種（${jobFamily}）`,
    );
    fits = true;
  }

  const wanted = p.wanted;
  const own = c.exitInterviewSkills ? [...c.skills, ...c.exitInterviewSkills] : c.skills;
  const shared =
    own.length === 0
      ? []
      : [...new Set(own.map((s) => memoOf(p, s).norm))].filter((s) => wanted.has(s)).sort();
  if (shared.length > 0) {
    add(
      'skills',
      Math.min(POINTS.skills_cap, shared.length * POINTS.skill),
      `Skills: ${shared.join(', ')}`,
      `スキル：${shared.join('、')}`,
    );
    fits = true;
  }
  if (!fits) return null;

  const left = parseCalendarDate(c.leaveDate);
  const today = p.today;
  const monthsAway = left && today ? Math.max(0, completedMonths(left, today)) : 0;
  if (monthsAway <= 24)
    add('recently_left', POINTS.recently_left, `Left ${monthsAway} months ago`, `退職後${monthsAway}か月`);
  else if (monthsAway <= 60)
    add(
      'away_some_years',
      POINTS.away_some_years,
      `Away ${Math.floor(monthsAway / 12)} years (experience elsewhere)`,
      `離職後${Math.floor(monthsAway / 12)}年（社外経験あり）`,
    );

  const score = reasons.reduce((s, r) => s + r.points, 0);
  return { employeeNumber: c.employeeNumber, score, monthsAway, reasons };
}

/** Best first; ties by shorter time away, then employee number (stable across runs). */
export function rankRediscoveryCandidates(
  job: RediscoveryJob,
  candidates: Iterable<RediscoveryCandidate>,
  opts: RankingOptions,
): RankedCandidate[] {
  const limit = opts.limit ?? 50;
  const out: RankedCandidate[] = [];
  const prepared = prepareJob(job, opts);
  for (const c of candidates) {
    const r = scoreWith(prepared, c);
    if (r) out.push(r);
  }
  out.sort(
    (a, b) =>
      b.score - a.score ||
      a.monthsAway - b.monthsAway ||
      (a.employeeNumber < b.employeeNumber ? -1 : a.employeeNumber > b.employeeNumber ? 1 : 0),
  );
  return out.slice(0, limit);
}

/** The level codes within reach of a job's level (the SQL prefilter's list); [] when the level is unknown. */
export function levelsWithinReach(level: string | null): string[] {
  const rank = levelRank(level);
  if (rank === null) return [];
  const codes: string[] = [];
  for (let r = Math.max(1, rank - MAX_LEVEL_GAP); r <= rank + MAX_LEVEL_GAP; r++)
    codes.push(r <= 9 ? `G${r}` : `M${r - 9}`);
  return codes;
}

/** Words of a job title that may name a skill (the prefilter's skill list and the default job skills). */
export function jobTitleSkills(title: string): string[] {
  return titleWords(title);
}
