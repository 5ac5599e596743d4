// The fairness policy is data HR edits, so it is validated as untrusted input and never half-defaulted:
// a missing key is a problem, not a silent default.

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

export type FairnessPolicyProblemCode =
  | 'not_an_object'
  | 'missing'
  | 'unknown_key'
  | 'wrong_type'
  | 'out_of_range'
  | 'not_an_integer'
  | 'invalid_value'
  | 'unknown_rating';

export interface FairnessPolicyProblem {
  path: string;
  code: FairnessPolicyProblemCode;
  message: string;
}

export type FairnessPolicyValidation =
  { ok: true; policy: FairnessPolicy } | { ok: false; problems: FairnessPolicyProblem[] };

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Collector {
  readonly problems: FairnessPolicyProblem[] = [];
  add(path: string, code: FairnessPolicyProblemCode, message: string): void {
    this.problems.push({ path, code, message });
  }

  object(v: unknown, path: string, keys: readonly string[]): Obj | null {
    if (!isObject(v)) {
      this.add(
        path || '$',
        v === undefined ? 'missing' : 'not_an_object',
        `${path || 'policy'} must be an object`,
      );
      return null;
    }
    for (const k of Object.keys(v)) {
      if (!keys.includes(k)) this.add(join(path, k), 'unknown_key', `unknown key "${k}"`);
    }
    return v;
  }

  number(o: Obj, path: string, key: string, min: number, max: number, integer = false): number {
    const p = join(path, key);
    const v = o[key];
    if (v === undefined) {
      this.add(p, 'missing', `${p} is required`);
      return NaN;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(p, 'wrong_type', `${p} must be a finite number`);
      return NaN;
    }
    if (integer && !Number.isInteger(v)) this.add(p, 'not_an_integer', `${p} must be an integer`);
    if (v < min || v > max) this.add(p, 'out_of_range', `${p} must be between ${min} and ${max}, got ${v}`);
    return v;
  }

  boolean(o: Obj, path: string, key: string): boolean {
    const p = join(path, key);
    const v = o[key];
    if (typeof v !== 'boolean')
      this.add(p, v === undefined ? 'missing' : 'wrong_type', `${p} must be true or false`);
    return v === true;
  }

  severity(o: Obj, path: string, key: string): CheckSeverity {
    const p = join(path, key);
    const v = o[key];
    if (v !== 'warn' && v !== 'fail') {
      this.add(p, v === undefined ? 'missing' : 'invalid_value', `${p} must be "warn" or "fail"`);
      return 'warn';
    }
    return v;
  }

  numberMap(o: Obj, path: string, key: string, min: number, max: number): Record<string, number> {
    const p = join(path, key);
    const v = o[key];
    if (!isObject(v)) {
      this.add(p, v === undefined ? 'missing' : 'not_an_object', `${p} must be an object of numbers`);
      return {};
    }
    const out: Record<string, number> = {};
    for (const k of Object.keys(v)) {
      if (k.trim() === '') this.add(join(p, k), 'invalid_value', 'keys must not be blank');
      out[k] = this.number(v, p, k, min, max);
    }
    return out;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

const CHECK_KEYS = ['enabled', 'severity'] as const;

/** Validates untrusted policy input and returns a fresh, fully typed copy; every problem is reported at once. */
export function validateFairnessPolicy(input: unknown): FairnessPolicyValidation {
  const c = new Collector();
  const root = c.object(input, '', [
    'version',
    'ratingScores',
    'levelRanks',
    'wageGrowth',
    'proposal',
    'checks',
    'privacy',
    'comment',
  ]);
  if (!root) return { ok: false, problems: c.problems };

  if (root.version !== 1) {
    c.add('version', root.version === undefined ? 'missing' : 'invalid_value', 'version must be 1');
  }
  if (root.comment !== undefined && typeof root.comment !== 'string') {
    c.add('comment', 'wrong_type', 'comment must be a string');
  }
  const ratingScores = c.numberMap(root, '', 'ratingScores', -1000, 1000);
  const levelRanks = c.numberMap(root, '', 'levelRanks', -1000, 1000);

  const wg = c.object(root.wageGrowth, 'wageGrowth', ['annualRate']);
  // Beyond ±20%/yr is almost certainly a percent typed as a ratio (2.5 instead of 0.025).
  const annualRate = wg ? c.number(wg, 'wageGrowth', 'annualRate', -0.2, 0.2) : NaN;

  const pr = c.object(root.proposal, 'proposal', [
    'experienceAwayPercentPerYear',
    'experienceAwayMaxYears',
    'ratingAdjustmentPercent',
    'levelDifferencePercentPerStep',
    'levelDifferenceMaxSteps',
    'roundToYen',
  ]);
  let proposal: FairnessPolicy['proposal'] | null = null;
  if (pr) {
    proposal = {
      experienceAwayPercentPerYear: c.number(pr, 'proposal', 'experienceAwayPercentPerYear', 0, 20),
      experienceAwayMaxYears: c.number(pr, 'proposal', 'experienceAwayMaxYears', 0, 40),
      ratingAdjustmentPercent: c.numberMap(pr, 'proposal', 'ratingAdjustmentPercent', -50, 50),
      levelDifferencePercentPerStep: c.number(pr, 'proposal', 'levelDifferencePercentPerStep', 0, 50),
      levelDifferenceMaxSteps: c.number(pr, 'proposal', 'levelDifferenceMaxSteps', 0, 20, true),
      roundToYen: c.number(pr, 'proposal', 'roundToYen', 1, 1_000_000, true),
    };
    // A rating adjustment for a rating the scale does not know could never apply: almost surely a typo.
    for (const k of Object.keys(proposal.ratingAdjustmentPercent)) {
      if (!(k in ratingScores)) {
        c.add(
          `proposal.ratingAdjustmentPercent.${k}`,
          'unknown_rating',
          `rating "${k}" is not in ratingScores`,
        );
      }
    }
  }

  const ch = c.object(root.checks, 'checks', [
    'premiumOverIncumbents',
    'returneePenalty',
    'outsideBand',
    'unexplainedPay',
    'genderGapImpact',
    'smallCohort',
  ]);
  let checks: FairnessPolicy['checks'] | null = null;
  if (ch) {
    const toggle = (key: string, extra: readonly string[]): { o: Obj; t: CheckToggle } | null => {
      const path = `checks.${key}`;
      const o = c.object(ch[key], path, [...CHECK_KEYS, ...extra]);
      return o
        ? { o, t: { enabled: c.boolean(o, path, 'enabled'), severity: c.severity(o, path, 'severity') } }
        : null;
    };
    const pi = toggle('premiumOverIncumbents', ['tolerancePercent', 'compareWithExperiencedMax']);
    const rp = toggle('returneePenalty', ['tolerancePercent', 'compareWithCohortP25']);
    const ob = toggle('outsideBand', []);
    const up = toggle('unexplainedPay', ['minCohort', 'minSmallerGenderGroup', 'maxStandardErrors']);
    const gg = toggle('genderGapImpact', ['thresholdPercent']);
    const sc = toggle('smallCohort', []);
    if (pi && rp && ob && up && gg && sc) {
      const p = 'checks.';
      checks = {
        premiumOverIncumbents: {
          ...pi.t,
          tolerancePercent: c.number(pi.o, `${p}premiumOverIncumbents`, 'tolerancePercent', 0, 100),
          compareWithExperiencedMax: c.boolean(
            pi.o,
            `${p}premiumOverIncumbents`,
            'compareWithExperiencedMax',
          ),
        },
        returneePenalty: {
          ...rp.t,
          tolerancePercent: c.number(rp.o, `${p}returneePenalty`, 'tolerancePercent', 0, 100),
          compareWithCohortP25: c.boolean(rp.o, `${p}returneePenalty`, 'compareWithCohortP25'),
        },
        outsideBand: ob.t,
        unexplainedPay: {
          ...up.t,
          // Four coefficients need more than four points to leave any residual degrees of freedom.
          minCohort: c.number(up.o, `${p}unexplainedPay`, 'minCohort', 5, 1_000_000, true),
          minSmallerGenderGroup: c.number(
            up.o,
            `${p}unexplainedPay`,
            'minSmallerGenderGroup',
            0,
            1_000_000,
            true,
          ),
          maxStandardErrors: c.number(up.o, `${p}unexplainedPay`, 'maxStandardErrors', 0.5, 10),
        },
        genderGapImpact: {
          ...gg.t,
          thresholdPercent: c.number(gg.o, `${p}genderGapImpact`, 'thresholdPercent', 0.1, 100),
        },
        smallCohort: sc.t,
      };
    }
  }

  const pv = c.object(root.privacy, 'privacy', ['minCohort']);
  const privacyMin = pv ? c.number(pv, 'privacy', 'minCohort', 1, 1000, true) : NaN;

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
