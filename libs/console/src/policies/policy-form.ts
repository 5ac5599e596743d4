// The eligibility policy as a form: the document ↔ flat form fields, and a validation problem's JSON pointer →
// the field it belongs to. Pure: the page renders the model, the controller turns posted fields back into a
// document and validates it with the same validator as the REST API.

/** One scope override as a row of the form (lists as comma-separated text; blank rule = no change for the scope). */
export interface OverrideRow {
  id: string;
  comment: string;
  jobIds: string;
  departments: string;
  jobLevels: string;
  jobLevelPrefixes: string;
  minTenureMonths: string;
  coolingOffMonths: string;
  defaultTier: string;
}

export interface PolicyFormModel {
  /** Blank: the rule is off. */
  minTenureMonths: string;
  excludedReasons: string[];
  coolingOffMonths: string;
  maxMonths: string;
  maxBeyond: string;
  maxTier: string;
  rehireAccepted: string[];
  rehireUnknown: string;
  ratingScale: string;
  ratingFloor: string;
  ratingLastN: string;
  ratingMissing: string;
  defaultTier: string;
  overrides: OverrideRow[];
}

/** The field names a posted form may carry (the DTO declares the same). */
export type PolicyFormField = Exclude<keyof PolicyFormModel, 'overrides'>;

