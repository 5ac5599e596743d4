// Dry run of a draft policy over the whole registry before HR activates it: who changes outcome, how many,
// and a few named examples. Pure, single pass; compiled rules are reused so 100k alumni take well under a second.
import { requireCalendarDate } from './calendar-date';
import {
  compilePolicy,
  decisiveRule,
  evaluateCompiled,
  type AlumnusEligibilityInput,
  type CompiledPolicy,
  type Decision,
  type EligibilityOutcome,
  type JobScope,
} from './eligibility-evaluation';
import type { EligibilityPolicy, RuleKind } from './eligibility-policy';

export type OutcomeCounts = Record<EligibilityOutcome, number>;

/** `eligible:<tier>`, `needs_hr_review` or `ineligible`: a tier change is a change the recruiter would see. */
export type DecisionLabel = string;

export interface DryRunTransition {
  readonly from: DecisionLabel;
  readonly to: DecisionLabel;
  readonly count: number;
}

export interface DryRunExample {
  readonly employeeNumber: string;
  readonly from: DecisionLabel;
  readonly to: DecisionLabel;
  /** The rule that now blocks (stricter draft) or used to block (looser draft); `default_tier` if only the tier moved. */
  readonly decisiveRule: RuleKind | 'default_tier' | null;
  /** HR-only detail of that rule. */
  readonly detail: string | null;
}

export interface DryRunOptions {
  readonly asOf: string;
  /** Evaluate everyone as if applying to this job (scope overrides); default: no job. */
  readonly job?: JobScope;
  /** Per-alumnus job, e.g. for a dry run over open applications; wins over `job`. */
  readonly jobOf?: (alumnus: AlumnusEligibilityInput) => JobScope | undefined;
  readonly exampleLimit?: number;
}

export interface DryRunResult {
  readonly total: number;
  readonly byOutcome: { readonly current: OutcomeCounts; readonly draft: OutcomeCounts };
  readonly byTier: { readonly current: Record<string, number>; readonly draft: Record<string, number> };
  readonly changed: number;
  /** Changed pairs only, most frequent first. */
  readonly transitions: readonly DryRunTransition[];
  readonly examples: readonly DryRunExample[];
}

const SEVERITY: Record<EligibilityOutcome, number> = { eligible: 0, needs_hr_review: 1, ineligible: 2 };

function label(d: Decision): DecisionLabel {
  return d.outcome === 'eligible' ? `eligible:${d.tier ?? ''}` : d.outcome;
}

function explain(current: Decision, draft: Decision): Pick<DryRunExample, 'decisiveRule' | 'detail'> {
  const stricter = SEVERITY[draft.outcome] > SEVERITY[current.outcome];
  const looser = SEVERITY[draft.outcome] < SEVERITY[current.outcome];
  const rule = stricter
    ? decisiveRule(draft)
    : looser
      ? decisiveRule(current)
      : (decisiveRule(draft) ?? decisiveRule(current));
  if (rule) return { decisiveRule: rule.rule, detail: rule.detail };
  return current.outcome === 'eligible' && draft.outcome === 'eligible'
    ? { decisiveRule: 'default_tier', detail: null }
    : { decisiveRule: null, detail: null };
}

/** Caches compiled rules per job so per-alumnus jobs do not recompile the policy each time. */
function compiler(policy: EligibilityPolicy): (job: JobScope) => CompiledPolicy {
  const cache = new Map<string, CompiledPolicy>();
  return (job) => {
    const key = `${job.jobId ?? ''}\u0000${job.department ?? ''}\u0000${job.jobLevel ?? ''}`;
    let c = cache.get(key);
    if (!c) {
      c = compilePolicy(policy, job);
      cache.set(key, c);
    }
    return c;
  };
}

export function dryRunPolicyChange(
  current: EligibilityPolicy,
  draft: EligibilityPolicy,
  alumni: readonly AlumnusEligibilityInput[],
  options: DryRunOptions,
): DryRunResult {
  const asOf = requireCalendarDate(options.asOf, 'asOf');
  const limit = Math.max(0, options.exampleLimit ?? 20);
  const compileCurrent = compiler(current);
  const compileDraft = compiler(draft);
  const defaultJob = options.job ?? {};

  const counts = {
    current: { eligible: 0, needs_hr_review: 0, ineligible: 0 },
    draft: { eligible: 0, needs_hr_review: 0, ineligible: 0 },
  };
  const tiers = { current: {} as Record<string, number>, draft: {} as Record<string, number> };
  const transitions = new Map<
    string,
    {
      from: DecisionLabel;
      to: DecisionLabel;
      count: number;
      examples: { alumnus: AlumnusEligibilityInput; job: JobScope }[];
    }
  >();
  let changed = 0;

  for (const alumnus of alumni) {
    const job = options.jobOf?.(alumnus) ?? defaultJob;
    const before = evaluateCompiled(alumnus, compileCurrent(job), asOf, false);
    const after = evaluateCompiled(alumnus, compileDraft(job), asOf, false);
    counts.current[before.outcome] += 1;
    counts.draft[after.outcome] += 1;
    if (before.tier !== null) tiers.current[before.tier] = (tiers.current[before.tier] ?? 0) + 1;
    if (after.tier !== null) tiers.draft[after.tier] = (tiers.draft[after.tier] ?? 0) + 1;

    const from = label(before);
    const to = label(after);
    if (from === to) continue;
    changed += 1;
    const key = `${from}\u0000${to}`;
    let t = transitions.get(key);
    if (!t) {
      t = { from, to, count: 0, examples: [] };
      transitions.set(key, t);
    }
    t.count += 1;
    if (t.examples.length < limit) t.examples.push({ alumnus, job });
  }

  const ordered = [...transitions.values()].sort(
    (a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
  // Round-robin across transitions so a rare change still gets an example next to a common one.
  const examples: DryRunExample[] = [];
  for (let i = 0; examples.length < limit; i += 1) {
    const round = ordered.filter((t) => i < t.examples.length);
    if (round.length === 0) break;
    for (const t of round) {
      const e = t.examples[i];
      if (examples.length >= limit || !e) break;
      // Only the chosen examples pay for HR detail text.
      const before = evaluateCompiled(e.alumnus, compileCurrent(e.job), asOf, true);
      const after = evaluateCompiled(e.alumnus, compileDraft(e.job), asOf, true);
      examples.push({
        employeeNumber: e.alumnus.employeeNumber,
        from: t.from,
        to: t.to,
        ...explain(before, after),
      });
    }
  }

  return {
    total: alumni.length,
    byOutcome: counts,
    byTier: tiers,
    changed,
    transitions: ordered.map(({ from, to, count }) => ({ from, to, count })),
    examples,
  };
}
