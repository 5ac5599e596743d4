import { BadRequestException, Injectable, NotFoundException, Inject } from '@nestjs/common';
import type {
  GhApplicationSeed,
  GhCandidateSeed,
  SeedRequest,
  WkCandidateSeed,
  WkJobMemberSeed,
} from './control.types';
import { GH_WEBHOOK_ACTIONS, GreenhouseWebhookService } from './greenhouse-webhook.service';
import { GreenhouseService, toCandidate, toNote } from './greenhouse.service';
import { SimulatorConfigService } from './simulator-config.service';
import { SimulatorState } from './simulator-state.service';
import type { GhApplication, GhCustomFieldValue, GhOffer, WkCandidate } from './simulator.types';
import { TrafficService } from './traffic.service';
import { Delivery, WebhookDispatcher } from './webhook-dispatcher.service';
import { WorkableWebhookService } from './workable-webhook.service';

const DEFAULT_COMPANY = 'default';

function bad(message: string): BadRequestException {
  return new BadRequestException({ message });
}

function need(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw bad(`${what} is required`);
  return value;
}

function toCustomFields(raw: Record<string, unknown> | undefined): Record<string, GhCustomFieldValue> {
  const out: Record<string, GhCustomFieldValue> = {};
  for (const [key, v] of Object.entries(raw ?? {})) {
    // Either a bare value or the full {name, type, value} Greenhouse serves.
    if (typeof v === 'object' && v !== null && 'value' in v) {
      const f = v as Partial<GhCustomFieldValue>;
      out[key] = { name: f.name ?? key, type: f.type ?? 'short_text', value: f.value };
    } else out[key] = { name: key, type: typeof v === 'number' ? 'number' : 'short_text', value: v };
  }
  return out;
}

function summarise(deliveries: Delivery[]): { id: string; eventId: string; url: string }[] {
  return deliveries.map((d) => ({ id: d.id, eventId: d.eventId, url: d.url }));
}

/** What tests and the demo do "as the vendor's users": seed data, act as a recruiter, fire webhooks. */
@Injectable()
export class ControlService {
  constructor(
    @Inject(SimulatorState) private readonly state: SimulatorState,
    @Inject(SimulatorConfigService) private readonly config: SimulatorConfigService,
    @Inject(TrafficService) private readonly traffic: TrafficService,
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
    @Inject(GreenhouseService) private readonly greenhouse: GreenhouseService,
    @Inject(GreenhouseWebhookService) private readonly ghWebhooks: GreenhouseWebhookService,
    @Inject(WorkableWebhookService) private readonly wkWebhooks: WorkableWebhookService,
  ) {}

  reset(): void {
    this.state.reset();
    this.config.reset();
    this.traffic.resetCounters();
    this.dispatcher.clear();
  }

  async seed(req: SeedRequest): Promise<Record<string, unknown>> {
    const company = req.company ?? DEFAULT_COMPANY;
    const result: Record<string, unknown> = { company };
    if (req.greenhouse) result.greenhouse = await this.seedGreenhouse(company, req.greenhouse);
    if (req.workable) result.workable = this.seedWorkable(company, req.workable);
    return result;
  }

