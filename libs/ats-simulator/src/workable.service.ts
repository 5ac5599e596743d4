import { HttpException, Injectable, Inject } from '@nestjs/common';
import {
  WK_LIST_LIMIT_DEFAULT,
  WK_LIST_LIMIT_MAX,
  WK_SUBSCRIPTION_UNIQUE_ON,
  WK_SUBSCRIPTION_VALIDITY_MONTHS,
  WK_TAG_LENGTH_MEASURED_ON,
  WK_TAG_MAX_LENGTH_EXCLUSIVE,
} from './contract.constants';
import { SimulatorConfigService } from './simulator-config.service';
import { SimulatorState } from './simulator-state.service';
import type { WkAccount, WkCandidate } from './simulator.types';
import { WK_WEBHOOK_EVENTS, WorkableWebhookService } from './workable-webhook.service';
import { toWorkableCandidate } from './workable.mapper';

export function workableError(status: number, error: string): HttpException {
  return new HttpException({ error }, status);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Workable's tag rules: lower-cased, cut at the first space, 25+ characters ignored, no duplicates. */
export function normaliseWorkableTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const cut = raw.trim().toLowerCase().split(/\s/)[0];
    const measured = WK_TAG_LENGTH_MEASURED_ON === 'raw' ? raw.trim() : cut;
    if (cut === '' || measured.length >= WK_TAG_MAX_LENGTH_EXCLUSIVE) continue;
    if (!out.includes(cut)) out.push(cut);
  }
  return out;
}

/** Workable SPI v3 behaviour over the simulator state, one account per bearer token. */
@Injectable()
export class WorkableService {
  constructor(
    @Inject(SimulatorState) private readonly state: SimulatorState,
    @Inject(SimulatorConfigService) private readonly config: SimulatorConfigService,
    @Inject(WorkableWebhookService) private readonly webhooks: WorkableWebhookService,
  ) {}

  authenticate(authorization: string | undefined): WkAccount | undefined {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    return m ? this.state.wkAccountByToken(m[1]) : undefined;
  }

  getCandidate(account: WkAccount, id: string): Record<string, unknown> {
    return { candidate: toWorkableCandidate(this.state, this.candidate(account, id), 'name', true) };
  }

  listCandidates(
    account: WkAccount,
    query: Record<string, unknown>,
    selfUrl: string,
  ): Record<string, unknown> {
    const str = (k: string) => (typeof query[k] === 'string' ? query[k] : undefined);
    const limitRaw = str('limit');
    const limit =
      limitRaw && /^\d+$/.test(limitRaw) && Number(limitRaw) > 0
        ? Math.min(Number(limitRaw), WK_LIST_LIMIT_MAX)
        : WK_LIST_LIMIT_DEFAULT;
    const email = str('email')?.toLowerCase();
    const shortcode = str('shortcode');
    const stage = str('stage');
    const sinceId = str('since_id');
    const all = this.state.wk.candidates
      .filter((c) => c.company === account.company)
      .filter((c) => email === undefined || c.email?.toLowerCase() === email)
      .filter((c) => shortcode === undefined || c.job_shortcode === shortcode)
      .filter((c) => stage === undefined || c.stage_slug === stage)
      .filter((c) => sinceId === undefined || parseInt(c.id, 16) >= parseInt(sinceId, 16))
      .sort((a, b) => parseInt(a.id, 16) - parseInt(b.id, 16));
    const page = all.slice(0, limit);
    const body: Record<string, unknown> = {
      candidates: page.map((c) => toWorkableCandidate(this.state, c, 'slug', false)),
    };
    if (all.length > limit) {
      const next = new URL(selfUrl);
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('since_id', all[limit].id);
      body.paging = { next: next.toString() };
    }
    return body;
  }

  /**
   * Replaces all tags: "The tags list is assigned to the candidate as-is. If the provided array is empty, all
   * tags for the candidate are deleted." Answers 202 `{tags: [...]}` (withone.ai/knowledge/workable "Update a
   * Candidate's Tags", transcribing workable.readme.io). Stored spelling: normaliseWorkableTags.
   */
  putTags(account: WkAccount, id: string, body: unknown): Record<string, unknown> {
    const candidate = this.candidate(account, id);
    if (!isRecord(body) || !Array.isArray(body.tags) || !body.tags.every((t) => typeof t === 'string'))
      throw workableError(422, 'tags must be an array of strings');
    candidate.tags = normaliseWorkableTags(body.tags);
    candidate.updated_at = this.state.now();
    return { tags: [...candidate.tags] };
  }

