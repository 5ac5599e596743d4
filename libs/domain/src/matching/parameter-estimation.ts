import type { EvidenceOutcome, MatchEvidence } from './match-types';

/*
 * Unsupervised Fellegi–Sunter parameters per tenant (expectation–maximisation over comparison vectors, as
 * Splink and fastLink do). A comparison vector is the outcome per field of one applicant × candidate pair;
 * pairs are a mixture of matches (share λ) and non-matches, each field independent given the class. EM finds
 * λ, m = P(level | match) and u = P(level | non-match) that explain the observed vector counts. HR's review
 * decisions are labelled pairs: they enter with a fixed class instead of an estimated one.
 */
export const COMPARISON_FIELDS = ['family_name', 'given_name', 'birth_date', 'email', 'phone'] as const;
export type ComparisonField = (typeof COMPARISON_FIELDS)[number];
export type ComparisonLevel = Exclude<EvidenceOutcome, 'missing'>;
export const COMPARISON_LEVELS: readonly ComparisonLevel[] = ['agree', 'partial', 'disagree'];

/** One distinct comparison vector and how often it was seen (missing fields carry no information). */
export interface ComparisonPattern {
  levels: Partial<Record<ComparisonField, EvidenceOutcome>>;
  count: number;
  /** Set when a person decided the pair (confirm = match, reject or "not a returnee" = non-match). */
  label?: 'match' | 'non-match';
}

export type LevelProbabilities = Record<ComparisonLevel, number>;

export interface FieldParameters {
  m: LevelProbabilities;
  u: LevelProbabilities;
}

export interface EstimatedParameters {
  /** Share of compared pairs that are matches. */
  lambda: number;
  fields: Record<ComparisonField, FieldParameters>;
  /** Pairs the estimate rests on (unlabelled + labelled). */
  pairs: number;
  labelled: number;
  iterations: number;
  converged: boolean;
}

export const EM_SETTINGS = {
  maxIterations: 200,
  tolerance: 1e-6,
  /** Dirichlet pseudo-count per level: no probability collapses to 0 (a log weight of −∞) on a small sample. */
  pseudoCount: 0.5,
  /**
   * Below this many compared pairs the tenant keeps the shipped weights. EM on a mixture whose match class
   * is a few percent needs a few hundred matches to pin m within ±0.05 (binomial error ≈ √(m(1−m)/n)):
   * at λ ≈ 0.2 that is ~2,000 pairs, about 700 applicants' top three candidates.
   */
  minPairs: 2000,
} as const;

/** Key of a vector (stable order of fields); a = agree, p = partial, d = disagree, m = missing. */
export function patternKey(levels: ComparisonPattern['levels']): string {
  return COMPARISON_FIELDS.map((f) => (levels[f] ?? 'missing')[0]).join('');
}

const LEVEL_BY_LETTER: Record<string, EvidenceOutcome> = {
  a: 'agree',
  p: 'partial',
  d: 'disagree',
  m: 'missing',
};

export function patternFromKey(key: string): ComparisonPattern['levels'] {
  const levels: ComparisonPattern['levels'] = {};
  COMPARISON_FIELDS.forEach((f, i) => {
    const l = LEVEL_BY_LETTER[key[i] ?? 'm'] ?? 'missing';
    if (l !== 'missing') levels[f] = l;
  });
  return levels;
}

/** The comparison vector a scored candidate's evidence shows. */
export function comparisonLevels(evidence: readonly MatchEvidence[]): ComparisonPattern['levels'] {
  const levels: ComparisonPattern['levels'] = {};
  for (const e of evidence) {
    if ((COMPARISON_FIELDS as readonly string[]).includes(e.field) && e.outcome !== 'missing') {
      levels[e.field as ComparisonField] = e.outcome;
    }
  }
  return levels;
}

const uniform = (): LevelProbabilities => ({ agree: 1 / 3, partial: 1 / 3, disagree: 1 / 3 });

function initialParameters(): Record<ComparisonField, FieldParameters> {
  // Any start where agreement is likelier among matches works; these are the usual Splink-like guesses.
  const out = {} as Record<ComparisonField, FieldParameters>;
  for (const f of COMPARISON_FIELDS) {
    out[f] = {
      m: { agree: 0.9, partial: 0.05, disagree: 0.05 },
      u: { agree: 0.05, partial: 0.05, disagree: 0.9 },
    };
  }
  return out;
}