  private async seedGreenhouse(
    company: string,
    gh: NonNullable<SeedRequest['greenhouse']>,
  ): Promise<Record<string, unknown>> {
    if (!this.state.gh.accounts.has(company)) {
      try {
        this.state.addGhAccount({
          company,
          clientId: need(gh.clientId, 'greenhouse.clientId'),
          clientSecret: need(gh.clientSecret, 'greenhouse.clientSecret'),
        });
      } catch (e) {
        throw bad(e instanceof Error ? e.message : String(e));
      }
    }
    const users = (gh.users ?? []).map((u) =>
      this.state.addGhUser(company, {
        first_name: need(u.firstName, 'user.firstName'),
        last_name: u.lastName ?? '',
        email: need(u.email, 'user.email'),
        employee_id: u.employeeId ?? null,
        site_admin: u.siteAdmin ?? false,
      }),
    );
    const jobs = (gh.jobs ?? []).map((j) => {
      if (!Array.isArray(j.stages) || j.stages.length === 0) throw bad(`job ${j.name} needs stages`);
      const managers = (j.hiringManagers ?? []).map((email) => {
        const user = this.state.gh.users.find(
          (u) => u.company === company && u.primary_email.toLowerCase() === email.toLowerCase(),
        );
        if (!user) throw bad(`hiring manager ${email} is not a seeded user`);
        return user.id;
      });
      const job = this.state.addGhJob(company, need(j.name, 'job.name'), j.stages, managers, {
        department: j.department,
        level: j.level,
        status: j.status,
      });
      return {
        id: job.id,
        name: job.name,
        stages: this.state.ghStagesOfJob(job.id).map((s) => ({ id: s.id, name: s.name })),
      };
    });
    for (const link of gh.trackingLinks ?? [])
      this.state.addGhTrackingLink(
        company,
        need(link.token, 'trackingLink.token'),
        need(link.source, 'trackingLink.source'),
      );
    const candidates = (gh.candidates ?? []).map((c) => this.createGhCandidate(company, c));
    let webhook: Record<string, unknown> | undefined;
    if (gh.webhook)
      webhook = await this.registerGhWebhook(
        company,
        gh.webhook.url,
        gh.webhook.secret,
        gh.webhook.action ? [gh.webhook.action] : (gh.webhook.actions ?? []),
        gh.webhook.secrets,
      );
    return {
      clientId: this.state.gh.accounts.get(company)?.clientId,
      users: users.map((u) => ({ id: u.id, email: u.primary_email })),
      jobs,
      candidates,
      webhook,
    };
  }

  private createGhCandidate(
    company: string,
    c: GhCandidateSeed,
  ): {
    id: number;
    applications: { id: number; job_id: number; job_interview_stage_id: number; stage_id: number }[];
  } {
    const candidate = this.state.addGhCandidate(company, {
      first_name: need(c.firstName, 'candidate.firstName'),
      last_name: c.lastName ?? '',
      preferred_name: null,
      company_name: c.company ?? null,
      title: c.title ?? null,
      email_addresses: (c.emails ?? []).map((value, i) => ({ value, type: i === 0 ? 'personal' : 'other' })),
      phone_numbers: (c.phones ?? []).map((value) => ({ value, type: 'mobile' })),
      tags: [...(c.tags ?? [])],
      custom_fields: toCustomFields(c.customFields),
      employments: (c.employments ?? []).map((e, i) => ({
        id: i + 1,
        company_name: need(e.companyName, 'candidate.employments[].companyName'),
        title: e.title ?? null,
        start_date: e.startDate ? `${e.startDate}T00:00:00.000Z` : null,
        end_date: e.endDate ? `${e.endDate}T00:00:00.000Z` : null,
      })),
      linked_user_ids: [],
      private: false,
    });
    const applications = (c.applications ?? []).map((a) =>
      this.createGhApplication(company, candidate.id, a),
    );
    return {
      id: candidate.id,
      applications: applications.map((a) => ({
        id: a.id,
        job_id: a.job_id,
        job_interview_stage_id: a.job_interview_stage_id,
        stage_id: this.state.ghCurrentApplicationStage(a.id)?.id ?? 0,
      })),
    };
  }

  private createGhApplication(company: string, candidateId: number, a: GhApplicationSeed): GhApplication {
    const job = this.state.gh.jobs.find((j) => j.company === company && (j.id === a.job || j.name === a.job));
    if (!job) throw bad(`job ${String(a.job)} is not seeded`);
    const stages = this.state.ghStagesOfJob(job.id);
    const stage =
      a.stage === undefined ? stages[0] : stages.find((s) => s.id === a.stage || s.name === a.stage);
    if (!stage) throw bad(`stage ${String(a.stage)} is not a stage of job ${job.name}`);
    return this.state.addGhApplication(company, {
      candidate_id: candidateId,
      job_id: job.id,
      job_interview_stage_id: stage.id,
      status: a.status ?? 'active',
      prospect: a.prospect ?? false,
      source: a.source ?? null,
      custom_fields: toCustomFields(a.customFields),
    });
  }

