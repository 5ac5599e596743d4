// The fairness policy is data HR edits, so it is validated as untrusted input and never half-defaulted:
// a missing key is a problem, not a silent default.
import {
  DocumentChecker,
  isJsonObject,
  type DocumentPath,
  type DocumentProblem,
  type DocumentProblemCode,
  type JsonObject,
} from '../documents';

export type CheckSeverity = 'warn' | 'fail';

export interface CheckToggle {
  enabled: boolean;
  severity: CheckSeverity;
}

export interface FairnessPolicy {
  version: 1;
  /** Numeric score per rating letter: the regression's rating_score. */
  ratingScores: Record<string, number>;
  /** Numeric rank per job level (tenant grades): the regression's level_rank and the proposal's level factor. */
  levelRanks: Record<string, number>;
  wageGrowth: { annualRate: number };
  proposal: {
    experienceAwayPercentPerYear: number;
    experienceAwayMaxYears: number;
    ratingAdjustmentPercent: Record<string, number>;
    levelDifferencePercentPerStep: number;
    levelDifferenceMaxSteps: number;
    roundToYen: number;
  };
  checks: {
    premiumOverIncumbents: CheckToggle & { tolerancePercent: number; compareWithExperiencedMax: boolean };
    returneePenalty: CheckToggle & { tolerancePercent: number; compareWithCohortP25: boolean };
    outsideBand: CheckToggle;
    unexplainedPay: CheckToggle & {
      minCohort: number;
      minSmallerGenderGroup: number;
      maxStandardErrors: number;
    };
    genderGapImpact: CheckToggle & { thresholdPercent: number };
    smallCohort: CheckToggle;
  };
  privacy: { minCohort: number };
}

/** Mirrors config/fairness-policy.default.json (a test keeps the two equal). */
/** No statistic shown to anyone but HR may cover fewer people, whatever a tenant's policy says. */
export const MIN_PRIVACY_COHORT = 5;

export const DEFAULT_FAIRNESS_POLICY: FairnessPolicy = {
  version: 1,
  ratingScores: { S: 5, A: 4, B: 3, C: 2, D: 1 },
  levelRanks: { G1: 1, G2: 2, G3: 3, G4: 4, G5: 5, G6: 6, M1: 6, M2: 7, M3: 8, M4: 9 },
  wageGrowth: { annualRate: 0.025 },
  proposal: {
    experienceAwayPercentPerYear: 2,
    experienceAwayMaxYears: 5,
    ratingAdjustmentPercent: { S: 4, A: 2, B: 0, C: -2, D: -4 },
    levelDifferencePercentPerStep: 3,
    levelDifferenceMaxSteps: 2,
    roundToYen: 1000,
  },
  checks: {
    premiumOverIncumbents: {
      enabled: true,
      severity: 'warn',
      tolerancePercent: 0,
      compareWithExperiencedMax: true,
    },
    returneePenalty: { enabled: true, severity: 'fail', tolerancePercent: 0, compareWithCohortP25: true },
    outsideBand: { enabled: true, severity: 'fail' },
    unexplainedPay: {
      enabled: true,
      severity: 'warn',
      minCohort: 30,
      minSmallerGenderGroup: 5,
      maxStandardErrors: 2,
    },
    genderGapImpact: { enabled: true, severity: 'warn', thresholdPercent: 5 },
    smallCohort: { enabled: true, severity: 'warn' },
  },
  privacy: { minCohort: 5 },
};

/** Fairness policies report problems in the shared document dialect (JSON pointer, code, en/ja message). */
export type FairnessPolicyProblemCode = DocumentProblemCode;
export type FairnessPolicyProblem = DocumentProblem;

export type FairnessPolicyValidation =
  { ok: true; policy: FairnessPolicy } | { ok: false; problems: FairnessPolicyProblem[] };

type Obj = JsonObject;
type Path = DocumentPath;

class Collector extends DocumentChecker {
  /** A required number at `path`/`key`; NaN when it has a problem (the result is then discarded). */
  num(o: Obj, path: Path, key: string, min: number, max: number, integer = false): number {
    return this.number(o[key], [...path, key], { min, max, integer }) ?? NaN;
  }

  bool(o: Obj, path: Path, key: string): boolean {
    return this.boolean(o[key], [...path, key]) === true;
  }

  severity(o: Obj, path: Path, key: string): CheckSeverity {
    return this.oneOf(o[key], [...path, key], ['warn', 'fail'] as const) ?? 'warn';
  }

  numberMap(o: Obj, path: Path, key: string, min: number, max: number): Record<string, number> {
    const p = [...path, key];
    const v = o[key];
    if (!isJsonObject(v)) {
      if (v === undefined) this.required(p);
      else this.wrongType(p, { en: 'an object of numbers', ja: '数値のオブジェクト' }, v);
      return {};
    }
    const out: Record<string, number> = {};
    for (const k of Object.keys(v)) {
      if (k.trim() === '')
        this.empty([...p, k], { en: 'Keys must not be blank.', ja: 'キーを空白にはできません。' });
      out[k] = this.num(v, p, k, min, max);
    }
    return out;
  }
}

const CHECK_KEYS = ['enabled', 'severity'] as const;

