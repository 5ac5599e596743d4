// Hand-written validator for policy JSON (libs/domain stays free of class-validator). It collects every
// problem with a JSON-pointer path so the console can show HR all mistakes at once.
import { normalizeStageName } from '../fast-track/stage-matching';
import {
  DEPARTURE_REASON_CODES,
  isDepartureReasonCode,
  toDepartureReasonCode,
  type DepartureReasonCode,
} from './departure-reasons';
import {
  BEYOND_MAX_TREATMENTS,
  MISSING_DATA_TREATMENTS,
  REHIRE_RECOMMENDATION_VALUES,
  RULE_KEYS,
  type EligibilityPolicy,
  type EligibilityRules,
  applyRulesPatch,
  type EligibilityRulesPatch,
  type FastTrackTier,
  type MaxMonthsSinceDepartureRule,
  type MinRecentRatingRule,
  type PolicyScope,
  type RehireRecommendation,
  type RuleKey,
  type ScopeOverride,
  type StageRef,
} from './eligibility-policy';

export type PolicyProblemCode =
  | 'required'
  | 'unknown_key'
  | 'type'
  | 'integer'
  | 'range'
  | 'enum'
  | 'empty'
  | 'too_long'
  | 'format'
  | 'duplicate'
  | 'unknown_departure_reason'
  | 'unknown_tier'
  | 'unknown_rating'
  | 'conflict';

export interface PolicyProblem {
  /** JSON pointer into the submitted document, e.g. `/rules/minTenureMonths/months`. */
  readonly path: string;
  readonly code: PolicyProblemCode;
  readonly message: string;
}

export type PolicyValidationResult =
  | { readonly ok: true; readonly policy: EligibilityPolicy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** 50 years: anything longer is a typo, not a policy. */
const MAX_MONTHS = 600;
const MAX_TEXT = 2000;
const MAX_NAME = 200;
const TIER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

function pointer(path: Path): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

class Problems {
  readonly list: PolicyProblem[] = [];
  /** Tier names referenced anywhere, checked once `tiers` is known (even if their neighbours were invalid). */
  readonly tierRefs: { tier: string; path: Path }[] = [];
  add(path: Path, code: PolicyProblemCode, message: string): void {
    this.list.push({ path: pointer(path), code, message });
  }
}

function object(
  p: Problems,
  v: unknown,
  path: Path,
  allowed: readonly string[],
  required: readonly string[],
): Json | null {
  if (!isRecord(v)) {
    p.add(path, 'type', `Expected an object, got ${describe(v)}.`);
    return null;
  }
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key))
      p.add([...path, key], 'unknown_key', `Unknown key "${key}". Allowed: ${allowed.join(', ')}.`);
  }
  for (const key of required) {
    if (v[key] === undefined) p.add([...path, key], 'required', `"${key}" is required.`);
  }
  return v;
}

function text(p: Problems, v: unknown, path: Path, max = MAX_NAME): string | null {
  if (typeof v !== 'string') {
    p.add(path, 'type', `Expected a string, got ${describe(v)}.`);
    return null;
  }
  if (v.trim() === '') {
    p.add(path, 'empty', 'Must not be empty.');
    return null;
  }
  if (v.length > max) {
    p.add(path, 'too_long', `At most ${max} characters.`);
    return null;
  }
  return v;
}

function optionalComment(p: Problems, obj: Json, path: Path): { comment?: string } {
  if (obj.comment === undefined) return {};
  if (typeof obj.comment !== 'string') {
    p.add([...path, 'comment'], 'type', `Expected a string, got ${describe(obj.comment)}.`);
    return {};
  }
  if (obj.comment.length > MAX_TEXT)
    p.add([...path, 'comment'], 'too_long', `At most ${MAX_TEXT} characters.`);
  return { comment: obj.comment };
}

function integer(p: Problems, v: unknown, path: Path, min: number, max: number): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    p.add(path, 'type', `Expected a number, got ${describe(v)}.`);
    return null;
  }
  if (!Number.isInteger(v)) {
    p.add(path, 'integer', `Expected a whole number, got ${v}.`);
    return null;
  }
  if (v < min || v > max) {
    p.add(path, 'range', `Must be between ${min} and ${max}, got ${v}.`);
    return null;
  }
  return v;
}