  private seedWorkable(company: string, wk: NonNullable<SeedRequest['workable']>): Record<string, unknown> {
    if (!this.state.wk.accounts.has(company)) {
      try {
        const subdomain = need(wk.subdomain, 'workable.subdomain');
        this.state.addWkAccount({
          company,
          subdomain,
          name: wk.name ?? subdomain,
          token: need(wk.token, 'workable.token'),
        });
      } catch (e) {
        throw bad(e instanceof Error ? e.message : String(e));
      }
    }
    const members = (wk.members ?? []).map((m) =>
      this.state.addWkMember(company, {
        name: need(m.name, 'member.name'),
        email: need(m.email, 'member.email'),
        role: m.role,
      }),
    );
    const jobs = (wk.jobs ?? []).map((j) => {
      if (!Array.isArray(j.stages) || j.stages.length === 0) throw bad(`job ${j.title} needs stages`);
      try {
        const job = this.state.addWkJob(
          company,
          need(j.title, 'job.title'),
          j.shortcode,
          j.stages.map((s) => (typeof s === 'string' ? { name: s } : s)),
          j.department ?? null,
        );
        if (j.members) this.setWkJobMembers(company, job.shortcode, j.members);
        return { shortcode: job.shortcode, title: job.title, stages: job.stages };
      } catch (e) {
        throw bad(e instanceof Error ? e.message : String(e));
      }
    });
    const candidates = (wk.candidates ?? []).map((c) => {
      const created = this.createWkCandidate(company, c);
      return { id: created.id, job: created.job_shortcode, stage: created.stage_slug };
    });
    return {
      subdomain: this.state.wk.accounts.get(company)?.subdomain,
      members: members.map((m) => ({ id: m.id, email: m.email })),
      jobs,
      candidates,
    };
  }

  /** Replaces a Greenhouse job's hiring managers (e-mails of seeded users), as a Site Admin would in its UI. */
  setGhHiringManagers(jobId: number, emails: string[], company = DEFAULT_COMPANY): { userIds: number[] } {
    const job = this.state.gh.jobs.find((j) => j.id === jobId && j.company === company);
    if (!job) throw bad(`greenhouse job ${jobId} is not seeded`);
    job.hiring_manager_ids = emails.map((email) => {
      const user = this.state.gh.users.find(
        (u) => u.company === company && u.primary_email.toLowerCase() === email.toLowerCase(),
      );
      if (!user) throw bad(`hiring manager ${email} is not a seeded user`);
      return user.id;
    });
    return { userIds: [...job.hiring_manager_ids] };
  }

  /** Replaces a Workable job's hiring team (e-mails of seeded members with their role in the team). */
  setWkJobMembers(
    company: string,
    shortcode: string,
    members: WkJobMemberSeed[],
  ): { members: { id: string; collaborationRole: string }[] } {
    const job = this.state.wkJob(shortcode, company);
    if (!job) throw bad(`workable job ${shortcode} is not seeded`);
    job.hiring_team = members.map((m) => {
      const member = this.state.wk.members.find(
        (x) => x.company === company && x.email.toLowerCase() === need(m.email, 'member.email').toLowerCase(),
      );
      if (!member) throw bad(`job member ${m.email} is not a seeded member`);
      return { member_id: member.id, collaboration_role: m.collaborationRole ?? 'hiring_manager' };
    });
    return {
      members: job.hiring_team.map((t) => ({ id: t.member_id, collaborationRole: t.collaboration_role })),
    };
  }

  private createWkCandidate(company: string, c: WkCandidateSeed): WkCandidate {
    const job = this.state.wk.jobs.find(
      (j) => j.company === company && (j.shortcode === c.job || j.title === c.job),
    );
    if (!job) throw bad(`workable job ${c.job} is not seeded`);
    const stage =
      c.stage === undefined
        ? job.stages[0]
        : job.stages.find((s) => s.slug === c.stage || s.name === c.stage);
    if (!stage) throw bad(`stage ${c.stage} is not a stage of job ${job.title}`);
    return this.state.addWkCandidate(company, {
      firstname: need(c.firstName, 'candidate.firstName'),
      lastname: c.lastName ?? '',
      headline: c.headline ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      job_shortcode: job.shortcode,
      stage_slug: stage.slug,
      disqualified: false,
      sourced: false,
      source: c.source ?? null,
      tags: [...(c.tags ?? [])],
      experience_entries: c.experience ?? [],
      education_entries: c.education ?? [],
    });
  }

