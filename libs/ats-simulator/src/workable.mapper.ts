import type { SimulatorState } from './simulator-state.service';
import type { WkCandidate } from './simulator.types';

/**
 * Workable's candidate resource. The same candidate shows its stage as a name on `GET /candidates/:id`
 * and as a slug on lists (ats-contracts.md); `move` takes the slug.
 */
export function toWorkableCandidate(
  state: SimulatorState,
  c: WkCandidate,
  stageForm: 'name' | 'slug',
  detailed: boolean,
): Record<string, unknown> {
  const account = state.wk.accounts.get(c.company);
  const job = state.wkJob(c.job_shortcode);
  const stage = job?.stages.find((s) => s.slug === c.stage_slug);
  const base: Record<string, unknown> = {
    id: c.id,
    name: `${c.firstname} ${c.lastname}`.trim(),
    firstname: c.firstname,
    lastname: c.lastname,
    headline: c.headline,
    account: { subdomain: account?.subdomain ?? null, name: account?.name ?? null },
    job: { shortcode: c.job_shortcode, title: job?.title ?? null },
    stage: stageForm === 'name' ? (stage?.name ?? c.stage_slug) : c.stage_slug,
    disqualified: c.disqualified,
    disqualification_reason: null,
    disqualified_at: c.disqualified_at ?? null,
    hired_at: c.hired_at ?? null,
    sourced: c.sourced,
    profile_url: `https://${account?.subdomain ?? 'account'}.workable.com/backend/candidates/${c.id}`,
    address: null,
    phone: c.phone,
    email: c.email,
    // Where the candidate came from; a UTM link's `utm_source` lands here (WK_CANDIDATE_SOURCE_FIELD).
    domain: c.source,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
  if (!detailed) return base;
  return {
    ...base,
    tags: c.tags,
    experience_entries: c.experience_entries,
    education_entries: c.education_entries,
    skills: [],
    answers: [],
    summary: null,
    cover_letter: null,
    social_profiles: [],
    resume_url: null,
  };
}
