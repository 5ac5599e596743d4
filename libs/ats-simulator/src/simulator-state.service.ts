import { Injectable } from '@nestjs/common';
import type {
  GhAccount,
  GhApplication,
  GhApplicationStage,
  GhCandidate,
  GhCandidateTag,
  GhCustomFieldValue,
  GhJob,
  GhJobStage,
  GhNote,
  GhOffer,
  GhUser,
  GhWebhook,
  WkAccount,
  WkCandidate,
  WkJob,
  WkMember,
  WkSubscription,
} from './simulator.types';
import { GH_JOB_LEVEL_FIELD_SIM } from './contract.constants';

// Each kind of id starts in its own range so that a test (or a product bug) mixing, say, an application
// stage id with a job interview stage id hits "not found" instead of silently matching.
const ID_BASES = {
  ghUser: 4001,
  ghJob: 2001,
  ghStage: 3001,
  ghCandidate: 10001,
  ghApplication: 20001,
  ghApplicationStage: 50001,
  ghNote: 70001,
  ghOffer: 80001,
  ghTag: 60001,
  ghAppliedTag: 61001,
  ghWebhook: 90001,
  wkSubscription: 501,
  wkMember: 0x2a0001,
  wkCandidate: 0x3fc0001,
  wkComment: 0x7c0001,
  wkJob: 0x1e001,
} as const;
type IdKind = keyof typeof ID_BASES;

export interface GhTokenRecord {
  token: string;
  clientId: string;
  company: string;
  sub: number | null;
  expiresAt: number;
}

/** All simulated vendor data, per company. One company may hold a Greenhouse and a Workable account. */
@Injectable()
export class SimulatorState {
  private counters = new Map<IdKind, number>();

  gh = emptyGreenhouse();
  wk = emptyWorkable();
  tokens = new Map<string, GhTokenRecord>();

  reset(): void {
    this.counters.clear();
    this.gh = emptyGreenhouse();
    this.wk = emptyWorkable();
    this.tokens.clear();
  }

  nextId(kind: IdKind): number {
    const next = this.counters.get(kind) ?? ID_BASES[kind];
    this.counters.set(kind, next + 1);
    return next;
  }

  /** Workable ids are short hex strings on the wire. */
  nextHexId(kind: 'wkMember' | 'wkCandidate' | 'wkComment'): string {
    return this.nextId(kind).toString(16);
  }

  now(): string {
    return new Date().toISOString();
  }

  // ------------------------------------------------------------ Greenhouse look-ups

  ghAccountByClientId(clientId: string): GhAccount | undefined {
    return [...this.gh.accounts.values()].find((a) => a.clientId === clientId);
  }

  ghStagesOfJob(jobId: number): GhJobStage[] {
    return this.gh.stages.filter((s) => s.job_id === jobId).sort((a, b) => a.sort_order - b.sort_order);
  }

  ghStage(id: number): GhJobStage | undefined {
    return this.gh.stages.find((s) => s.id === id);
  }

  ghJob(id: number, company?: string): GhJob | undefined {
    return this.gh.jobs.find((j) => j.id === id && (company === undefined || j.company === company));
  }

  ghCandidate(id: number, company?: string): GhCandidate | undefined {
    const c = this.gh.candidateById.get(id);
    return c && (company === undefined || c.company === company) ? c : undefined;
  }

  ghApplication(id: number, company?: string): GhApplication | undefined {
    const a = this.gh.applicationById.get(id);
    return a && (company === undefined || a.company === company) ? a : undefined;
  }

  ghUser(id: number, company?: string): GhUser | undefined {
    return this.gh.users.find((u) => u.id === id && (company === undefined || u.company === company));
  }

  ghCurrentApplicationStage(applicationId: number): GhApplicationStage | undefined {
    return this.gh.currentStageByApplication.get(applicationId);
  }

  // ------------------------------------------------------------ Greenhouse writes

  addGhAccount(account: GhAccount): GhAccount {
    if (this.ghAccountByClientId(account.clientId)) throw new Error(`client id ${account.clientId} is taken`);
    this.gh.accounts.set(account.company, account);
    return account;
  }

