import { ValidationFailedException } from '@comeback/platform';
import type { AtsApplication, AtsStage, WorkHistoryEntry } from '../ats-connector.port';
import { asArray, asId, asNumber, asRecord, asText, JsonRecord } from '../util/json-reader';
import { WK_CANDIDATE_SOURCE_FIELD } from './workable.constants';

export interface WorkableStage {
  slug: string;
  name: string;
  kind: string | null;
  position: number;
}

export function mapWorkableStages(rows: unknown[]): WorkableStage[] {
  return rows
    .map(asRecord)
    .filter((r): r is JsonRecord => r !== null)
    .map((r, i) => ({
      slug: asText(r.slug) ?? '',
      name: asText(r.name) ?? '',
      kind: asText(r.kind),
      position: asNumber(r.position) ?? i,
    }))
    .filter((s) => s.slug !== '')
    .sort((a, b) => a.position - b.position);
}

export function toAtsStages(stages: WorkableStage[]): AtsStage[] {
  return stages.map((s, position) => ({ id: s.slug, name: s.name, position }));
}

/**
 * A candidate's `stage` is a slug in lists but a display name on `GET /candidates/:id` (and in webhooks).
 * The slug wins if it matches (it is what `move` needs), else the name, case-insensitively.
 */
export function resolveWorkableStage(stages: WorkableStage[], value: string | null): WorkableStage | null {
  if (!value) return null;
  return (
    stages.find((s) => s.slug === value) ??
    stages.find((s) => s.name.toLowerCase() === value.toLowerCase()) ??
    null
  );
}

function workHistory(candidate: JsonRecord): WorkHistoryEntry[] {
  return asArray(candidate.experience_entries)
    .map(asRecord)
    .filter((e): e is JsonRecord => e !== null)
    .map((e) => ({
      company: asText(e.company),
      title: asText(e.title),
      startDate: asText(e.start_date),
      endDate: asText(e.end_date),
    }));
}

/**
 * A Workable candidate as an application: in Workable the candidate record is per job, so it IS the
 * application (applicationId = candidateId = its id; jobId = the job's shortcode). Without the job's
 * stages (a webhook, parsed before we may call out) the stage id stays null and the raw value is kept
 * as the name; `getApplication` resolves it.
 */
export function mapWorkableCandidate(candidate: JsonRecord, stages: WorkableStage[] | null): AtsApplication {
  const id = asId(candidate.id);
  if (!id) throw new ValidationFailedException('Workable candidate lacks an id');
  const job = asRecord(candidate.job);
  const jobId = asText(job?.shortcode) ?? asText(candidate.job_shortcode);
  if (!jobId) throw new ValidationFailedException(`Workable candidate ${id} lacks job.shortcode`);
  const rawStage = asText(candidate.stage) ?? asText(candidate.stage_slug);
  const stage = stages ? resolveWorkableStage(stages, rawStage) : null;
  const [first, ...rest] = (asText(candidate.name) ?? '').split(/\s+/);
  const email = asText(candidate.email);
  const phone = asText(candidate.phone);
  return {
    applicationId: id,
    candidateId: id,
    jobId,
    jobName: asText(job?.title),
    currentStageId: stage?.slug ?? null,
    currentStageName: stage?.name ?? rawStage,
    status: candidate.disqualified === true ? 'rejected' : stage?.kind === 'hired' ? 'hired' : 'active',
    candidate: {
      firstName: asText(candidate.firstname) ?? (first || null),
      lastName: asText(candidate.lastname) ?? (rest.join(' ') || null),
      emails: email ? [email] : [],
      phones: phone ? [phone] : [],
      tags: asArray(candidate.tags)
        .map(asText)
        .filter((t): t is string => t !== null),
      // Workable's custom candidate attributes are not part of the SPI subset we use.
      customFields: {},
    },
    workHistory: workHistory(candidate),
    referralSource: asText(candidate[WK_CANDIDATE_SOURCE_FIELD]),
  };
}