export const EMPTY_OVERRIDE: OverrideRow = {
  id: '',
  comment: '',
  jobIds: '',
  departments: '',
  jobLevels: '',
  jobLevelPrefixes: '',
  minTenureMonths: '',
  coolingOffMonths: '',
  defaultTier: '',
};

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const joined = (v: unknown): string => arr(v).map(str).join(', ');
const splitList = (s: string): string[] =>
  s
    .split(/[,、\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
/** A whole number where the text is one; otherwise the text itself, so the validator names the field. */
const num = (s: string): number | string => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim());

export function policyFormFromDocument(document: unknown): PolicyFormModel {
  const doc = obj(document);
  const rules = obj(doc.rules);
  const tenure = obj(rules.minTenureMonths);
  const excluded = obj(rules.excludedDepartureReasons);
  const cooling = obj(rules.coolingOffMonths);
  const max = obj(rules.maxMonthsSinceDeparture);
  const rehire = obj(rules.rehireRecommendation);
  const rating = obj(rules.minRecentRating);
  return {
    minTenureMonths: str(tenure.months),
    excludedReasons: arr(excluded.reasons).map(str),
    coolingOffMonths: str(cooling.months),
    maxMonths: str(max.months),
    maxBeyond: str(max.beyond) || 'tier',
    maxTier: str(max.tier),
    rehireAccepted: arr(rehire.accepted).map(str),
    rehireUnknown: str(rehire.unknown) || 'needs_hr_review',
    ratingScale: joined(rating.scale),
    ratingFloor: str(rating.floor),
    ratingLastN: str(rating.lastN),
    ratingMissing: str(rating.missing) || 'needs_hr_review',
    defaultTier: str(doc.defaultTier),
    overrides: arr(doc.overrides).map((o) => {
      const row = obj(o);
      const scope = obj(row.scope);
      const r = obj(row.rules);
      return {
        id: str(row.id),
        comment: str(row.comment),
        jobIds: joined(scope.jobIds),
        departments: joined(scope.departments),
        jobLevels: joined(scope.jobLevels),
        jobLevelPrefixes: joined(scope.jobLevelPrefixes),
        minTenureMonths: str(obj(r.minTenureMonths).months),
        coolingOffMonths: str(obj(r.coolingOffMonths).months),
        defaultTier: str(row.defaultTier),
      };
    }),
  };
}

/** Reads the posted fields (strings or lists of strings; anything else is ignored) into a model. */
export function policyFormFromPost(
  fields: Partial<Record<PolicyFormField, unknown>>,
  rows: unknown,
): PolicyFormModel {
  const s = (k: PolicyFormField) => (typeof fields[k] === 'string' ? fields[k] : '');
  const list = (k: PolicyFormField) => {
    const v = fields[k];
    return Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : typeof v === 'string'
        ? [v]
        : [];
  };
  // qs gives an array for up to 20 indexed rows and an object beyond: take the values either way.
  const postedRows = Array.isArray(rows) ? rows : Object.values(obj(rows));
  return {
    minTenureMonths: s('minTenureMonths'),
    excludedReasons: list('excludedReasons'),
    coolingOffMonths: s('coolingOffMonths'),
    maxMonths: s('maxMonths'),
    maxBeyond: s('maxBeyond'),
    maxTier: s('maxTier'),
    rehireAccepted: list('rehireAccepted'),
    rehireUnknown: s('rehireUnknown'),
    ratingScale: s('ratingScale'),
    ratingFloor: s('ratingFloor'),
    ratingLastN: s('ratingLastN'),
    ratingMissing: s('ratingMissing'),
    defaultTier: s('defaultTier'),
    overrides: postedRows
      .map(obj)
      .filter((r) => r.remove === undefined)
      .map((r) => {
        const row = { ...EMPTY_OVERRIDE };
        for (const k of Object.keys(EMPTY_OVERRIDE) as (keyof OverrideRow)[])
          row[k] = typeof r[k] === 'string' ? r[k] : '';
        return row;
      }),
  };
}

/**
 * The document the form describes: the base document (tiers, protected stages, comments and anything the form
 * does not show are kept) with the form's rules, default tier and overrides. A blank rule is switched off.
 */
export function documentFromPolicyForm(base: unknown, form: PolicyFormModel): Json {
  const doc = { ...obj(base) };
  const baseRules = obj(doc.rules);
  const rules: Json = {};
  const keep = (key: string, value: Json | null) => {
    if (value)
      rules[key] = {
        ...(obj(baseRules[key]).comment ? { comment: obj(baseRules[key]).comment } : {}),
        ...value,
      };
  };
  keep('minTenureMonths', form.minTenureMonths.trim() ? { months: num(form.minTenureMonths) } : null);
  keep('excludedDepartureReasons', form.excludedReasons.length ? { reasons: form.excludedReasons } : null);
  keep('coolingOffMonths', form.coolingOffMonths.trim() ? { months: num(form.coolingOffMonths) } : null);
  keep(
    'maxMonthsSinceDeparture',
    form.maxMonths.trim()
      ? {
          months: num(form.maxMonths),
          beyond: form.maxBeyond,
          ...(form.maxBeyond === 'tier' ? { tier: form.maxTier.trim() } : {}),
        }
      : null,
  );
  keep(
    'rehireRecommendation',
    form.rehireAccepted.length ? { accepted: form.rehireAccepted, unknown: form.rehireUnknown } : null,
  );
  keep(
    'minRecentRating',
    form.ratingFloor.trim()
      ? {
          scale: splitList(form.ratingScale),
          floor: form.ratingFloor.trim(),
          lastN: num(form.ratingLastN || '1'),
          missing: form.ratingMissing,
        }
      : null,
  );
  doc.rules = rules;
  doc.defaultTier = form.defaultTier.trim();
  const baseOverrides = arr(doc.overrides).map(obj);
  doc.overrides = form.overrides.map((row) => {
    // Rule patches the rows do not show (e.g. a rating floor for a scope) survive from the same override.
    const before = baseOverrides.find((o) => str(o.id) === row.id.trim()) ?? {};
    const patch: Json = { ...obj(before.rules) };
    delete patch.minTenureMonths;
    delete patch.coolingOffMonths;
    if (row.minTenureMonths.trim()) patch.minTenureMonths = { months: num(row.minTenureMonths) };
    if (row.coolingOffMonths.trim()) patch.coolingOffMonths = { months: num(row.coolingOffMonths) };
    const scope: Json = {};
    for (const k of ['jobIds', 'departments', 'jobLevels', 'jobLevelPrefixes'] as const) {
      const values = splitList(row[k]);
      if (values.length) scope[k] = values;
    }
    return {
      id: row.id.trim(),
      ...(row.comment.trim() ? { comment: row.comment.trim() } : {}),
      scope,
      ...(Object.keys(patch).length ? { rules: patch } : {}),
      ...(row.defaultTier.trim() ? { defaultTier: row.defaultTier.trim() } : {}),
    };
  });
  return doc;
}

const RULE_FIELDS: Record<string, PolicyFormField | Record<string, PolicyFormField>> = {
  minTenureMonths: 'minTenureMonths',
  excludedDepartureReasons: 'excludedReasons',
  coolingOffMonths: 'coolingOffMonths',
  maxMonthsSinceDeparture: { tier: 'maxTier', beyond: 'maxBeyond', '': 'maxMonths' },
  rehireRecommendation: { unknown: 'rehireUnknown', '': 'rehireAccepted' },
  minRecentRating: {
    scale: 'ratingScale',
    floor: 'ratingFloor',
    lastN: 'ratingLastN',
    missing: 'ratingMissing',
    '': 'ratingFloor',
  },
};

/**
 * The form field a problem's JSON pointer belongs to (the id of its input), or null when the form does not show
 * that part of the document (then it is listed above the form, with its pointer, and edited in the JSON view).
 */
export function fieldOfPointer(pointer: string): string | null {
  const parts = pointer.split('/').slice(1);
  if (parts[0] === 'defaultTier') return 'defaultTier';
  if (parts[0] === 'rules' && parts[1]) {
    const f = RULE_FIELDS[parts[1]];
    if (typeof f === 'string') return f;
    if (f) return f[parts[2] ?? ''] ?? f[''] ?? null;
    return null;
  }
  if (parts[0] === 'overrides' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const i = parts[1];
    if (parts[2] === 'scope')
      return ['jobIds', 'departments', 'jobLevels', 'jobLevelPrefixes'].includes(parts[3] ?? '')
        ? `ov-${i}-${parts[3]}`
        : `ov-${i}-departments`;
    if (parts[2] === 'rules' && (parts[3] === 'minTenureMonths' || parts[3] === 'coolingOffMonths'))
      return `ov-${i}-${parts[3]}`;
    if (parts[2] === 'defaultTier') return `ov-${i}-defaultTier`;
    return `ov-${i}-id`;
  }
  return null;
}