/** Validates untrusted policy input and returns a fresh, fully typed copy; every problem is reported at once. */
export function validateFairnessPolicy(input: unknown): FairnessPolicyValidation {
  const c = new Collector();
  const root = c.object(
    input,
    [],
    ['version', 'ratingScores', 'levelRanks', 'wageGrowth', 'proposal', 'checks', 'privacy', 'comment'],
  );
  if (!root) return { ok: false, problems: c.problems };

  // The document's own version is its schema version: only 1 exists.
  c.oneOf(root.version, ['version'], [1]);
  if (root.comment !== undefined && typeof root.comment !== 'string') {
    c.wrongType(['comment'], { en: 'a string', ja: '文字列' }, root.comment);
  }
  const ratingScores = c.numberMap(root, [], 'ratingScores', -1000, 1000);
  const levelRanks = c.numberMap(root, [], 'levelRanks', -1000, 1000);

  const wg = c.object(root.wageGrowth, ['wageGrowth'], ['annualRate']);
  // Beyond ±20%/yr is almost certainly a percent typed as a ratio (2.5 instead of 0.025).
  const annualRate = wg ? c.num(wg, ['wageGrowth'], 'annualRate', -0.2, 0.2) : NaN;

  const pr = c.object(
    root.proposal,
    ['proposal'],
    [
      'experienceAwayPercentPerYear',
      'experienceAwayMaxYears',
      'ratingAdjustmentPercent',
      'levelDifferencePercentPerStep',
      'levelDifferenceMaxSteps',
      'roundToYen',
    ],
  );
  let proposal: FairnessPolicy['proposal'] | null = null;
  if (pr) {
    proposal = {
      experienceAwayPercentPerYear: c.num(pr, ['proposal'], 'experienceAwayPercentPerYear', 0, 20),
      experienceAwayMaxYears: c.num(pr, ['proposal'], 'experienceAwayMaxYears', 0, 40),
      ratingAdjustmentPercent: c.numberMap(pr, ['proposal'], 'ratingAdjustmentPercent', -50, 50),
      levelDifferencePercentPerStep: c.num(pr, ['proposal'], 'levelDifferencePercentPerStep', 0, 50),
      levelDifferenceMaxSteps: c.num(pr, ['proposal'], 'levelDifferenceMaxSteps', 0, 20, true),
      roundToYen: c.num(pr, ['proposal'], 'roundToYen', 1, 1_000_000, true),
    };
    // A rating adjustment for a rating the scale does not know could never apply: almost surely a typo.
    for (const k of Object.keys(proposal.ratingAdjustmentPercent)) {
      if (!(k in ratingScores)) {
        c.add(['proposal', 'ratingAdjustmentPercent', k], 'unknown_rating', {
          en: `Rating "${k}" is not in "ratingScores".`,
          ja: `評価「${k}」は「ratingScores」にありません。`,
        });
      }
    }
  }

  const ch = c.object(
    root.checks,
    ['checks'],
    [
      'premiumOverIncumbents',
      'returneePenalty',
      'outsideBand',
      'unexplainedPay',
      'genderGapImpact',
      'smallCohort',
    ],
  );
  let checks: FairnessPolicy['checks'] | null = null;
  if (ch) {
    const toggle = (key: string, extra: readonly string[]): { o: Obj; t: CheckToggle } | null => {
      const path = ['checks', key];
      const o = c.object(ch[key], path, [...CHECK_KEYS, ...extra]);
      return o
        ? { o, t: { enabled: c.bool(o, path, 'enabled'), severity: c.severity(o, path, 'severity') } }
        : null;
    };
    const pi = toggle('premiumOverIncumbents', ['tolerancePercent', 'compareWithExperiencedMax']);
    const rp = toggle('returneePenalty', ['tolerancePercent', 'compareWithCohortP25']);
    const ob = toggle('outsideBand', []);
    const up = toggle('unexplainedPay', ['minCohort', 'minSmallerGenderGroup', 'maxStandardErrors']);
    const gg = toggle('genderGapImpact', ['thresholdPercent']);
    const sc = toggle('smallCohort', []);
    if (pi && rp && ob && up && gg && sc) {
      checks = {
        premiumOverIncumbents: {
          ...pi.t,
          tolerancePercent: c.num(pi.o, ['checks', 'premiumOverIncumbents'], 'tolerancePercent', 0, 100),
          compareWithExperiencedMax: c.bool(
            pi.o,
            ['checks', 'premiumOverIncumbents'],
            'compareWithExperiencedMax',
          ),
        },
        returneePenalty: {
          ...rp.t,
          tolerancePercent: c.num(rp.o, ['checks', 'returneePenalty'], 'tolerancePercent', 0, 100),
          compareWithCohortP25: c.bool(rp.o, ['checks', 'returneePenalty'], 'compareWithCohortP25'),
        },
        outsideBand: ob.t,
        unexplainedPay: {
          ...up.t,
          // Four coefficients need more than four points to leave any residual degrees of freedom.
          minCohort: c.num(up.o, ['checks', 'unexplainedPay'], 'minCohort', 5, 1_000_000, true),
          minSmallerGenderGroup: c.num(
            up.o,
            ['checks', 'unexplainedPay'],
            'minSmallerGenderGroup',
            0,
            1_000_000,
            true,
          ),
          maxStandardErrors: c.num(up.o, ['checks', 'unexplainedPay'], 'maxStandardErrors', 0.5, 10),
        },
        genderGapImpact: {
          ...gg.t,
          thresholdPercent: c.num(gg.o, ['checks', 'genderGapImpact'], 'thresholdPercent', 0.1, 100),
        },
        smallCohort: sc.t,
      };
    }
  }

  const pv = c.object(root.privacy, ['privacy'], ['minCohort']);
  // Below 5 a statistic (a maximum, a quartile, a group mean) describes identifiable people (security.md).
  const privacyMin = pv ? c.num(pv, ['privacy'], 'minCohort', MIN_PRIVACY_COHORT, 1000, true) : NaN;

  if (c.problems.length > 0 || !proposal || !checks) {
    return { ok: false, problems: c.problems };
  }
  return {
    ok: true,
    policy: {
      version: 1,
      ratingScores,
      levelRanks,
      wageGrowth: { annualRate },
      proposal,
      checks,
      privacy: { minCohort: privacyMin },
    },
  };
}