/** EM estimate of λ, m and u from comparison vectors (labelled ones keep their class). */
export function estimateParameters(
  patterns: readonly ComparisonPattern[],
  opts: { maxIterations?: number; tolerance?: number } = {},
): EstimatedParameters {
  const maxIterations = opts.maxIterations ?? EM_SETTINGS.maxIterations;
  const tolerance = opts.tolerance ?? EM_SETTINGS.tolerance;
  const rows = patterns.filter((p) => p.count > 0);
  const pairs = rows.reduce((s, p) => s + p.count, 0);
  const labelled = rows.filter((p) => p.label).reduce((s, p) => s + p.count, 0);
  let fields = initialParameters();
  let lambda = 0.1;
  let iterations = 0;
  let converged = false;
  if (pairs === 0) {
    return { lambda, fields, pairs, labelled, iterations, converged };
  }
  for (; iterations < maxIterations; iterations++) {
    // E-step: probability that each vector is a match.
    const mCounts = {} as Record<ComparisonField, LevelProbabilities>;
    const uCounts = {} as Record<ComparisonField, LevelProbabilities>;
    for (const f of COMPARISON_FIELDS) {
      const c = EM_SETTINGS.pseudoCount;
      mCounts[f] = { agree: c, partial: c, disagree: c };
      uCounts[f] = { agree: c, partial: c, disagree: c };
    }
    let matchMass = 0;
    for (const p of rows) {
      let r: number;
      if (p.label) r = p.label === 'match' ? 1 : 0;
      else {
        let lm = Math.log(lambda);
        let lu = Math.log(1 - lambda);
        for (const f of COMPARISON_FIELDS) {
          const l = p.levels[f];
          if (!l || l === 'missing') continue;
          lm += Math.log(fields[f].m[l]);
          lu += Math.log(fields[f].u[l]);
        }
        r = 1 / (1 + Math.exp(lu - lm));
      }
      matchMass += r * p.count;
      for (const f of COMPARISON_FIELDS) {
        const l = p.levels[f];
        if (!l || l === 'missing') continue;
        mCounts[f][l] += r * p.count;
        uCounts[f][l] += (1 - r) * p.count;
      }
    }
    // M-step: normalise the expected counts.
    const next = {} as Record<ComparisonField, FieldParameters>;
    let delta = 0;
    for (const f of COMPARISON_FIELDS) {
      next[f] = { m: normalise(mCounts[f]), u: normalise(uCounts[f]) };
      for (const l of COMPARISON_LEVELS) {
        delta = Math.max(
          delta,
          Math.abs(next[f].m[l] - fields[f].m[l]),
          Math.abs(next[f].u[l] - fields[f].u[l]),
        );
      }
    }
    const nextLambda = Math.min(Math.max(matchMass / pairs, 1e-6), 1 - 1e-6);
    delta = Math.max(delta, Math.abs(nextLambda - lambda));
    fields = next;
    lambda = nextLambda;
    if (delta < tolerance) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { lambda, fields, pairs, labelled, iterations, converged };
}

function normalise(c: LevelProbabilities): LevelProbabilities {
  const total = c.agree + c.partial + c.disagree;
  if (total <= 0) return uniform();
  return { agree: c.agree / total, partial: c.partial / total, disagree: c.disagree / total };
}

/**
 * The weights of MATCH_WEIGHTS a tenant's estimate may replace: how often this company's returnees come back
 * with another personal address, another phone, another surname. Those are m-probabilities of a disagreement,
 * which EM pins well on candidate pairs (every returnee is among them, strangers nearly always disagree).
 * Not estimated: agreement weights — the candidate pairs were chosen because they agree on names, contacts or
 * birth date, so their u says nothing about a stranger in the registry (estimates fell to the band's floor on
 * every set, and recall with them) — and given-name or birth-date disagreement within one person, a typo rate
 * too rare for an unlabelled estimate (they ended at the band's edge on every set).
 */
export type TenantWeightKey = 'emailDisagree' | 'phoneDisagree' | 'familyDisagree';
export type TenantWeights = Partial<Record<TenantWeightKey, number>>;

/*
 * Bounds on what an estimate may set: a band around what returnees plausibly do (keep a personal address more
 * often than not … hardly ever all change it; change surname a few percent of the time, at most about a fourth).
 */
export const TENANT_WEIGHT_BOUNDS: Record<TenantWeightKey, [min: number, max: number]> = {
  emailDisagree: [-3, 0],
  phoneDisagree: [-3, 0],
  familyDisagree: [-5, -2],
};

/** log2(m/u) per level, bounded (see TENANT_WEIGHT_BOUNDS); null when the estimate rests on too few pairs. */
export function tenantWeights(
  est: EstimatedParameters,
  minPairs: number = EM_SETTINGS.minPairs,
): TenantWeights | null {
  if (est.pairs < minPairs || !est.converged) return null;
  const w = (f: ComparisonField, l: ComparisonLevel): number =>
    Math.log2(est.fields[f].m[l] / est.fields[f].u[l]);
  const raw: Record<TenantWeightKey, number> = {
    emailDisagree: w('email', 'disagree'),
    phoneDisagree: w('phone', 'disagree'),
    familyDisagree: w('family_name', 'disagree'),
  };
  const out: TenantWeights = {};
  for (const k of Object.keys(raw) as TenantWeightKey[]) {
    const [min, max] = TENANT_WEIGHT_BOUNDS[k];
    out[k] = Math.round(Math.min(Math.max(raw[k], min), max) * 100) / 100;
  }
  return out;
}