  addGhUser(
    company: string,
    u: {
      first_name: string;
      last_name: string;
      email: string;
      employee_id?: string | null;
      site_admin?: boolean;
    },
  ): GhUser {
    const at = this.now();
    const user: GhUser = {
      id: this.nextId('ghUser'),
      company,
      first_name: u.first_name,
      last_name: u.last_name,
      name: `${u.first_name} ${u.last_name}`.trim(),
      primary_email: u.email,
      employee_id: u.employee_id ?? null,
      disabled: false,
      site_admin: u.site_admin ?? false,
      created_at: at,
      updated_at: at,
    };
    this.gh.users.push(user);
    return user;
  }

  addGhJob(
    company: string,
    name: string,
    stageNames: string[],
    hiringManagerIds: number[],
    extra: { department?: string; level?: string; status?: GhJob['status'] } = {},
  ): GhJob {
    const at = this.now();
    const id = this.nextId('ghJob');
    const job: GhJob = {
      id,
      company,
      name,
      status: extra.status ?? 'open',
      hiring_manager_ids: hiringManagerIds,
      department: extra.department ?? null,
      created_at: at,
      departments: extra.department
        ? [{ id: this.departmentId(extra.department), name: extra.department }]
        : [],
      custom_fields: extra.level
        ? { [GH_JOB_LEVEL_FIELD_SIM]: { name: 'Level', type: 'short_text', value: extra.level } }
        : {},
      job_post_id: 500_000 + id,
    };
    this.gh.jobs.push(job);
    stageNames.forEach((stageName, i) =>
      this.gh.stages.push({
        id: this.nextId('ghStage'),
        job_id: job.id,
        name: stageName,
        sort_order: i,
        active: true,
        created_at: at,
        updated_at: at,
      }),
    );
    return job;
  }

  addGhCandidate(
    company: string,
    c: Omit<GhCandidate, 'id' | 'company' | 'created_at' | 'updated_at'>,
  ): GhCandidate {
    const at = this.now();
    const candidate: GhCandidate = {
      ...c,
      id: this.nextId('ghCandidate'),
      company,
      created_at: at,
      updated_at: at,
    };
    for (const tag of candidate.tags) this.ghTagDefinition(company, tag);
    this.gh.candidates.push(candidate);
    this.gh.candidateById.set(candidate.id, candidate);
    return candidate;
  }

  addGhApplication(
    company: string,
    a: {
      candidate_id: number;
      job_id: number;
      job_interview_stage_id: number;
      status: GhApplication['status'];
      prospect: boolean;
      source: string | null;
      custom_fields: Record<string, GhCustomFieldValue>;
    },
  ): GhApplication {
    const at = this.now();
    const application: GhApplication = {
      id: this.nextId('ghApplication'),
      company,
      candidate_id: a.candidate_id,
      job_id: a.job_id,
      status: a.status,
      prospect: a.prospect,
      job_interview_stage_id: a.job_interview_stage_id,
      applied_at: at,
      created_at: at,
      updated_at: at,
      last_activity_at: at,
      rejected_at: a.status === 'rejected' ? at : null,
      source: a.source ? { id: this.sourceId(a.source), public_name: a.source } : null,
      referrer_id: null,
      recruiter_id: null,
      custom_fields: a.custom_fields,
    };
    this.gh.applications.push(application);
    this.gh.applicationById.set(application.id, application);
    this.enterGhStage(application.id, a.job_interview_stage_id, at, 'seed');
    return application;
  }

  /** Closes the current stage row and opens a new one: the history the product may read back. */
  moveGhApplication(application: GhApplication, toStageId: number, by: GhApplicationStage['moved_by']): void {
    const at = this.now();
    const current = this.ghCurrentApplicationStage(application.id);
    if (current) {
      current.current = false;
      current.exited_at = at;
    }
    this.enterGhStage(application.id, toStageId, at, by);
    application.job_interview_stage_id = toStageId;
    application.updated_at = at;
    application.last_activity_at = at;
  }