function oneOf<T extends string>(p: Problems, v: unknown, path: Path, values: readonly T[]): T | null {
  if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
  p.add(
    path,
    'enum',
    `Expected one of ${values.map((x) => `"${x}"`).join(', ')}, got ${JSON.stringify(v) ?? 'undefined'}.`,
  );
  return null;
}

/** A list of non-empty strings; duplicates are compared through `key` (e.g. stage-name normalisation). */
function textList(
  p: Problems,
  v: unknown,
  path: Path,
  opts: { nonEmpty: boolean; key?: (s: string) => string },
): string[] | null {
  if (!Array.isArray(v)) {
    p.add(path, 'type', `Expected an array, got ${describe(v)}.`);
    return null;
  }
  if (opts.nonEmpty && v.length === 0) {
    p.add(path, 'empty', 'Must list at least one value.');
    return null;
  }
  const out: string[] = [];
  const seen = new Set<string>();
  let ok = true;
  v.forEach((item: unknown, i) => {
    const s = text(p, item, [...path, i]);
    if (s === null) {
      ok = false;
      return;
    }
    const k = opts.key ? opts.key(s) : s;
    if (seen.has(k)) {
      p.add([...path, i], 'duplicate', `"${s}" is listed twice.`);
      ok = false;
    }
    seen.add(k);
    out.push(s);
  });
  return ok ? out : null;
}

function months(p: Problems, rule: Json, path: Path, min: number): number | null {
  return rule.months === undefined ? null : integer(p, rule.months, [...path, 'months'], min, MAX_MONTHS);
}

// ---- rules ----------------------------------------------------------------------------------------

type RuleParser<K extends RuleKey> = (p: Problems, v: unknown, path: Path) => EligibilityRules[K] | null;

const parseMinTenure: RuleParser<'minTenureMonths'> = (p, v, path) => {
  const o = object(p, v, path, ['months', 'comment'], ['months']);
  if (!o) return null;
  const m = months(p, o, path, 0);
  return m === null ? null : { months: m, ...optionalComment(p, o, path) };
};

const parseCoolingOff: RuleParser<'coolingOffMonths'> = (p, v, path) => {
  const o = object(p, v, path, ['months', 'comment'], ['months']);
  if (!o) return null;
  const m = months(p, o, path, 0);
  return m === null ? null : { months: m, ...optionalComment(p, o, path) };
};

const parseExcludedReasons: RuleParser<'excludedDepartureReasons'> = (p, v, path) => {
  const o = object(p, v, path, ['reasons', 'comment'], ['reasons']);
  if (!o || o.reasons === undefined) return null;
  // An empty list is allowed on purpose: a tenant may decide to exclude nobody (HR still sees the rule).
  const list = textList(p, o.reasons, [...path, 'reasons'], { nonEmpty: false });
  if (!list) return null;
  const reasons: DepartureReasonCode[] = [];
  let ok = true;
  list.forEach((r, i) => {
    if (isDepartureReasonCode(r)) {
      reasons.push(r);
      return;
    }
    ok = false;
    const hint = toDepartureReasonCode(r);
    p.add(
      [...path, 'reasons', i],
      'unknown_departure_reason',
      hint
        ? `Use the code "${hint}" instead of the label "${r}".`
        : `Unknown departure reason "${r}". Known codes: ${DEPARTURE_REASON_CODES.join(', ')}.`,
    );
  });
  return ok ? { reasons, ...optionalComment(p, o, path) } : null;
};

const parseMaxMonths: RuleParser<'maxMonthsSinceDeparture'> = (p, v, path) => {
  const o = object(p, v, path, ['months', 'beyond', 'tier', 'comment'], ['months', 'beyond']);
  if (!o) return null;
  const m = months(p, o, path, 1);
  const beyond =
    o.beyond === undefined ? null : oneOf(p, o.beyond, [...path, 'beyond'], BEYOND_MAX_TREATMENTS);
  const comment = optionalComment(p, o, path);
  if (m === null || beyond === null) return null;
  if (beyond === 'tier') {
    if (o.tier === undefined) {
      p.add([...path, 'tier'], 'required', '"tier" is required when "beyond" is "tier".');
      return null;
    }
    const tier = text(p, o.tier, [...path, 'tier']);
    if (tier !== null) p.tierRefs.push({ tier, path: [...path, 'tier'] });
    return tier === null
      ? null
      : ({ months: m, beyond, tier, ...comment } satisfies MaxMonthsSinceDepartureRule);
  }
  if (o.tier !== undefined) {
    p.add([...path, 'tier'], 'conflict', `"tier" only applies when "beyond" is "tier" (it is "${beyond}").`);
    return null;
  }
  return { months: m, beyond, ...comment };
};

