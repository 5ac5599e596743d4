// Hand-written validator for policy JSON (libs/domain stays free of class-validator). It collects every
// problem in the document dialect (JSON pointer, code, en/ja message) so the console can show HR all
// mistakes at once.
import {
  DocumentChecker,
  type DocumentPath,
  type DocumentProblem,
  type DocumentProblemCode,
  type JsonObject,
  isJsonObject,
} from '../documents';
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

/** Eligibility policies report problems in the shared document dialect. */
export type PolicyProblemCode = DocumentProblemCode;
export type PolicyProblem = DocumentProblem;

export type PolicyValidationResult =
  | { readonly ok: true; readonly policy: EligibilityPolicy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** 50 years: anything longer is a typo, not a policy. */
const MAX_MONTHS = 600;
const MAX_TEXT = 2000;
const MAX_NAME = 200;
const TIER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

type Path = DocumentPath;
type Json = JsonObject;
const isRecord = isJsonObject;

class Problems extends DocumentChecker {
  /** Tier names referenced anywhere, checked once `tiers` is known (even if their neighbours were invalid). */
  readonly tierRefs: { tier: string; path: Path }[] = [];
}

function object(
  p: Problems,
  v: unknown,
  path: Path,
  allowed: readonly string[],
  required: readonly string[],
): Json | null {
  return p.object(v, path, allowed, required);
}

function text(p: Problems, v: unknown, path: Path, max = MAX_NAME): string | null {
  return p.text(v, path, max);
}

function optionalComment(p: Problems, obj: Json, path: Path): { comment?: string } {
  if (obj.comment === undefined) return {};
  if (typeof obj.comment !== 'string') {
    p.wrongType([...path, 'comment'], { en: 'a string', ja: '文字列' }, obj.comment);
    return {};
  }
  if (obj.comment.length > MAX_TEXT) p.tooLong([...path, 'comment'], MAX_TEXT);
  return { comment: obj.comment };
}

function integer(p: Problems, v: unknown, path: Path, min: number, max: number): number | null {
  return p.integer(v, path, min, max);
}

function oneOf<T extends string>(p: Problems, v: unknown, path: Path, values: readonly T[]): T | null {
  return p.oneOf(v, path, values);
}

/** A list of non-empty strings; duplicates are compared through `key` (e.g. stage-name normalisation). */
function textList(
  p: Problems,
  v: unknown,
  path: Path,
  opts: { nonEmpty: boolean; key?: (s: string) => string },
): string[] | null {
  return p.textList(v, path, { ...opts, max: MAX_NAME });
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
        ? {
            en: `Use the code "${hint}" instead of the label "${r}".`,
            ja: `ラベル「${r}」ではなくコード「${hint}」を使ってください。`,
          }
        : {
            en: `Unknown departure reason "${r}". Known codes: ${DEPARTURE_REASON_CODES.join(', ')}.`,
            ja: `退職理由「${r}」は未登録です。使えるコード: ${DEPARTURE_REASON_CODES.join(', ')}。`,
          },
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
      p.add([...path, 'tier'], 'required', {
        en: '"tier" is required when "beyond" is "tier".',
        ja: '「beyond」が "tier" のときは「tier」が必須です。',
      });
      return null;
    }
    const tier = text(p, o.tier, [...path, 'tier']);
    if (tier !== null) p.tierRefs.push({ tier, path: [...path, 'tier'] });
    return tier === null
      ? null
      : ({ months: m, beyond, tier, ...comment } satisfies MaxMonthsSinceDepartureRule);
  }
  if (o.tier !== undefined) {
    p.add([...path, 'tier'], 'conflict', {
      en: `"tier" only applies when "beyond" is "tier" (it is "${beyond}").`,
      ja: `「tier」は「beyond」が "tier" のときだけ指定できます（現在は "${beyond}"）。`,
    });
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
      p.add([...path, 'accepted', i], 'enum', {
        en: 'Do not accept "unknown" here; set "unknown": "pass" instead.',
        ja: 'ここに "unknown" は入れられません。代わりに "unknown": "pass" を指定してください。',
      });
    } else if ((REHIRE_RECOMMENDATION_VALUES as readonly string[]).includes(value)) {
      accepted.push(value as Exclude<RehireRecommendation, 'unknown'>);
    } else {
      ok = false;
      p.add([...path, 'accepted', i], 'enum', {
        en: `Expected one of "yes", "conditional", "no", got "${value}".`,
        ja: `"yes"、"conditional"、"no" のいずれかを指定してください（指定された値: "${value}"）。`,
      });
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
    p.add([...path, 'floor'], 'unknown_rating', {
      en: `"${floor}" is not on the scale (${scale.join(' > ')}).`,
      ja: `「${floor}」は評価スケール（${scale.join(' > ')}）にありません。`,
    });
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
        p.add([...path, key], 'type', {
          en: 'Leave the rule out instead of setting it to null (null only switches a rule off in an override).',
          ja: 'null にせず、ルールごと省いてください（null はオーバーライドでルールを無効にするときだけ使います）。',
        });
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
    p.wrongType(path, { en: 'an array of stages', ja: 'ステージの配列' }, v);
    return null;
  }
  if (nonEmpty && v.length === 0) {
    p.empty(path, { en: 'List at least one stage.', ja: 'ステージを1つ以上指定してください。' });
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
      p.add(ip, 'required', {
        en: 'A stage needs an "id", "names", or both.',
        ja: 'ステージには「id」か「names」（または両方）が必要です。',
      });
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
    p.wrongType(path, { en: 'an object keyed by job id', ja: '求人 ID をキーとするオブジェクト' }, v);
    return null;
  }
  const out: Record<string, StageRef[]> = {};
  let ok = true;
  for (const [jobId, refs] of Object.entries(v)) {
    if (jobId.trim() === '') {
      ok = false;
      p.empty([...path, jobId], { en: 'Job id must not be empty.', ja: '求人 ID を空にはできません。' });
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
    p.wrongType(path, { en: 'an object keyed by tier name', ja: 'ティア名をキーとするオブジェクト' }, v);
    return null;
  }
  if (Object.keys(v).length === 0) {
    p.empty(path, { en: 'Define at least one tier.', ja: 'ティアを1つ以上定義してください。' });
    return null;
  }
  const out: Record<string, FastTrackTier> = {};
  let ok = true;
  for (const [name, raw] of Object.entries(v)) {
    const tp = [...path, name];
    if (!TIER_NAME.test(name)) {
      ok = false;
      p.add(tp, 'format', {
        en: `Tier name "${name}" must be 1-40 letters, digits, "_" or "-" (it appears in ATS tags and notes).`,
        ja: `ティア名「${name}」は英数字・「_」・「-」の1〜40文字にしてください（ATS のタグやメモに使われます）。`,
      });
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
    p.add(path, 'empty', {
      en: 'A scope needs at least one of jobIds, departments, jobLevels, jobLevelPrefixes (put policy-wide rules in "rules").',
      ja: 'スコープには jobIds、departments、jobLevels、jobLevelPrefixes のいずれかが必要です（全体のルールは「rules」に書きます）。',
    });
    return null;
  }
  return ok ? out : null;
}

function parseOverrides(p: Problems, v: unknown, path: Path): ScopeOverride[] | null {
  if (!Array.isArray(v)) {
    p.wrongType(path, { en: 'an array', ja: '配列' }, v);
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
    if (id !== null && ids.has(id))
      p.add([...ip, 'id'], 'duplicate', {
        en: `Override id "${id}" is used twice.`,
        ja: `オーバーライド ID「${id}」が重複しています。`,
      });
    if (id !== null) ids.add(id);
    const scope = o.scope === undefined ? null : parseScope(p, o.scope, [...ip, 'scope']);
    const rules = o.rules === undefined ? undefined : parseRules(p, o.rules, [...ip, 'rules'], true);
    const defaultTier =
      o.defaultTier === undefined ? undefined : text(p, o.defaultTier, [...ip, 'defaultTier']);
    if (defaultTier) p.tierRefs.push({ tier: defaultTier, path: [...ip, 'defaultTier'] });
    const comment = optionalComment(p, o, ip);
    if (rules === undefined && defaultTier === undefined)
      p.empty(ip, {
        en: 'An override should change "rules" or "defaultTier".',
        ja: 'オーバーライドでは「rules」か「defaultTier」を変更してください。',
      });
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
    p.add(path, 'unknown_tier', {
      en: `Tier "${tier}" is not defined in "tiers" (defined: ${Object.keys(tiers).join(', ')}).`,
      ja: `ティア「${tier}」は「tiers」に定義されていません（定義済み: ${Object.keys(tiers).join(', ')}）。`,
    });
  }
}

/** Rules that make the policy unsatisfiable for everybody are almost certainly an editing mistake. */
function checkRuleConflicts(p: Problems, rules: EligibilityRules, path: Path): void {
  const cooling = rules.coolingOffMonths;
  const max = rules.maxMonthsSinceDeparture;
  if (cooling && max && max.beyond === 'ineligible' && cooling.months > max.months) {
    p.add(path, 'conflict', {
      en: `Cooling-off (${cooling.months} months) is longer than the maximum time away (${max.months} months): nobody could ever be eligible.`,
      ja: `クーリングオフ期間（${cooling.months}か月）が離職期間の上限（${max.months}か月）より長いため、誰も対象になりません。`,
    });
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
          p.add([...path, i], 'conflict', {
            en: `Stage ${clash.replace(/^(id|name):/, '$1 ')} is protected and can never be skipped.`,
            ja: `ステージ ${clash.replace(/^(id|name):/, '$1 ')} は保護されているため、スキップできません。`,
          });
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
  if (!o) return { ok: false, problems: p.problems };

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
    p.wrongType(['$schema'], { en: 'a string', ja: '文字列' }, o.$schema);

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

  if (p.hasProblems || version === null || name === null || rules === null || overrides === null)
    return { ok: false, problems: p.problems };
  if (defaultTier === null || tiers === null || protectedStages === null || jobProtectedStages === null)
    return { ok: false, problems: p.problems };
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