  private enterGhStage(
    applicationId: number,
    stageId: number,
    at: string,
    by: GhApplicationStage['moved_by'],
  ): void {
    const row: GhApplicationStage = {
      id: this.nextId('ghApplicationStage'),
      application_id: applicationId,
      job_interview_stage_id: stageId,
      entered_at: at,
      exited_at: null,
      current: true,
      moved_by: by,
    };
    this.gh.applicationStages.push(row);
    this.gh.currentStageByApplication.set(applicationId, row);
  }

  ghTagDefinition(company: string, name: string): GhCandidateTag {
    const existing = this.gh.candidateTags.find(
      (t) => t.company === company && t.name.toLowerCase() === name.toLowerCase(),
    );
    if (existing) return existing;
    const tag: GhCandidateTag = { id: this.nextId('ghTag'), company, name };
    this.gh.candidateTags.push(tag);
    return tag;
  }

  addGhNote(n: Omit<GhNote, 'id' | 'created_at'>): GhNote {
    const note: GhNote = { ...n, id: this.nextId('ghNote'), created_at: this.now() };
    this.gh.notes.push(note);
    return note;
  }

  addGhOffer(
    company: string,
    application: GhApplication,
    o: {
      status: string;
      starts_on: string | null;
      sent_on: string | null;
      custom_fields: Record<string, GhCustomFieldValue>;
    },
  ): GhOffer {
    const at = this.now();
    const previous = this.gh.offers.filter((x) => x.application_id === application.id && !x.deprecated);
    // Greenhouse keeps one live offer per application; a new one deprecates the old and bumps the version.
    for (const p of previous) p.deprecated = true;
    const offer: GhOffer = {
      id: this.nextId('ghOffer'),
      company,
      application_id: application.id,
      candidate_id: application.candidate_id,
      job_id: application.job_id,
      status: o.status,
      version: previous.reduce((v, p) => Math.max(v, p.version), 0) + 1,
      sent_on: o.sent_on,
      starts_on: o.starts_on,
      resolved_at: null,
      deprecated: false,
      created_at: at,
      updated_at: at,
      custom_fields: o.custom_fields,
    };
    this.gh.offers.push(offer);
    application.last_activity_at = at;
    return offer;
  }

  addGhWebhook(w: Omit<GhWebhook, 'id'>): GhWebhook {
    const webhook: GhWebhook = { ...w, id: this.nextId('ghWebhook') };
    this.gh.webhooks.push(webhook);
    return webhook;
  }

  private departmentId(name: string): number {
    const known = this.gh.departments.get(name);
    if (known) return known;
    const id = 4_000 + this.gh.departments.size;
    this.gh.departments.set(name, id);
    return id;
  }

  /** A tracking link's source token (gh_src) → the source it was made for; unknown tokens map to none. */
  ghSourceOfToken(company: string, token: string | null): string | null {
    if (!token) return null;
    return this.gh.trackingLinks.get(`${company}\u0000${token}`) ?? null;
  }

  addGhTrackingLink(company: string, token: string, source: string): void {
    this.gh.trackingLinks.set(`${company}\u0000${token}`, source);
  }

  private sourceId(name: string): number {
    const known = this.gh.sources.get(name);
    if (known !== undefined) return known;
    const id = 100 + this.gh.sources.size;
    this.gh.sources.set(name, id);
    return id;
  }

  // ------------------------------------------------------------ Workable

  wkAccountByToken(token: string): WkAccount | undefined {
    return [...this.wk.accounts.values()].find((a) => a.token === token);
  }

  wkJob(shortcode: string, company?: string): WkJob | undefined {
    return this.wk.jobs.find(
      (j) => j.shortcode === shortcode && (company === undefined || j.company === company),
    );
  }

  wkCandidate(id: string, company?: string): WkCandidate | undefined {
    return this.wk.candidates.find((c) => c.id === id && (company === undefined || c.company === company));
  }

