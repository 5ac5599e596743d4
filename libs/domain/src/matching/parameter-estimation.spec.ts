import {
  COMPARISON_FIELDS,
  COMPARISON_LEVELS,
  estimateParameters,
  patternFromKey,
  patternKey,
  tenantWeights,
  TENANT_WEIGHT_BOUNDS,
  type ComparisonField,
  type ComparisonPattern,
  type LevelProbabilities,
} from './parameter-estimation';
import { AUTO_MATCH_MIN_SCORE, matchProbability } from './match-decision';
import { MATCH_WEIGHTS, scoreCandidate } from './match-scoring';

/** Deterministic PRNG (mulberry32) so the synthetic sample is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRUE_M: Record<ComparisonField, LevelProbabilities> = {
  family_name: { agree: 0.8, partial: 0.05, disagree: 0.15 },
  given_name: { agree: 0.93, partial: 0.04, disagree: 0.03 },
  birth_date: { agree: 0.95, partial: 0.02, disagree: 0.03 },
  email: { agree: 0.45, partial: 0.05, disagree: 0.5 },
  phone: { agree: 0.55, partial: 0.01, disagree: 0.44 },
};
const TRUE_U: Record<ComparisonField, LevelProbabilities> = {
  family_name: { agree: 0.3, partial: 0.1, disagree: 0.6 },
  given_name: { agree: 0.2, partial: 0.05, disagree: 0.75 },
  birth_date: { agree: 0.01, partial: 0.04, disagree: 0.95 },
  email: { agree: 0.001, partial: 0.01, disagree: 0.989 },
  phone: { agree: 0.01, partial: 0.01, disagree: 0.98 },
};
/** Chance a field is missing from a pair, whatever the class. */
const MISSING: Record<ComparisonField, number> = {
  family_name: 0.05,
  given_name: 0.05,
  birth_date: 0.6,
  email: 0.3,
  phone: 0.3,
};

function draw(p: LevelProbabilities, x: number): 'agree' | 'partial' | 'disagree' {
  if (x < p.agree) return 'agree';
  if (x < p.agree + p.partial) return 'partial';
  return 'disagree';
}

function sample(
  n: number,
  lambda: number,
  seed: number,
): { patterns: ComparisonPattern[]; matches: string[] } {
  const r = rng(seed);
  const counts = new Map<string, number>();
  const matches: string[] = [];
  for (let i = 0; i < n; i++) {
    const isMatch = r() < lambda;
    const levels: ComparisonPattern['levels'] = {};
    for (const f of COMPARISON_FIELDS) {
      if (r() < MISSING[f]) continue;
      levels[f] = draw((isMatch ? TRUE_M : TRUE_U)[f], r());
    }
    const key = patternKey(levels);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (isMatch) matches.push(key);
  }
  return {
    patterns: [...counts].map(([key, count]) => ({ levels: patternFromKey(key), count })),
    matches,
  };
}