  /**
   * `{member_id, comment: {body, policy?, attachment?}}` → 201 with a plain-text (blank) body
   * (workable.readme.io/reference/comment-on-candidate; "Returns 201 with a plain text response body (blank
   * example in the spec)", withone.ai "Create a Candidate Comment"). Scope w_candidates or w_comments.
   */
  addComment(account: WkAccount, id: string, body: unknown): string {
    const candidate = this.candidate(account, id);
    if (!isRecord(body)) throw workableError(422, 'body must be a JSON object');
    this.member(account, body.member_id);
    const comment = body.comment;
    if (!isRecord(comment) || typeof comment.body !== 'string' || comment.body.trim() === '')
      throw workableError(422, 'comment.body is required');
    const policy = comment.policy ?? [];
    if (!Array.isArray(policy) || !policy.every((p) => typeof p === 'string'))
      throw workableError(422, 'comment.policy must be an array of strings');
    const created = {
      id: this.state.nextHexId('wkComment'),
      member_id: body.member_id as string,
      body: comment.body,
      policy: policy,
      created_at: this.state.now(),
    };
    candidate.comments.push(created);
    return '';
  }

  move(account: WkAccount, id: string, body: unknown): void {
    const candidate = this.candidate(account, id);
    if (!isRecord(body)) throw workableError(422, 'body must be a JSON object');
    const member = this.member(account, body.member_id);
    const job = this.state.wkJob(candidate.job_shortcode);
    if (typeof body.target_stage !== 'string' || !job?.stages.some((s) => s.slug === body.target_stage)) {
      throw workableError(422, 'target_stage must be the slug of a stage of the candidate’s job');
    }
    if (body.target_stage === candidate.stage_slug)
      throw workableError(422, 'candidate is already in that stage');
    this.state.moveWkCandidate(candidate, body.target_stage, 'api', member.id);
    if (this.config.current.workable.webhooksOnApiWrites) this.webhooks.fire('candidate_moved', candidate);
  }

  /**
   * GET /jobs/:shortcode (workable.readme.io/reference/jobsshortcode, scope r_jobs): the job with `title`,
   * `full_title` (title + code), `shortcode`, `code`, `state`, and `department` "as defined in job editor".
   */
  job(account: WkAccount, shortcode: string): Record<string, unknown> {
    const job = this.state.wkJob(shortcode, account.company);
    if (!job) throw workableError(404, 'Not found');
    return {
      id: job.shortcode.toLowerCase(),
      title: job.title,
      full_title: job.title,
      shortcode: job.shortcode,
      code: null,
      state: job.state,
      department: job.department,
    };
  }

  /**
   * `GET /jobs?state=published` (workable.readme.io/reference/jobs): `{jobs: [{id, title, full_title, shortcode,
   * state, department, url, application_url, shortlink, created_at}], paging}`. One page: the simulator's accounts
   * hold few jobs. `application_url` is the careers-page form a UTM link is built on
   * (help.workable.com/hc/en-us/articles/4402389819671).
   */
  jobs(account: WkAccount, state: string | undefined, applyBaseUrl: string): Record<string, unknown> {
    const jobs = this.state.wk.jobs
      .filter((j) => j.company === account.company && (!state || j.state === state))
      .map((j) => {
        const apply = `${applyBaseUrl}/${encodeURIComponent(account.subdomain)}/j/${encodeURIComponent(j.shortcode)}/`;
        return {
          id: j.shortcode.toLowerCase(),
          title: j.title,
          full_title: j.department ? `${j.title} - ${j.department}` : j.title,
          shortcode: j.shortcode,
          code: null,
          state: j.state,
          department: j.department,
          url: apply,
          application_url: `${apply}apply/`,
          shortlink: apply,
          created_at: null,
        };
      });
    return { jobs, paging: {} };
  }

  stages(account: WkAccount, shortcode: string): Record<string, unknown> {
    const job = this.state.wkJob(shortcode, account.company);
    if (!job) throw workableError(404, 'Not found');
    return { stages: job.stages.map((s) => ({ ...s })) };
  }