  addWkAccount(account: WkAccount): WkAccount {
    if (this.wkAccountByToken(account.token)) throw new Error('workable token is taken');
    this.wk.accounts.set(account.company, account);
    return account;
  }

  addWkMember(
    company: string,
    m: { name: string; email: string; role?: string; headline?: string },
  ): WkMember {
    const member: WkMember = {
      id: this.nextHexId('wkMember'),
      company,
      name: m.name,
      email: m.email,
      role: m.role ?? 'recruiter',
      headline: m.headline ?? '',
    };
    this.wk.members.push(member);
    return member;
  }

  addWkJob(
    company: string,
    title: string,
    shortcode: string | undefined,
    stages: { name: string; slug?: string; kind?: string }[],
    department: string | null = null,
  ): WkJob {
    const job: WkJob = {
      shortcode: shortcode ?? this.nextId('wkJob').toString(16).toUpperCase(),
      company,
      title,
      department,
      state: 'published',
      stages: stages.map((s, i) => ({
        name: s.name,
        slug: s.slug ?? slugify(s.name, i),
        kind: s.kind ?? 'interview',
        position: i,
      })),
      hiring_team: [],
    };
    if (this.wkJob(job.shortcode)) throw new Error(`workable job ${job.shortcode} exists`);
    this.wk.jobs.push(job);
    return job;
  }

  addWkCandidate(
    company: string,
    c: Omit<WkCandidate, 'id' | 'company' | 'created_at' | 'updated_at' | 'comments' | 'stage_history'>,
  ): WkCandidate {
    const at = this.now();
    const candidate: WkCandidate = {
      ...c,
      id: this.nextHexId('wkCandidate'),
      company,
      comments: [],
      stage_history: [{ stage_slug: c.stage_slug, at, moved_by: 'seed' }],
      created_at: at,
      updated_at: at,
    };
    this.wk.candidates.push(candidate);
    return candidate;
  }

  moveWkCandidate(candidate: WkCandidate, slug: string, by: 'api' | 'control', memberId?: string): void {
    const at = this.now();
    candidate.stage_slug = slug;
    candidate.updated_at = at;
    candidate.stage_history.push({
      stage_slug: slug,
      at,
      moved_by: by,
      ...(memberId ? { member_id: memberId } : {}),
    });
  }

  addWkSubscription(s: Omit<WkSubscription, 'id'>): WkSubscription {
    const sub: WkSubscription = { ...s, id: this.nextId('wkSubscription') };
    this.wk.subscriptions.push(sub);
    return sub;
  }
}

function emptyGreenhouse() {
  return {
    accounts: new Map<string, GhAccount>(),
    users: [] as GhUser[],
    jobs: [] as GhJob[],
    stages: [] as GhJobStage[],
    candidates: [] as GhCandidate[],
    applications: [] as GhApplication[],
    applicationStages: [] as GhApplicationStage[],
    // Look-ups by id: the benchmarks hold thousands of applicants, and a scan per request would make the
    // simulator, not the product, the bottleneck.
    candidateById: new Map<number, GhCandidate>(),
    applicationById: new Map<number, GhApplication>(),
    currentStageByApplication: new Map<number, GhApplicationStage>(),
    notes: [] as GhNote[],
    offers: [] as GhOffer[],
    candidateTags: [] as GhCandidateTag[],
    appliedTags: [] as { id: number; candidate_id: number; candidate_tag_id: number }[],
    webhooks: [] as GhWebhook[],
    sources: new Map<string, number>(),
    departments: new Map<string, number>(),
    /** `company NUL token` → source name (Configure → Job Board → Tracking Link in Greenhouse's UI). */
    trackingLinks: new Map<string, string>(),
  };
}

function emptyWorkable() {
  return {
    accounts: new Map<string, WkAccount>(),
    members: [] as WkMember[],
    jobs: [] as WkJob[],
    candidates: [] as WkCandidate[],
    subscriptions: [] as WkSubscription[],
  };
}

/** Workable slugs are ASCII; a Japanese stage name gets a positional slug instead of an empty one. */
function slugify(name: string, position: number): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug || `stage_${position + 1}`;
}
