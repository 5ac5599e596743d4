import { ValidationFailedException } from '@comeback/platform';
import type { AtsApplication, AtsOffer, AtsStage, WorkHistoryEntry } from '../ats-connector.port';
import {
  asArray,
  asId,
  asNumber,
  asRecord,
  asString,
  asText,
  fieldValueToText,
  JsonRecord,
} from '../util/json-reader';

/** Greenhouse speaks `active` in webhooks and filters but `in_process` in Harvest v3 lists. */
export function mapGreenhouseStatus(status: unknown): AtsApplication['status'] {
  const s = asString(status);
  if (s === 'active' || s === 'in_process') return 'active';
  if (s === 'rejected' || s === 'hired') return s;
  return 'other';
}

/** `custom_fields {key: {name, type, value}}` → {key: text}. Candidate fields win over application ones. */
export function mapCustomFields(...sources: unknown[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const source of sources) {
    const rec = asRecord(source);
    if (!rec) continue;
    for (const [key, field] of Object.entries(rec)) {
      if (key in out) continue;
      const f = asRecord(field);
      // Webhooks wrap each value in {name, type, value}; tolerate a bare value too.
      out[key] = fieldValueToText(f && 'value' in f ? f.value : field);
    }
  }
  return out;
}

function values(list: unknown): string[] {
  return asArray(list)
    .map((e) => asText(asRecord(e)?.value) ?? asText(e))
    .filter((v): v is string => v !== null);
}

/**
 * Employment history: `employments` when the payload carries it; otherwise the candidate's current
 * `company`/`title` (all Harvest v3 gives) as one open-ended entry, which is still a useful match signal.
 */
export function mapWorkHistory(candidate: JsonRecord): WorkHistoryEntry[] {
  const employments = asArray(candidate.employments)
    .map(asRecord)
    .filter((e): e is JsonRecord => e !== null)
    .map((e) => ({
      company: asText(e.company_name) ?? asText(e.company),
      title: asText(e.title),
      startDate: asText(e.start_date),
      endDate: asText(e.end_date),
    }));
  if (employments.length) return employments;
  const company = asText(candidate.company);
  const title = asText(candidate.title);
  return company || title ? [{ company, title, startDate: null, endDate: null }] : [];
}

export function mapCandidate(
  candidate: JsonRecord,
  applicationCustomFields?: unknown,
): AtsApplication['candidate'] {
  return {
    firstName: asText(candidate.first_name),
    lastName: asText(candidate.last_name),
    emails: values(candidate.email_addresses),
    phones: values(candidate.phone_numbers),
    tags: asArray(candidate.tags)
      .map(asText)
      .filter((t): t is string => t !== null),
    customFields: mapCustomFields(candidate.custom_fields, applicationCustomFields),
  };
}

function required(value: string | null, what: string): string {
  if (value === null) throw new ValidationFailedException(`Greenhouse payload lacks ${what}`);
  return value;
}

/** A webhook's `payload.application` (candidate embedded, job in `jobs[0]`, stage in `current_stage`). */
export function mapWebhookApplication(application: JsonRecord): AtsApplication {
  const candidate = asRecord(application.candidate);
  if (!candidate) throw new ValidationFailedException('Greenhouse payload lacks application.candidate');
  const job = asRecord(asArray(application.jobs)[0]);
  const stage = asRecord(application.current_stage);
  return {
    applicationId: required(asId(application.id), 'application.id'),
    candidateId: required(asId(candidate.id), 'application.candidate.id'),
    jobId: required(asId(job?.id), 'application.jobs[0].id'),
    jobName: asText(job?.name),
    // Webhooks (unchanged by Harvest v3) name the job's stage in `current_stage`; the row id is not sent.
    currentStageId: asId(stage?.id),
    currentStageName: asText(stage?.name),
    currentStagePositionId: null,
    status: mapGreenhouseStatus(application.status),
    candidate: mapCandidate(candidate, application.custom_fields),
    workHistory: mapWorkHistory(candidate),
    // `source {id, public_name}`: a tracking link's source lands here (GH_MARKER_PARAM).
    referralSource: asText(asRecord(application.source)?.public_name),
  };
}