const parseRehire: RuleParser<'rehireRecommendation'> = (p, v, path) => {
  const o = object(p, v, path, ['accepted', 'unknown', 'comment'], ['accepted', 'unknown']);
  if (!o) return null;
  const unknown =
    o.unknown === undefined ? null : oneOf(p, o.unknown, [...path, 'unknown'], MISSING_DATA_TREATMENTS);
  const list =
    o.accepted === undefined ? null : textList(p, o.accepted, [...path, 'accepted'], { nonEmpty: true });
  const comment = optionalComment(p, o, path);
  if (!list || unknown === null) return null;
  const accepted: Exclude<RehireRecommendation, 'unknown'>[] = [];
  let ok = true;
  list.forEach((value, i) => {
    if (value === 'unknown') {
      ok = false;
      p.add([...path, 'accepted', i], 'enum', 'Do not accept "unknown" here; set "unknown": "pass" instead.');
    } else if ((REHIRE_RECOMMENDATION_VALUES as readonly string[]).includes(value)) {
      accepted.push(value as Exclude<RehireRecommendation, 'unknown'>);
    } else {
      ok = false;
      p.add([...path, 'accepted', i], 'enum', `Expected one of "yes", "conditional", "no", got "${value}".`);
    }
  });
  return ok ? { accepted, unknown, ...comment } : null;
};

export function normalizeRating(rating: string): string {
  return rating.normalize('NFKC').trim().toUpperCase();
}

const parseMinRating: RuleParser<'minRecentRating'> = (p, v, path) => {
  const o = object(
    p,
    v,
    path,
    ['scale', 'floor', 'lastN', 'missing', 'comment'],
    ['scale', 'floor', 'lastN', 'missing'],
  );
  if (!o) return null;
  const scale =
    o.scale === undefined
      ? null
      : textList(p, o.scale, [...path, 'scale'], { nonEmpty: true, key: normalizeRating });
  const floor = o.floor === undefined ? null : text(p, o.floor, [...path, 'floor']);
  const lastN = o.lastN === undefined ? null : integer(p, o.lastN, [...path, 'lastN'], 1, 20);
  const missing =
    o.missing === undefined ? null : oneOf(p, o.missing, [...path, 'missing'], MISSING_DATA_TREATMENTS);
  const comment = optionalComment(p, o, path);
  if (scale && floor !== null && !scale.map(normalizeRating).includes(normalizeRating(floor))) {
    p.add([...path, 'floor'], 'unknown_rating', `"${floor}" is not on the scale (${scale.join(' > ')}).`);
    return null;
  }
  if (!scale || floor === null || lastN === null || missing === null) return null;
  return { scale, floor, lastN, missing, ...comment } satisfies MinRecentRatingRule;
};

const RULE_PARSERS: { readonly [K in RuleKey]: RuleParser<K> } = {
  minTenureMonths: parseMinTenure,
  excludedDepartureReasons: parseExcludedReasons,
  coolingOffMonths: parseCoolingOff,
  maxMonthsSinceDeparture: parseMaxMonths,
  rehireRecommendation: parseRehire,
  minRecentRating: parseMinRating,
};

function parseRule<K extends RuleKey>(
  p: Problems,
  key: K,
  v: unknown,
  path: Path,
): EligibilityRules[K] | null {
  return RULE_PARSERS[key](p, v, path);
}