  // ------------------------------------------------------------ Greenhouse as its users

  /**
   * Greenhouse has one webhook per event type, each with its own secret key: one webhook is saved (and
   * pinged) per action, every one of ours when none is named. `secrets` gives an action its own key;
   * `secret` is the key of the others.
   */
  async registerGhWebhook(
    company: string,
    url: string,
    secret: string | undefined,
    actions: string[],
    secrets: Record<string, string> = {},
  ): Promise<Record<string, unknown>> {
    if (!this.state.gh.accounts.has(company)) throw bad(`no greenhouse account for company ${company}`);
    const list = actions.length ? actions : [...GH_WEBHOOK_ACTIONS];
    const webhooks: { id: number; action: string; enabled: boolean; ping: unknown }[] = [];
    for (const action of list) {
      const { webhook, ping } = await this.ghWebhooks.register(
        company,
        need(url, 'url'),
        need(secrets[action] ?? secret, `secret of ${action}`),
        action,
      );
      webhooks.push({ id: webhook.id, action, enabled: webhook.enabled, ping });
    }
    return {
      webhooks,
      enabled: webhooks.every((w) => w.enabled),
      ping: webhooks[0]?.ping,
    };
  }

  /** A new applicant arrives: the candidate and applications are created and announced. */
  addGhCandidate(company: string, c: GhCandidateSeed, notify: boolean): Record<string, unknown> {
    const created = this.createGhCandidate(company, c);
    const deliveries = notify
      ? created.applications.flatMap((a) =>
          this.ghWebhooks.fireApplication('new_candidate_application', this.ghApplication(a.id)),
        )
      : [];
    return { ...created, deliveries: summarise(deliveries) };
  }

  /** A recruiter moves the application in the Greenhouse UI. */
  moveGhApplication(
    applicationId: number,
    stageRef: string | number,
    notify: boolean,
  ): Record<string, unknown> {
    const application = this.ghApplication(applicationId);
    const stage = this.state
      .ghStagesOfJob(application.job_id)
      .find((s) => s.id === stageRef || s.name === stageRef);
    if (!stage) throw bad(`stage ${String(stageRef)} is not a stage of the application's job`);
    this.state.moveGhApplication(application, stage.id, 'control');
    const deliveries = notify ? this.ghWebhooks.fireApplication('candidate_stage_change', application) : [];
    return { application: this.greenhouse.toApplication(application), deliveries: summarise(deliveries) };
  }

  createGhOffer(
    applicationId: number,
    o: { status?: string; startsOn?: string; sentOn?: string; customFields?: Record<string, unknown> },
    notify: boolean,
  ): Record<string, unknown> {
    const application = this.ghApplication(applicationId);
    const offer = this.state.addGhOffer(application.company, application, {
      status: o.status ?? 'unresolved',
      starts_on: o.startsOn ?? null,
      sent_on: o.sentOn ?? null,
      custom_fields: toCustomFields(o.customFields),
    });
    const deliveries = notify ? this.ghWebhooks.fireOffer('offer_created', offer) : [];
    return { offer, deliveries: summarise(deliveries) };
  }

  updateGhOffer(
    offerId: number,
    o: { status?: string; startsOn?: string; sentOn?: string; customFields?: Record<string, unknown> },
    notify: boolean,
  ): Record<string, unknown> {
    const offer = this.ghOffer(offerId);
    if (o.status !== undefined) {
      offer.status = o.status;
      offer.resolved_at = ['accepted', 'rejected'].includes(o.status) ? this.state.now() : offer.resolved_at;
    }
    if (o.startsOn !== undefined) offer.starts_on = o.startsOn;
    if (o.sentOn !== undefined) offer.sent_on = o.sentOn;
    if (o.customFields) offer.custom_fields = { ...offer.custom_fields, ...toCustomFields(o.customFields) };
    offer.updated_at = this.state.now();
    const deliveries = notify ? this.ghWebhooks.fireOffer('offer_updated', offer) : [];
    return { offer, deliveries: summarise(deliveries) };
  }

