// Request shapes of the control API (`/_sim`). Loosely checked at run time: this is a test tool, and a
// refused seed says which field was wrong.
import type { WkEducation, WkExperience } from './simulator.types';

export interface GhUserSeed {
  firstName: string;
  lastName: string;
  email: string;
  employeeId?: string;
  /** Harvest v3 GETs answer only a Site Admin acting user (`sub`); default false, like a new Greenhouse user. */
  siteAdmin?: boolean;
}

export interface GhJobSeed {
  name: string;
  department?: string;
  /** Kept in the job custom field `job_level`. */
  level?: string;
  status?: 'open' | 'closed' | 'draft';
  /** Ordered; the first is where new applications land. */
  stages: string[];
  /** E-mails of seeded users. */
  hiringManagers?: string[];
}

export interface GhApplicationSeed {
  /** Job name (or id). */
  job: string | number;
  /** Stage name (or job interview stage id); default the job's first stage. */
  stage?: string | number;
  status?: 'active' | 'rejected' | 'hired';
  prospect?: boolean;
  source?: string;
  customFields?: Record<string, unknown>;
}

export interface GhCandidateSeed {
  firstName: string;
  lastName: string;
  emails?: string[];
  phones?: string[];
  tags?: string[];
  title?: string;
  company?: string;
  customFields?: Record<string, unknown>;
  /** The CV's employments (dates YYYY-MM-DD; end null while current). */
  employments?: { companyName: string; title?: string; startDate?: string; endDate?: string | null }[];
  applications?: GhApplicationSeed[];
}

export interface WkJobMemberSeed {
  /** E-mail of a seeded member. */
  email: string;
  /** Role in the job's hiring team; default `hiring_manager`. */
  collaborationRole?: string;
}

export interface WkJobSeed {
  title: string;
  department?: string;
  shortcode?: string;
  /** The job's hiring team. */
  members?: WkJobMemberSeed[];
  stages: (string | { name: string; slug?: string; kind?: string })[];
}

export interface WkCandidateSeed {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  headline?: string;
  /** Job shortcode or title. */
  job: string;
  /** Stage name or slug; default the job's first stage. */
  stage?: string;
  tags?: string[];
  /** Where they came from (a UTM link's `utm_source`). */
  source?: string;
  experience?: WkExperience[];
  education?: WkEducation[];
}

export interface SeedRequest {
  /** Key that ties a Greenhouse and a Workable account to one customer; default "default". */
  company?: string;
  greenhouse?: {
    clientId?: string;
    clientSecret?: string;
    users?: GhUserSeed[];
    jobs?: GhJobSeed[];
    candidates?: GhCandidateSeed[];
    /** Tracking links HR made in Greenhouse's UI: source token (gh_src) → source name. */
    trackingLinks?: { token: string; source: string }[];
    /** One webhook per action (all of ours when none is named), each with `secrets[action]` or `secret`. */
    webhook?: {
      url: string;
      secret?: string;
      action?: string;
      actions?: string[];
      secrets?: Record<string, string>;
    };
  };
  workable?: {
    subdomain?: string;
    token?: string;
    name?: string;
    members?: { name: string; email: string; role?: string }[];
    jobs?: WkJobSeed[];
    candidates?: WkCandidateSeed[];
  };
}

/** A CV's experience as Workable holds it (`WkCandidateSeed.experience`), seeded into Greenhouse as employments. */
export function greenhouseEmploymentsOf(
  experience: readonly Pick<WkExperience, 'company' | 'title' | 'start_date' | 'end_date'>[] = [],
): NonNullable<GhCandidateSeed['employments']> {
  return experience
    .filter((e): e is typeof e & { company: string } => e.company !== null)
    .map((e) => ({
      companyName: e.company,
      ...(e.title !== null ? { title: e.title } : {}),
      ...(e.start_date !== null ? { startDate: e.start_date } : {}),
      endDate: e.end_date,
    }));
}