/** Base rules (`allowNull` false) or an override patch (`null` switches a rule off). */
function parseRules(p: Problems, v: unknown, path: Path, allowNull: boolean): EligibilityRulesPatch | null {
  const o = object(p, v, path, RULE_KEYS, []);
  if (!o) return null;
  const out: { [K in RuleKey]?: EligibilityRules[K] | null } = {};
  let ok = true;
  for (const key of RULE_KEYS) {
    const raw = o[key];
    if (raw === undefined) continue;
    if (raw === null) {
      if (allowNull) {
        out[key] = null;
      } else {
        ok = false;
        p.add(
          [...path, key],
          'type',
          'Leave the rule out instead of setting it to null (null only switches a rule off in an override).',
        );
      }
      continue;
    }
    const parsed = parseRule(p, key, raw, [...path, key]);
    if (parsed === null) ok = false;
    else assignRule(out, key, parsed);
  }
  return ok ? out : null;
}

function assignRule<K extends RuleKey>(
  target: { [P in RuleKey]?: EligibilityRules[P] | null },
  key: K,
  value: EligibilityRules[K] | null,
): void {
  target[key] = value;
}

// ---- stages and tiers -----------------------------------------------------------------------------

function parseStageRefs(p: Problems, v: unknown, path: Path, nonEmpty: boolean): StageRef[] | null {
  if (!Array.isArray(v)) {
    p.add(path, 'type', `Expected an array of stages, got ${describe(v)}.`);
    return null;
  }
  if (nonEmpty && v.length === 0) {
    p.add(path, 'empty', 'List at least one stage.');
    return null;
  }
  const out: StageRef[] = [];
  let ok = true;
  v.forEach((item: unknown, i) => {
    const ip = [...path, i];
    const o = object(p, item, ip, ['id', 'names'], []);
    if (!o) {
      ok = false;
      return;
    }
    if (o.id === undefined && o.names === undefined) {
      ok = false;
      p.add(ip, 'required', 'A stage needs an "id", "names", or both.');
      return;
    }
    const id = o.id === undefined ? undefined : text(p, o.id, [...ip, 'id']);
    const names =
      o.names === undefined
        ? undefined
        : textList(p, o.names, [...ip, 'names'], { nonEmpty: true, key: normalizeStageName });
    if (id === null || names === null) {
      ok = false;
      return;
    }
    out.push({ ...(id !== undefined ? { id } : {}), ...(names !== undefined ? { names } : {}) });
  });
  return ok ? out : null;
}

function parseStageRefsByJob(p: Problems, v: unknown, path: Path): Record<string, StageRef[]> | null {
  if (!isRecord(v)) {
    p.add(path, 'type', `Expected an object keyed by job id, got ${describe(v)}.`);
    return null;
  }
  const out: Record<string, StageRef[]> = {};
  let ok = true;
  for (const [jobId, refs] of Object.entries(v)) {
    if (jobId.trim() === '') {
      ok = false;
      p.add([...path, jobId], 'empty', 'Job id must not be empty.');
      continue;
    }
    const parsed = parseStageRefs(p, refs, [...path, jobId], false);
    if (parsed === null) ok = false;
    else out[jobId] = parsed;
  }
  return ok ? out : null;
}

function parseTiers(p: Problems, v: unknown, path: Path): Record<string, FastTrackTier> | null {
  if (!isRecord(v)) {
    p.add(path, 'type', `Expected an object keyed by tier name, got ${describe(v)}.`);
    return null;
  }
  if (Object.keys(v).length === 0) {
    p.add(path, 'empty', 'Define at least one tier.');
    return null;
  }
  const out: Record<string, FastTrackTier> = {};
  let ok = true;
  for (const [name, raw] of Object.entries(v)) {
    const tp = [...path, name];
    if (!TIER_NAME.test(name)) {
      ok = false;
      p.add(
        tp,
        'format',
        `Tier name "${name}" must be 1-40 letters, digits, "_" or "-" (it appears in ATS tags and notes).`,
      );
      continue;
    }
    const o = object(p, raw, tp, ['skipStages', 'jobOverrides', 'comment'], ['skipStages']);
    if (!o) {
      ok = false;
      continue;
    }
    // An empty skip list is legal: a tier that only flags the candidate without moving them.
    const skipStages =
      o.skipStages === undefined ? null : parseStageRefs(p, o.skipStages, [...tp, 'skipStages'], false);
    const jobOverrides =
      o.jobOverrides === undefined
        ? undefined
        : parseStageRefsByJob(p, o.jobOverrides, [...tp, 'jobOverrides']);
    const comment = optionalComment(p, o, tp);
    if (skipStages === null || jobOverrides === null) {
      ok = false;
      continue;
    }
    out[name] = { skipStages, ...(jobOverrides ? { jobOverrides } : {}), ...comment };
  }
  return ok ? out : null;
}