  /** Re-sends an event for the resource as it is now (a replay, or an event the seed did not send). */
  /**
   * A recruiter clicks "Accept Offer" (the application's latest offer, created when none exists): the offer is
   * accepted, the application hired, and `hire_candidate` fires (developers.greenhouse.io/webhooks.html#candidate-hired).
   */
  hireGhApplication(
    applicationId: number,
    o: { startsOn?: string },
    notify: boolean,
  ): Record<string, unknown> {
    const application = this.ghApplication(applicationId);
    let offer =
      this.state.gh.offers
        .filter((x) => x.application_id === application.id && !x.deprecated)
        .sort((a, b) => b.version - a.version)[0] ?? null;
    offer ??= this.state.addGhOffer(application.company, application, {
      status: 'unresolved',
      starts_on: null,
      sent_on: null,
      custom_fields: {},
    });
    offer.status = 'accepted';
    offer.resolved_at = this.state.now();
    if (o.startsOn !== undefined) offer.starts_on = o.startsOn;
    offer.updated_at = this.state.now();
    application.status = 'hired';
    application.updated_at = this.state.now();
    const deliveries = notify ? this.ghWebhooks.fireHire(application, offer) : [];
    return {
      application: this.greenhouse.toApplication(application),
      offer,
      deliveries: summarise(deliveries),
    };
  }

  /** A recruiter rejects the application (`reject_candidate`) or undoes a hire (`unhire_candidate`). */
  setGhVerdict(
    applicationId: number,
    verdict: 'reject' | 'unhire',
    notify: boolean,
  ): Record<string, unknown> {
    const application = this.ghApplication(applicationId);
    if (verdict === 'reject') {
      application.status = 'rejected';
      application.rejected_at = this.state.now();
    } else {
      if (application.status !== 'hired') throw bad('only a hired application can be unhired');
      application.status = 'active';
    }
    application.updated_at = this.state.now();
    const deliveries = notify
      ? this.ghWebhooks.fireApplicationVerdict(
          verdict === 'reject' ? 'reject_candidate' : 'unhire_candidate',
          application,
        )
      : [];
    return { application: this.greenhouse.toApplication(application), deliveries: summarise(deliveries) };
  }

  triggerGh(action: string, ids: { applicationId?: number; offerId?: number }): Record<string, unknown> {
    let deliveries: Delivery[];
    switch (action) {
      case 'new_candidate_application':
      case 'candidate_stage_change':
        deliveries = this.ghWebhooks.fireApplication(action, this.ghApplication(ids.applicationId));
        break;
      case 'offer_created':
      case 'offer_updated':
        deliveries = this.ghWebhooks.fireOffer(action, this.ghOffer(ids.offerId));
        break;
      default:
        throw bad(
          `action must be one of new_candidate_application, candidate_stage_change, offer_created, offer_updated`,
        );
    }
    return { deliveries: summarise(deliveries) };
  }

  // ------------------------------------------------------------ Workable as its users

  addWkCandidate(company: string, c: WkCandidateSeed, notify: boolean): Record<string, unknown> {
    const candidate = this.createWkCandidate(company, c);
    const deliveries = notify ? this.wkWebhooks.fire('candidate_created', candidate) : [];
    return {
      id: candidate.id,
      job: candidate.job_shortcode,
      stage: candidate.stage_slug,
      deliveries: summarise(deliveries),
    };
  }

  moveWkCandidate(id: string, stageRef: string, notify: boolean): Record<string, unknown> {
    const candidate = this.wkCandidate(id);
    const stage = this.state
      .wkJob(candidate.job_shortcode)
      ?.stages.find((s) => s.slug === stageRef || s.name === stageRef);
    if (!stage) throw bad(`stage ${stageRef} is not a stage of the candidate's job`);
    this.state.moveWkCandidate(candidate, stage.slug, 'control');
    const deliveries = notify ? this.wkWebhooks.fire('candidate_moved', candidate) : [];
    return { id: candidate.id, stage: candidate.stage_slug, deliveries: summarise(deliveries) };
  }