/** A Harvest v3 application row plus its candidate row (fetched separately: v3 does not embed). */
export function mapHarvestApplication(application: JsonRecord, candidate: JsonRecord | null): AtsApplication {
  const applicationId = required(asId(application.id), 'application id');
  const candidateId = required(
    asId(application.candidate_id) ?? asId(candidate?.id),
    `candidate of application ${applicationId}`,
  );
  return {
    applicationId,
    candidateId,
    jobId: required(asId(application.job_id), `job of application ${applicationId}`),
    // v3 application rows carry the job id only; a job lookup per application is not worth the budget.
    jobName: asText(application.job_name),
    // Two stage ids (ats-contracts.md, "Two stage ids"): `job_interview_stage_id` is the job's stage and joins
    // `job_interview_stages.id`, which is what plans speak; `stage_id` is the application-stage row (unique
    // per application), only ever used as a move's `from_stage_id`.
    currentStageId: asId(application.job_interview_stage_id),
    currentStageName: asText(application.stage_name),
    currentStagePositionId: asId(application.stage_id),
    status: mapGreenhouseStatus(application.status),
    candidate: candidate
      ? mapCandidate(candidate, application.custom_fields)
      : {
          firstName: null,
          lastName: null,
          emails: [],
          phones: [],
          tags: [],
          customFields: mapCustomFields(application.custom_fields),
        },
    workHistory: candidate ? mapWorkHistory(candidate) : [],
  };
}

/** `job_interview_stages` rows → ordered stages; inactive stages are no move target, so they are left out. */
export function mapJobStages(rows: unknown[]): AtsStage[] {
  return rows
    .map(asRecord)
    .filter((r): r is JsonRecord => r !== null && r.active !== false)
    .map((r) => ({
      id: asId(r.id),
      name: asText(r.name) ?? '',
      order: asNumber(r.sort_order) ?? Number.MAX_SAFE_INTEGER,
    }))
    .filter((r): r is { id: string; name: string; order: number } => r.id !== null)
    .sort((a, b) => a.order - b.order || Number(a.id) - Number(b.id))
    .map((r, position) => ({ id: r.id, name: r.name, position }));
}

/**
 * Salary from an offer's custom field. The tenant names the field (`offerSalaryField`), by key or by
 * display name. Values seen: a number, a string with separators, or a currency object {amount, unit}.
 */
export function offerSalary(customFields: unknown, field: string | null): number | null {
  const fields = asRecord(customFields);
  if (!fields || !field) return null;
  let entry: unknown = fields[field];
  if (entry === undefined) {
    const wanted = field.trim().toLowerCase();
    entry = Object.values(fields).find((f) => asText(asRecord(f)?.name)?.toLowerCase() === wanted);
  }
  const rec = asRecord(entry);
  const value = rec && 'value' in rec ? rec.value : entry;
  return parseMoney(value);
}

export function parseMoney(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const cleaned = value.replace(/[^\d.-]/g, '');
    const n = cleaned === '' ? NaN : Number(cleaned);
    return Number.isFinite(n) ? n : null;
  }
  const rec = asRecord(value);
  return rec ? parseMoney(rec.amount ?? rec.value) : null;
}

export function mapOffer(offer: JsonRecord, salaryField: string | null): AtsOffer {
  const version = asId(offer.version);
  const updated = asText(offer.updated_at);
  return {
    offerId: required(asId(offer.id), 'offer id'),
    applicationId: required(asId(offer.application_id), 'offer application_id'),
    // A new version is a new offer; updated_at catches edits Greenhouse makes without bumping it.
    version: [version && `v${version}`, updated].filter(Boolean).join('@') || 'unknown',
    status: asText(offer.status) ?? asText(offer.offer_status) ?? 'unknown',
    salary: offerSalary(offer.custom_fields, salaryField),
  };
}