// ---- overrides ------------------------------------------------------------------------------------

function parseScope(p: Problems, v: unknown, path: Path): PolicyScope | null {
  const keys = ['jobIds', 'departments', 'jobLevels', 'jobLevelPrefixes'] as const;
  const o = object(p, v, path, keys, []);
  if (!o) return null;
  const out: { -readonly [K in keyof PolicyScope]: PolicyScope[K] } = {};
  let ok = true;
  for (const key of keys) {
    if (o[key] === undefined) continue;
    const list = textList(p, o[key], [...path, key], { nonEmpty: true });
    if (list === null) ok = false;
    else out[key] = list;
  }
  if (ok && Object.keys(out).length === 0) {
    p.add(
      path,
      'empty',
      'A scope needs at least one of jobIds, departments, jobLevels, jobLevelPrefixes (put policy-wide rules in "rules").',
    );
    return null;
  }
  return ok ? out : null;
}

function parseOverrides(p: Problems, v: unknown, path: Path): ScopeOverride[] | null {
  if (!Array.isArray(v)) {
    p.add(path, 'type', `Expected an array, got ${describe(v)}.`);
    return null;
  }
  const out: ScopeOverride[] = [];
  const ids = new Set<string>();
  let ok = true;
  v.forEach((item: unknown, i) => {
    const ip = [...path, i];
    const o = object(p, item, ip, ['id', 'comment', 'scope', 'rules', 'defaultTier'], ['id', 'scope']);
    if (!o) {
      ok = false;
      return;
    }
    const id = o.id === undefined ? null : text(p, o.id, [...ip, 'id']);
    if (id !== null && ids.has(id)) p.add([...ip, 'id'], 'duplicate', `Override id "${id}" is used twice.`);
    if (id !== null) ids.add(id);
    const scope = o.scope === undefined ? null : parseScope(p, o.scope, [...ip, 'scope']);
    const rules = o.rules === undefined ? undefined : parseRules(p, o.rules, [...ip, 'rules'], true);
    const defaultTier =
      o.defaultTier === undefined ? undefined : text(p, o.defaultTier, [...ip, 'defaultTier']);
    if (defaultTier) p.tierRefs.push({ tier: defaultTier, path: [...ip, 'defaultTier'] });
    const comment = optionalComment(p, o, ip);
    if (rules === undefined && defaultTier === undefined)
      p.add(ip, 'empty', 'An override should change "rules" or "defaultTier".');
    if (id === null || scope === null || rules === null || defaultTier === null) {
      ok = false;
      return;
    }
    out.push({
      id,
      scope,
      ...(rules ? { rules } : {}),
      ...(defaultTier !== undefined ? { defaultTier } : {}),
      ...comment,
    });
  });
  return ok ? out : null;
}

// ---- cross-field checks ---------------------------------------------------------------------------

function checkTierRef(p: Problems, tiers: Record<string, FastTrackTier>, tier: string, path: Path): void {
  if (!Object.prototype.hasOwnProperty.call(tiers, tier)) {
    p.add(
      path,
      'unknown_tier',
      `Tier "${tier}" is not defined in "tiers" (defined: ${Object.keys(tiers).join(', ')}).`,
    );
  }
}

/** Rules that make the policy unsatisfiable for everybody are almost certainly an editing mistake. */
function checkRuleConflicts(p: Problems, rules: EligibilityRules, path: Path): void {
  const cooling = rules.coolingOffMonths;
  const max = rules.maxMonthsSinceDeparture;
  if (cooling && max && max.beyond === 'ineligible' && cooling.months > max.months) {
    p.add(
      path,
      'conflict',
      `Cooling-off (${cooling.months} months) is longer than the maximum time away (${max.months} months): nobody could ever be eligible.`,
    );
  }
}

