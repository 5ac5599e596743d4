// The simulator's in-memory model. Field names follow the vendors' wire names where the object is
// served as is, so the mappers stay thin and a reader can compare them with the docs.

export type Face = 'greenhouse' | 'workable';

export interface GhCustomFieldValue {
  name: string;
  type: string;
  value: unknown;
}

export interface GhAccount {
  company: string;
  clientId: string;
  clientSecret: string;
}

export interface GhUser {
  id: number;
  company: string;
  first_name: string;
  last_name: string;
  name: string;
  primary_email: string;
  employee_id: string | null;
  disabled: boolean;
  site_admin: boolean;
  created_at: string;
  updated_at: string;
}

export interface GhJob {
  id: number;
  company: string;
  name: string;
  status: 'open' | 'closed' | 'draft';
  hiring_manager_ids: number[];
  /** The job's department name; null when it has none. */
  department: string | null;
  created_at: string;
  /** Harvest v3 job `departments [{id, name}]` (the Job resource on developers.greenhouse.io). */
  departments: { id: number; name: string }[];
  /** Job custom fields by name key (a tenant's "level" lives here, if anywhere). */
  custom_fields: Record<string, GhCustomFieldValue>;
  /** The job's one live post on the hosted job board (developers.greenhouse.io/job-board.html). */
  job_post_id: number;
}

export interface GhJobStage {
  id: number;
  job_id: number;
  name: string;
  sort_order: number;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface GhCandidate {
  id: number;
  company: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  company_name: string | null;
  title: string | null;
  email_addresses: { value: string; type: string }[];
  phone_numbers: { value: string; type: string }[];
  tags: string[];
  custom_fields: Record<string, GhCustomFieldValue>;
  /** The CV's employments, as webhook payloads carry them (Harvest v3's candidate rows do not). */
  employments: GhEmployment[];
  linked_user_ids: number[];
  private: boolean;
  created_at: string;
  updated_at: string;
}

/**
 * An employment of the candidate: the fields of Greenhouse's candidate `employments` entries (id, company_name,
 * title, start_date, end_date as ISO timestamps; https://developers.greenhouse.io/harvest.html#candidates, the
 * candidate object), which the webhook payloads' `candidate.employments` carry
 * (https://developers.greenhouse.io/webhooks.html#application-created; empty in that example).
 */
export interface GhEmployment {
  id: number;
  company_name: string;
  title: string | null;
  start_date: string | null;
  end_date: string | null;
}

export type GhApplicationStatus = 'active' | 'rejected' | 'hired';

export interface GhApplication {
  id: number;
  company: string;
  candidate_id: number;
  job_id: number;
  status: GhApplicationStatus;
  prospect: boolean;
  /**
   * The job interview stage the application is in. Harvest v3 serves it as `job_interview_stage_id`; its
   * `stage_id` is the id of the current application-stage row (ats-contracts.md, "Two stage ids").
   */
  job_interview_stage_id: number;
  applied_at: string;
  created_at: string;
  updated_at: string;
  last_activity_at: string;
  rejected_at: string | null;
  source: { id: number; public_name: string } | null;
  referrer_id: number | null;
  recruiter_id: number | null;
  custom_fields: Record<string, GhCustomFieldValue>;
}

export interface GhApplicationStage {
  id: number;
  application_id: number;
  job_interview_stage_id: number;
  entered_at: string;
  exited_at: string | null;
  current: boolean;
  /** Who moved it here: the Harvest API (the product) or the control API (a simulated recruiter). */
  moved_by: 'seed' | 'api' | 'control';
}

export type GhNoteVisibility = 'public' | 'private' | 'admin_only';

export interface GhNote {
  id: number;
  company: string;
  candidate_id: number;
  application_id: number | null;
  user_id: number;
  body: string;
  note_type: string;
  visibility: GhNoteVisibility;
  created_at: string;
}

export interface GhOffer {
  id: number;
  company: string;
  application_id: number;
  candidate_id: number;
  job_id: number;
  status: string;
  version: number;
  sent_on: string | null;
  starts_on: string | null;
  resolved_at: string | null;
  deprecated: boolean;
  created_at: string;
  updated_at: string;
  custom_fields: Record<string, GhCustomFieldValue>;
}

export interface GhCandidateTag {
  id: number;
  company: string;
  name: string;
}

export interface GhWebhook {
  id: number;
  company: string;
  url: string;
  secret: string;
  /** One event type per webhook, as in Greenhouse's UI ("When"), each webhook with its own secret key. */
  action: string;
  enabled: boolean;
}

export interface WkAccount {
  company: string;
  subdomain: string;
  name: string;
  token: string;
}

export interface WkMember {
  id: string;
  company: string;
  name: string;
  email: string;
  headline: string;
  role: string;
}

export interface WkStage {
  slug: string;
  name: string;
  kind: string;
  position: number;
}

/** A member on a job's hiring team and their role in it (workable.readme.io/reference/job-members). */
export interface WkJobMember {
  member_id: string;
  collaboration_role: string;
}

export interface WkJob {
  shortcode: string;
  company: string;
  title: string;
  /** `department` of a job in `GET /jobs` (workable.readme.io/reference/jobs). */
  department: string | null;
  state: 'published' | 'draft' | 'closed' | 'archived';
  stages: WkStage[];
  hiring_team: WkJobMember[];
}

export interface WkExperience {
  company: string | null;
  title: string | null;
  start_date: string | null;
  end_date: string | null;
  current?: boolean;
  summary?: string | null;
  industry?: string | null;
}

export interface WkEducation {
  school: string | null;
  degree: string | null;
  field_of_study: string | null;
  start_date: string | null;
  end_date: string | null;
}

export interface WkComment {
  id: string;
  member_id: string;
  body: string;
  policy: string[];
  created_at: string;
}

export interface WkCandidate {
  id: string;
  company: string;
  firstname: string;
  lastname: string;
  headline: string | null;
  email: string | null;
  phone: string | null;
  job_shortcode: string;
  stage_slug: string;
  disqualified: boolean;
  /** Set when disqualified (workable.readme.io/reference/candidate-events `disqualified_at`). */
  disqualified_at?: string | null;
  /** Set when hired (`hired_at`). */
  hired_at?: string | null;
  sourced: boolean;
  /**
   * Where the applicant came from: the `utm_source` of the link they applied through (help.workable.com
   * "Tracking custom candidate sources with a UTM link", article 4402389819671); null when none.
   */
  source: string | null;
  tags: string[];
  experience_entries: WkExperience[];
  education_entries: WkEducation[];
  comments: WkComment[];
  stage_history: {
    stage_slug: string;
    at: string;
    moved_by: 'seed' | 'api' | 'control';
    member_id?: string;
  }[];
  created_at: string;
  updated_at: string;
}

export interface WkSubscription {
  id: number;
  company: string;
  target: string;
  event: string;
  args: { account_id?: string; job_shortcode?: string; stage_slug?: string };
  created_at: string;
  valid_until: string;
}
