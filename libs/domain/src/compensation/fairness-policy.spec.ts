import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FAIRNESS_POLICY, validateFairnessPolicy } from './fairness-policy';

const DEFAULT_JSON_PATH = join(__dirname, '../../../../config/fairness-policy.default.json');

type Json = Record<string, unknown>;

function clone(): Json {
  return JSON.parse(JSON.stringify(DEFAULT_FAIRNESS_POLICY)) as Json;
}

/** Sets (or with `undefined`, deletes) a dotted path in a JSON object. */
function set(obj: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((o, k) => o[k] as Json, obj);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

describe('validateFairnessPolicy', () => {
  it('accepts config/fairness-policy.default.json, which equals DEFAULT_FAIRNESS_POLICY', () => {
    const v = validateFairnessPolicy(JSON.parse(readFileSync(DEFAULT_JSON_PATH, 'utf8')));
    expect(v).toEqual({ ok: true, policy: DEFAULT_FAIRNESS_POLICY });
  });

  it('rejects a non-object', () => {
    expect(validateFairnessPolicy(null)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ path: '', code: 'type' })],
    });
    expect(validateFairnessPolicy([])).toMatchObject({ ok: false });
  });

  it('reports every problem with its path and code', () => {
    const p = clone();
    set(p, 'version', 2);
    set(p, 'wageGrowth.annualRate', 2.5); // a percent typed where a ratio belongs
    set(p, 'checks.premiumOverIncumbents.severity', 'block');
    set(p, 'checks.unexplainedPay.maxStandardErrors', undefined);
    set(p, 'checks.unexplainedPay.minCohort', 30.5);
    set(p, 'checks.genderGapImpact.thresholdPercent', '5');
    set(p, 'privacy.minCohort', 0);
    set(p, 'proposal.ratingAdjustmentPercent.Z', 3);
    set(p, 'checks.outsideBand.enabled', 'yes');
    set(p, 'extra', true);
    const v = validateFairnessPolicy(p);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const got = v.problems.map((x) => `${x.path}:${x.code}`).sort();
    expect(got).toEqual(
      [
        '/version:enum',
        '/extra:unknown_key',
        '/wageGrowth/annualRate:range',
        '/checks/premiumOverIncumbents/severity:enum',
        '/checks/unexplainedPay/maxStandardErrors:required',
        '/checks/unexplainedPay/minCohort:integer',
        '/checks/genderGapImpact/thresholdPercent:type',
        '/privacy/minCohort:range',
        '/proposal/ratingAdjustmentPercent/Z:unknown_rating',
        '/checks/outsideBand/enabled:type',
      ].sort(),
    );
    for (const problem of v.problems) {
      expect(problem.message.length).toBeGreaterThan(0);
      expect(problem.messages.en).toBe(problem.message);
      expect(problem.messages.ja.length).toBeGreaterThan(0);
    }
  });

  it('reports missing sections rather than defaulting them', () => {
    const p = clone();
    set(p, 'checks', undefined);
    set(p, 'privacy', undefined);
    const v = validateFairnessPolicy(p);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.problems.map((x) => `${x.path}:${x.code}`).sort()).toEqual([
        '/checks:required',
        '/privacy:required',
      ]);
  });

  it('requires a regression minimum cohort that leaves residual degrees of freedom', () => {
    const p = clone();
    set(p, 'checks.unexplainedPay.minCohort', 4);
    const v = validateFairnessPolicy(p);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.problems).toEqual([
        expect.objectContaining({ path: '/checks/unexplainedPay/minCohort', code: 'range' }),
      ]);
  });

  it('returns a copy that does not share the input objects', () => {
    const p = clone();
    const v = validateFairnessPolicy(p);
    expect(v.ok).toBe(true);
    if (v.ok) {
      set(p, 'checks.outsideBand.severity', 'warn');
      expect(v.policy.checks.outsideBand.severity).toBe('fail');
    }
  });
});