function stageKeys(refs: readonly StageRef[]): string[] {
  return refs.flatMap((r) => [
    ...(r.id !== undefined ? [`id:${r.id}`] : []),
    ...(r.names ?? []).map((n) => `name:${normalizeStageName(n)}`),
  ]);
}

function checkSkipVsProtected(
  p: Problems,
  tiers: Record<string, FastTrackTier>,
  protectedStages: readonly StageRef[],
): void {
  const prot = new Set(stageKeys(protectedStages));
  for (const [name, tier] of Object.entries(tiers)) {
    const lists: [Path, readonly StageRef[]][] = [
      [['tiers', name, 'skipStages'], tier.skipStages],
      ...Object.entries(tier.jobOverrides ?? {}).map(([job, refs]): [Path, readonly StageRef[]] => [
        ['tiers', name, 'jobOverrides', job],
        refs,
      ]),
    ];
    for (const [path, refs] of lists) {
      refs.forEach((ref, i) => {
        const clash = stageKeys([ref]).find((k) => prot.has(k));
        if (clash)
          p.add(
            [...path, i],
            'conflict',
            `Stage ${clash.replace(/^(id|name):/, '$1 ')} is protected and can never be skipped.`,
          );
      });
    }
  }
}

// ---- entry point ----------------------------------------------------------------------------------

const TOP_KEYS = [
  '$schema',
  'version',
  'name',
  'comment',
  'rules',
  'overrides',
  'defaultTier',
  'tiers',
  'protectedStages',
  'jobProtectedStages',
];

export function validateEligibilityPolicy(input: unknown): PolicyValidationResult {
  const p = new Problems();
  const o = object(p, input, [], TOP_KEYS, ['version', 'rules', 'defaultTier', 'tiers', 'protectedStages']);
  if (!o) return { ok: false, problems: p.list };

  const version = o.version === undefined ? null : text(p, o.version, ['version'], 100);
  const name = o.name === undefined ? undefined : text(p, o.name, ['name']);
  const comment = optionalComment(p, o, []);
  const rules =
    o.rules === undefined ? null : (parseRules(p, o.rules, ['rules'], false) as EligibilityRules | null);
  const overrides = o.overrides === undefined ? [] : parseOverrides(p, o.overrides, ['overrides']);
  const defaultTier = o.defaultTier === undefined ? null : text(p, o.defaultTier, ['defaultTier']);
  const tiers = o.tiers === undefined ? null : parseTiers(p, o.tiers, ['tiers']);
  // Empty is allowed: protection is optional, but the key must be present so leaving it out is a choice.
  const protectedStages =
    o.protectedStages === undefined ? null : parseStageRefs(p, o.protectedStages, ['protectedStages'], false);
  const jobProtectedStages =
    o.jobProtectedStages === undefined
      ? undefined
      : parseStageRefsByJob(p, o.jobProtectedStages, ['jobProtectedStages']);
  if (o.$schema !== undefined && typeof o.$schema !== 'string')
    p.add(['$schema'], 'type', `Expected a string, got ${describe(o.$schema)}.`);

  if (tiers) {
    if (defaultTier !== null) checkTierRef(p, tiers, defaultTier, ['defaultTier']);
    for (const ref of p.tierRefs) checkTierRef(p, tiers, ref.tier, ref.path);
    if (protectedStages) checkSkipVsProtected(p, tiers, protectedStages);
  }
  if (rules) {
    checkRuleConflicts(p, rules, ['rules']);
    overrides?.forEach((ov, i) => {
      if (ov.rules) checkRuleConflicts(p, applyRulesPatch(rules, ov.rules), ['overrides', i, 'rules']);
    });
  }

  if (p.list.length > 0 || version === null || name === null || rules === null || overrides === null)
    return { ok: false, problems: p.list };
  if (defaultTier === null || tiers === null || protectedStages === null || jobProtectedStages === null)
    return { ok: false, problems: p.list };
  const policy: EligibilityPolicy = {
    version,
    ...(name !== undefined ? { name } : {}),
    ...comment,
    rules,
    overrides,
    defaultTier,
    tiers,
    protectedStages,
    ...(jobProtectedStages ? { jobProtectedStages } : {}),
  };
  return { ok: true, policy };
}