describe('estimateParameters (EM over comparison vectors)', () => {
  it('recovers known m, u and the match share from unlabelled synthetic vectors', () => {
    const { patterns } = sample(60_000, 0.2, 7);
    const est = estimateParameters(patterns);
    expect(est.converged).toBe(true);
    expect(est.pairs).toBe(60_000);
    expect(est.lambda).toBeCloseTo(0.2, 1);
    for (const f of COMPARISON_FIELDS) {
      for (const l of COMPARISON_LEVELS) {
        expect(Math.abs(est.fields[f].m[l] - TRUE_M[f][l])).toBeLessThan(0.03);
        expect(Math.abs(est.fields[f].u[l] - TRUE_U[f][l])).toBeLessThan(0.03);
      }
    }
  });

  it('labelled pairs (HR decisions) keep their class; mixed with unlabelled ones the estimate stays near the truth', () => {
    // A small sample: unlabelled alone is noisy; with labels on a third of it, m of the rare phone agreement holds.
    const { patterns } = sample(3000, 0.1, 11);
    const labelled = sample(1000, 0.5, 12);
    const matchKeys = new Map<string, number>();
    for (const k of labelled.matches) matchKeys.set(k, (matchKeys.get(k) ?? 0) + 1);
    const labelledPatterns: ComparisonPattern[] = [];
    for (const p of labelled.patterns) {
      const key = patternKey(p.levels);
      const m = matchKeys.get(key) ?? 0;
      if (m > 0) labelledPatterns.push({ levels: p.levels, count: m, label: 'match' });
      if (p.count - m > 0)
        labelledPatterns.push({ levels: p.levels, count: p.count - m, label: 'non-match' });
    }
    const est = estimateParameters([...patterns, ...labelledPatterns]);
    expect(est.labelled).toBe(1000);
    const error = (e: typeof est): number =>
      Math.max(
        ...COMPARISON_FIELDS.flatMap((f) =>
          COMPARISON_LEVELS.map((l) => Math.abs(e.fields[f].m[l] - TRUE_M[f][l])),
        ),
      );
    // Labelled alone: no mixture to resolve, m is the share among the confirmed pairs (up to the pseudo-count).
    const onlyLabels = estimateParameters(labelledPatterns);
    let agree = 0;
    let seen = 0;
    for (const p of labelledPatterns.filter((x) => x.label === 'match')) {
      if (p.levels.phone) seen += p.count;
      if (p.levels.phone === 'agree') agree += p.count;
    }
    expect(onlyLabels.fields.phone.m.agree).toBeCloseTo(agree / seen, 2);
    expect(onlyLabels.lambda).toBeCloseTo(labelled.matches.length / 1000, 6);
    expect(error(est)).toBeLessThan(0.1);
  });

  it('turns the estimate into bounded weights, and refuses on too few pairs', () => {
    const { patterns } = sample(60_000, 0.2, 3);
    const est = estimateParameters(patterns);
    const w = tenantWeights(est)!;
    expect(w.familyDisagree).toBeCloseTo(Math.log2(0.15 / 0.6), 0);
    // Only the returnees' behaviour (another address, phone, surname) is taken from the estimate.
    expect(Object.keys(w).sort()).toEqual(['emailDisagree', 'familyDisagree', 'phoneDisagree']);
    for (const [k, [min, max]] of Object.entries(TENANT_WEIGHT_BOUNDS)) {
      const v = w[k as keyof typeof w]!;
      expect(v).toBeGreaterThanOrEqual(min);
      expect(v).toBeLessThanOrEqual(max);
    }
    expect(tenantWeights(estimateParameters(sample(500, 0.2, 4).patterns))).toBeNull();
  });
});

describe('tenant weights in scoring', () => {
  it('replace the shipped weight of the fields they name, and leave the others', () => {
    const stats = { alumniCount: 1000, frequency: () => 10 };
    const a = {
      employeeNumber: 'E1',
      familyName: '山田',
      givenName: '太郎',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'タロウ',
      previousFamilyNames: [],
      birthDate: '1990-01-01',
      emails: ['taro@gmail.com'],
      phones: ['090-1111-2222'],
    };
    const p = { lastName: '佐藤', firstName: '太郎', birthDate: '1991-02-03', emails: ['x@gmail.com'] };
    const ctx = { corporateEmailDomains: new Set<string>() };
    const weight = (c: ReturnType<typeof scoreCandidate>, f: string) =>
      c.evidence.find((e) => e.field === f)!.weight;
    const shipped = scoreCandidate(p, a, stats, ctx);
    const tenant = scoreCandidate(p, a, stats, { ...ctx, weights: { familyDisagree: -1.5 } });
    expect(weight(shipped, 'family_name')).toBe(MATCH_WEIGHTS.familyDisagree);
    expect(weight(tenant, 'family_name')).toBe(-1.5);
    expect(weight(tenant, 'birth_date')).toBe(MATCH_WEIGHTS.birthDateDisagree);
    expect(tenant.score - shipped.score).toBeCloseTo(-1.5 - MATCH_WEIGHTS.familyDisagree, 6);
  });

  it('an automatic flag on estimated weights needs 99.8% posterior', () => {
    expect(AUTO_MATCH_MIN_SCORE).toBeCloseTo(Math.log2(499), 6);
    expect(matchProbability(AUTO_MATCH_MIN_SCORE)).toBeCloseTo(0.998, 6);
  });
});