  /**
   * GET /jobs/:shortcode/members (workable.readme.io/reference/job-members): "the defined members that are in the
   * hiring team of the specified job", each `{id, name, headline, email, role, collaboration_role}`; `role` is
   * the account-level role, `collaboration_role` the role in this job's hiring team. Scope `r_jobs`.
   */
  jobMembers(account: WkAccount, shortcode: string): Record<string, unknown> {
    const job = this.state.wkJob(shortcode, account.company);
    if (!job) throw workableError(404, 'Not found');
    return {
      members: job.hiring_team.flatMap((t) => {
        const m = this.state.wk.members.find((x) => x.id === t.member_id && x.company === account.company);
        return m
          ? [
              {
                id: m.id,
                name: m.name,
                headline: m.headline,
                email: m.email,
                role: m.role,
                collaboration_role: t.collaboration_role,
              },
            ]
          : [];
      }),
    };
  }

  members(account: WkAccount): Record<string, unknown> {
    return {
      members: this.state.wk.members
        .filter((m) => m.company === account.company)
        .map(({ company: _company, ...m }) => m),
    };
  }

  /**
   * POST /subscriptions (workable.readme.io/reference/webhook-subscriptions): `{target, event, args}` → `{id}`;
   * "If the args object is present, job_shortcode and stage_slug are required"; "The target URLs should be
   * unique. If a target URL is already registered, the service will respond with 409 - Conflict."
   */
  subscribe(account: WkAccount, body: unknown): Record<string, unknown> {
    if (!isRecord(body)) throw workableError(422, 'body must be a JSON object');
    const { target, event } = body;
    if (typeof target !== 'string' || !/^https?:\/\//.test(target))
      throw workableError(422, 'target must be a URL');
    if (typeof event !== 'string' || !(WK_WEBHOOK_EVENTS as readonly string[]).includes(event))
      throw workableError(422, `event must be one of ${WK_WEBHOOK_EVENTS.join(', ')}`);
    const args = isRecord(body.args) ? body.args : {};
    if (
      isRecord(body.args) &&
      (typeof args.job_shortcode !== 'string' || typeof args.stage_slug !== 'string')
    )
      throw workableError(422, 'args requires job_shortcode and stage_slug ("" for all)');
    const duplicate = this.state.wk.subscriptions.some(
      (s) =>
        s.company === account.company &&
        s.target === target &&
        (WK_SUBSCRIPTION_UNIQUE_ON === 'target' || s.event === event),
    );
    if (duplicate) throw workableError(409, 'Conflict: target already registered');
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const created = new Date(this.state.now());
    const validUntil = new Date(created);
    validUntil.setUTCMonth(validUntil.getUTCMonth() + WK_SUBSCRIPTION_VALIDITY_MONTHS);
    const sub = this.state.addWkSubscription({
      created_at: created.toISOString(),
      valid_until: validUntil.toISOString(),
      company: account.company,
      target,
      event,
      args: {
        account_id: text(args.account_id),
        job_shortcode: text(args.job_shortcode),
        stage_slug: text(args.stage_slug),
      },
    });
    return { id: sub.id };
  }

  /**
   * GET /subscriptions → `{subscriptions: [{id, target, valid_until, created_at, stage_slug, job_shortcode}]}`,
   * id an integer (withone.ai/knowledge/workable "List Active Subscriptions", transcribing workable.readme.io).
   */
  listSubscriptions(account: WkAccount): Record<string, unknown> {
    return {
      subscriptions: this.state.wk.subscriptions
        .filter((s) => s.company === account.company)
        .map((s) => ({
          id: s.id,
          target: s.target,
          valid_until: s.valid_until,
          created_at: s.created_at,
          stage_slug: s.args.stage_slug ?? '',
          job_shortcode: s.args.job_shortcode ?? '',
        })),
    };
  }

  /** DELETE /subscriptions/:id → 200 `{}`; unknown id → 404 (withone.ai "Unsubscribe (Delete) a Webhook Subscription"). */
  unsubscribe(account: WkAccount, id: string): void {
    const i = this.state.wk.subscriptions.findIndex(
      (s) => String(s.id) === id && s.company === account.company,
    );
    if (i < 0) throw workableError(404, 'Not found');
    this.state.wk.subscriptions.splice(i, 1);
  }

  private candidate(account: WkAccount, id: string): WkCandidate {
    const c = this.state.wkCandidate(id, account.company);
    if (!c) throw workableError(404, 'Not found');
    return c;
  }

  private member(account: WkAccount, memberId: unknown) {
    const m = this.state.wk.members.find((x) => x.id === memberId && x.company === account.company);
    if (!m) throw workableError(422, 'member_id must be the id of a member');
    return m;
  }
}