  /**
   * Workable has no hire or disqualification webhook; the candidate it posts with `candidate_moved` carries
   * `hired_at` and `disqualified` (workable.readme.io/reference/candidate-events). Hiring moves the candidate into
   * the job's stage of kind `hired` (or the last stage) and stamps `hired_at`; disqualifying stamps `disqualified`.
   * Both fire `candidate_moved`; whether Workable fires it for a disqualification alone is not documented.
   */
  setWkVerdict(id: string, verdict: 'hire' | 'disqualify', notify: boolean): Record<string, unknown> {
    const candidate = this.wkCandidate(id);
    if (verdict === 'hire') {
      const stages = this.state.wkJob(candidate.job_shortcode)?.stages ?? [];
      const hired = stages.find((s) => s.kind === 'hired') ?? stages[stages.length - 1];
      if (hired) this.state.moveWkCandidate(candidate, hired.slug, 'control');
      candidate.hired_at = this.state.now();
    } else {
      candidate.disqualified = true;
      candidate.disqualified_at = this.state.now();
    }
    candidate.updated_at = this.state.now();
    const deliveries = notify ? this.wkWebhooks.fire('candidate_moved', candidate) : [];
    return { id: candidate.id, stage: candidate.stage_slug, deliveries: summarise(deliveries) };
  }

  triggerWk(event: string, candidateId: string): Record<string, unknown> {
    if (event !== 'candidate_created' && event !== 'candidate_moved')
      throw bad('event must be candidate_created or candidate_moved');
    return { deliveries: summarise(this.wkWebhooks.fire(event, this.wkCandidate(candidateId))) };
  }

  // ------------------------------------------------------------ read-back

  /** Everything, in the shape a test wants to assert on (not a vendor shape). */
  snapshot(): Record<string, unknown> {
    const gh = this.state.gh;
    const wk = this.state.wk;
    const companies = new Set([...gh.accounts.keys(), ...wk.accounts.keys()]);
    return {
      companies: [...companies].map((company) => ({
        company,
        greenhouse: gh.accounts.has(company)
          ? {
              clientId: gh.accounts.get(company)?.clientId,
              users: gh.users.filter((u) => u.company === company),
              jobs: gh.jobs
                .filter((j) => j.company === company)
                .map((j) => ({ ...j, stages: this.state.ghStagesOfJob(j.id) })),
              candidates: gh.candidates
                .filter((c) => c.company === company)
                .map((c) => ({
                  ...toCandidate(c),
                  notes: gh.notes.filter((n) => n.candidate_id === c.id).map((n) => toNote(n)),
                  applications: gh.applications
                    .filter((a) => a.candidate_id === c.id)
                    .map((a) => ({
                      ...this.greenhouse.toApplication(a),
                      current_stage: this.state.ghStage(a.job_interview_stage_id),
                      stage_history: gh.applicationStages.filter((s) => s.application_id === a.id),
                      offers: gh.offers.filter((o) => o.application_id === a.id),
                    })),
                })),
              candidateTags: gh.candidateTags.filter((t) => t.company === company),
              webhooks: gh.webhooks
                .filter((w) => w.company === company)
                .map(({ secret: _secret, ...w }) => w),
            }
          : null,
        workable: wk.accounts.has(company)
          ? {
              subdomain: wk.accounts.get(company)?.subdomain,
              members: wk.members.filter((m) => m.company === company),
              jobs: wk.jobs.filter((j) => j.company === company),
              candidates: wk.candidates.filter((c) => c.company === company),
              subscriptions: wk.subscriptions.filter((s) => s.company === company),
            }
          : null,
      })),
    };
  }

  private ghApplication(id: number | undefined): GhApplication {
    const a = id === undefined ? undefined : this.state.ghApplication(id);
    if (!a) throw new NotFoundException({ message: `application ${String(id)} not found` });
    return a;
  }

  private ghOffer(id: number | undefined): GhOffer {
    const o = this.state.gh.offers.find((x) => x.id === id);
    if (!o) throw new NotFoundException({ message: `offer ${String(id)} not found` });
    return o;
  }

  private wkCandidate(id: string): WkCandidate {
    const c = this.state.wkCandidate(id);
    if (!c) throw new NotFoundException({ message: `workable candidate ${id} not found` });
    return c;
  }
}
