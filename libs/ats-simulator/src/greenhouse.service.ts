import { HttpException, Injectable, Inject } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  GH_APPLICATION_STATUS_OUTPUT,
  GH_MOVE_REQUIRES_ACTIVE_APPLICATION,
  GH_READS_WITHOUT_SUB_ALLOWED,
  GH_NOTE_VISIBILITY_READ,
  GH_TOKEN_RESPONSE_INCLUDES_EXPIRES_IN,
} from './contract.constants';
import { ghDepartments } from './greenhouse-departments';
import { GreenhouseWebhookService } from './greenhouse-webhook.service';
import {
  HarvestFieldError,
  HarvestQuery,
  harvestError,
  queryBoolean,
  queryIds,
  queryString,
} from './harvest-query';
import { SimulatorConfigService } from './simulator-config.service';
import { GhTokenRecord, SimulatorState } from './simulator-state.service';
import type { GhAccount, GhApplication, GhCandidate, GhNote, GhNoteVisibility } from './simulator.types';

export interface GhAuth {
  account: GhAccount;
  token: GhTokenRecord;
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Harvest v3 behaviour over the simulator state. Controllers only parse the HTTP envelope. */
@Injectable()
export class GreenhouseService {
  constructor(
    @Inject(SimulatorState) private readonly state: SimulatorState,
    @Inject(SimulatorConfigService) private readonly config: SimulatorConfigService,
    @Inject(GreenhouseWebhookService) private readonly webhooks: GreenhouseWebhookService,
  ) {}

  // ------------------------------------------------------------ auth

  /** `POST /auth/token`: client credentials in HTTP Basic, optional acting user in `sub`. */
  issueToken(authorization: string | undefined, form: Record<string, unknown>): Record<string, unknown> {
    const creds = parseBasic(authorization);
    const account = creds ? this.state.ghAccountByClientId(creds.id) : undefined;
    if (!creds || !account || account.clientSecret !== creds.secret)
      throw new HttpException({ error: 'invalid_client' }, 401);
    if (form.grant_type !== 'client_credentials')
      throw new HttpException({ error: 'unsupported_grant_type' }, 400);
    let sub: number | null = null;
    if (form.sub !== undefined && form.sub !== '') {
      sub = typeof form.sub === 'string' && /^\d+$/.test(form.sub) ? Number(form.sub) : NaN;
      if (!this.state.ghUser(sub, account.company))
        throw new HttpException(
          { error: 'invalid_request', error_description: 'sub is not a user of this organization' },
          400,
        );
    }
    const ttl = this.config.current.greenhouse.tokenTtlSeconds;
    const expiresAt = Date.now() + ttl * 1000;
    const token = fakeJwt({
      iss: 'ats-simulator',
      client_id: account.clientId,
      sub,
      exp: Math.floor(expiresAt / 1000),
    });
    this.state.tokens.set(token, {
      token,
      clientId: account.clientId,
      company: account.company,
      sub,
      expiresAt,
    });
    return {
      token_type: 'Bearer',
      access_token: token,
      expires_at: new Date(expiresAt).toISOString(),
      ...(GH_TOKEN_RESPONSE_INCLUDES_EXPIRES_IN ? { expires_in: ttl } : {}),
    };
  }

  authenticate(authorization: string | undefined): GhAuth | undefined {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const token = m ? this.state.tokens.get(m[1]) : undefined;
    if (!token || token.expiresAt <= Date.now()) return undefined;
    const account = this.state.gh.accounts.get(token.company);
    return account ? { account, token } : undefined;
  }

  /**
   * Site Admin reads: "GET endpoints are only accessible by site admin users. All other user types will not
   * return results" (ats-contracts.md, Harvest v3 docs as quoted by v3 clients). Lists come back empty.
   */
  canRead(auth: GhAuth): boolean {
    if (auth.token.sub === null) return GH_READS_WITHOUT_SUB_ALLOWED;
    return this.state.ghUser(auth.token.sub, auth.account.company)?.site_admin === true;
  }

  expireAllTokens(): number {
    for (const t of this.state.tokens.values()) t.expiresAt = 0;
    return this.state.tokens.size;
  }

  // ------------------------------------------------------------ reads

  listApplications(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const ids = queryIds(q, 'ids');
    const candidateIds = queryIds(q, 'candidate_ids');
    const jobIds = queryIds(q, 'job_ids');
    const status = queryString(q, 'status');
    if (status !== undefined && !['active', 'rejected', 'hired'].includes(status))
      throw harvestError(422, [{ status: 'must be one of active, rejected, hired' }]);
    return byIds(this.state.gh.applications, this.state.gh.applicationById, ids)
      .filter((a) => a.company === company)
      .filter((a) => !candidateIds || candidateIds.includes(a.candidate_id))
      .filter((a) => !jobIds || jobIds.includes(a.job_id))
      .filter((a) => !status || a.status === status)
      .map((a) => this.toApplication(a));
  }

  listCandidates(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const ids = queryIds(q, 'ids');
    const email = queryString(q, 'email')?.toLowerCase();
    const tag = queryString(q, 'tag')?.toLowerCase();
    return byIds(this.state.gh.candidates, this.state.gh.candidateById, ids)
      .filter((c) => c.company === company)
      .filter((c) => email === undefined || c.email_addresses.some((e) => e.value.toLowerCase() === email))
      .filter((c) => tag === undefined || c.tags.some((t) => t.toLowerCase() === tag))
      .map((c) => toCandidate(c));
  }

  listJobInterviewStages(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const jobIds = queryIds(q, 'job_ids');
    const ids = queryIds(q, 'ids');
    const jobs = new Set(this.state.gh.jobs.filter((j) => j.company === company).map((j) => j.id));
    return this.state.gh.stages
      .filter(
        (s) => jobs.has(s.job_id) && (!jobIds || jobIds.includes(s.job_id)) && (!ids || ids.includes(s.id)),
      )
      .sort((a, b) => a.job_id - b.job_id || a.sort_order - b.sort_order)
      .map((s) => ({ ...s }));
  }

  listApplicationStages(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const applicationIds = queryIds(q, 'application_ids');
    const current = queryBoolean(q, 'current');
    const apps = new Set(this.state.gh.applications.filter((a) => a.company === company).map((a) => a.id));
    const now = Date.now();
    return this.state.gh.applicationStages
      .filter(
        (s) =>
          apps.has(s.application_id) &&
          (!applicationIds || applicationIds.includes(s.application_id)) &&
          (current === undefined || s.current === current),
      )
      .map((s) => ({
        id: s.id,
        application_id: s.application_id,
        job_interview_stage_id: s.job_interview_stage_id,
        entered_at: s.entered_at,
        exited_at: s.exited_at,
        days_in_stage: Math.floor(
          ((s.exited_at ? Date.parse(s.exited_at) : now) - Date.parse(s.entered_at)) / 86_400_000,
        ),
        current: s.current,
      }));
  }

  listOffers(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const applicationIds = queryIds(q, 'application_ids');
    const ids = queryIds(q, 'ids');
    const currentOnly = queryBoolean(q, 'current_only');
    return this.state.gh.offers
      .filter(
        (o) =>
          o.company === company &&
          (!applicationIds || applicationIds.includes(o.application_id)) &&
          (!ids || ids.includes(o.id)) &&
          (!currentOnly || !o.deprecated),
      )
      .map((o) => ({
        id: o.id,
        application_id: o.application_id,
        candidate_id: o.candidate_id,
        job_id: o.job_id,
        status: o.deprecated ? 'deprecated' : o.status,
        version: o.version,
        sent_on: o.sent_on,
        starts_on: o.starts_on,
        resolved_at: o.resolved_at,
        created_at: o.created_at,
        updated_at: o.updated_at,
        custom_fields: o.custom_fields,
      }));
  }

  /**
   * `GET /v3/jobs` (scope jobs:list): the Job resource (developers.greenhouse.io/harvest.html#jobs; field names as
   * in its example: `id, name, requisition_id, confidential, status, opened_at, departments [{id, name, parent_id,
   * child_ids, external_id}], offices, custom_fields`; the webhook's `jobs[].departments` has the same shape).
   * Confidential jobs are not modelled.
   */
  listJobs(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const status = queryString(q, 'status');
    const ids = queryIds(q, 'ids');
    return this.state.gh.jobs
      .filter(
        (j) => j.company === company && (!status || j.status === status) && (!ids || ids.includes(j.id)),
      )
      .map((j) => ({
        id: j.id,
        name: j.name,
        requisition_id: null,
        confidential: false,
        status: j.status,
        created_at: j.created_at,
        opened_at: j.created_at,
        closed_at: null,
        updated_at: j.created_at,
        departments: ghDepartments(j),
        offices: [],
        custom_fields: j.custom_fields,
      }));
  }

  /**
   * `GET /v3/job_posts?job_ids=`: the job's post on the hosted board with its public URL (`absolute_url`, as the
   * Job Board API names it: developers.greenhouse.io/job-board.html "List jobs").
   */
  listJobPosts(company: string, q: HarvestQuery, boardBaseUrl: string): Record<string, unknown>[] {
    const jobIds = queryIds(q, 'job_ids');
    return this.state.gh.jobs
      .filter((j) => j.company === company && (!jobIds || jobIds.includes(j.id)))
      .map((j) => ({
        id: j.job_post_id,
        job_id: j.id,
        title: j.name,
        live: j.status === 'open',
        internal: false,
        absolute_url: `${boardBaseUrl}/${encodeURIComponent(company)}/jobs/${j.job_post_id}`,
      }));
  }

  listJobHiringManagers(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const jobIds = queryIds(q, 'job_ids');
    return this.state.gh.jobs
      .filter((j) => j.company === company && (!jobIds || jobIds.includes(j.id)))
      .flatMap((j) => j.hiring_manager_ids.map((userId) => ({ job_id: j.id, user_id: userId })));
  }

  listUsers(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const ids = queryIds(q, 'ids');
    // Field names as in the Harvest v3 users example (test/fixtures/greenhouse/harvest/users.json).
    return this.state.gh.users
      .filter((u) => u.company === company && (!ids || ids.includes(u.id)))
      .map((u) => ({
        id: u.id,
        first_name: u.first_name,
        last_name: u.last_name,
        name: u.name,
        job_title: null,
        agency_id: null,
        created_at: u.created_at,
        updated_at: u.updated_at,
        primary_email: u.primary_email,
        deactivated: u.disabled,
        site_admin: u.site_admin,
        employee_id: u.employee_id,
        linked_candidate_ids: [],
        office_ids: [],
        department_ids: [],
        interviewer_tags: [],
        custom_fields: {},
      }));
  }

  listCandidateTags(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const ids = queryIds(q, 'ids');
    return this.state.gh.candidateTags
      .filter((t) => t.company === company && (!ids || ids.includes(t.id)))
      .map((t) => ({ id: t.id, name: t.name }));
  }

  /** `GET /v3/applied_candidate_tags` (candidate_ids, candidate_tag_ids): the tag-on-candidate rows. */
  listAppliedCandidateTags(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const ids = queryIds(q, 'ids');
    const candidateIds = queryIds(q, 'candidate_ids');
    const tagIds = queryIds(q, 'candidate_tag_ids');
    return this.state.gh.appliedTags
      .filter(
        (a) =>
          this.state.ghCandidate(a.candidate_id, company) !== undefined &&
          (!ids || ids.includes(a.id)) &&
          (!candidateIds || candidateIds.includes(a.candidate_id)) &&
          (!tagIds || tagIds.includes(a.candidate_tag_id)),
      )
      .map((a) => ({ ...a }));
  }

  /**
   * `DELETE /v3/applied_candidate_tags/{id}` (scope applied_candidate_tags:destroy, ats-contracts.md "Scopes"):
   * the tag leaves the candidate; other tags stay. An unknown id answers 404.
   */
  removeAppliedCandidateTag(company: string, id: number): void {
    const i = this.state.gh.appliedTags.findIndex(
      (a) => a.id === id && this.state.ghCandidate(a.candidate_id, company) !== undefined,
    );
    if (i < 0) throw harvestError(404, ['Resource not found']);
    const [applied] = this.state.gh.appliedTags.splice(i, 1);
    const candidate = this.state.ghCandidate(applied.candidate_id, company);
    const tag = this.state.gh.candidateTags.find((t) => t.id === applied.candidate_tag_id);
    if (candidate && tag) {
      candidate.tags = candidate.tags.filter((t) => t.toLowerCase() !== tag.name.toLowerCase());
      candidate.updated_at = this.state.now();
    }
  }

  /** Not in our contract subset, but handy to read back what the product wrote. */
  listNotes(company: string, q: HarvestQuery): Record<string, unknown>[] {
    const candidateIds = queryIds(q, 'candidate_ids');
    const applicationIds = queryIds(q, 'application_ids');
    return this.state.gh.notes
      .filter(
        (n) =>
          n.company === company &&
          (!candidateIds || candidateIds.includes(n.candidate_id)) &&
          (!applicationIds || (n.application_id !== null && applicationIds.includes(n.application_id))),
      )
      .map((n) => toNote(n));
  }

  // ------------------------------------------------------------ writes

  /** Refused moves change nothing: the 422 is a stale-move guard the product relies on. */
  moveApplication(company: string, applicationId: number, body: unknown): void {
    const application = this.state.ghApplication(applicationId, company);
    if (!application) throw harvestError(404);
    if (!isRecord(body)) throw harvestError(422, ['body must be a JSON object']);
    const errors: HarvestFieldError[] = [];
    if (!isInt(body.from_stage_id)) errors.push({ from_stage_id: 'is required and must be an integer' });
    if (body.to_stage_id !== undefined && body.to_stage_id !== null && !isInt(body.to_stage_id))
      errors.push({ to_stage_id: 'must be an integer' });
    if (errors.length) throw harvestError(422, errors);
    if (GH_MOVE_REQUIRES_ACTIVE_APPLICATION && application.status !== 'active')
      throw harvestError(422, [`application ${application.id} is ${application.status} and cannot be moved`]);

    // "from_stage_id … must match the candidate's current stage — it acts as a guard against stale move
    // requests" (https://harvestdocs.greenhouse.io/reference/post_v3-applications-id-move). Which id that is
    // is a run-time switch (GH_MOVE_FROM_STAGE_ID_DEFAULT).
    const currentRow = this.state.ghCurrentApplicationStage(application.id);
    const currentFromId =
      this.config.current.greenhouse.moveFromStageIdKind === 'job_interview_stage_id'
        ? application.job_interview_stage_id
        : currentRow?.id;
    if (body.from_stage_id !== currentFromId)
      throw harvestError(422, [{ from_stage_id: 'does not match the application’s current stage' }]);

    const stages = this.state.ghStagesOfJob(application.job_id);
    let target: number;
    if (isInt(body.to_stage_id)) {
      if (!stages.some((s) => s.id === body.to_stage_id && s.active))
        throw harvestError(422, [{ to_stage_id: 'is not a stage of this application’s job' }]);
      target = body.to_stage_id;
    } else {
      // Blank target = advance one stage in the job's order.
      const i = stages.findIndex((s) => s.id === application.job_interview_stage_id);
      const next = stages.slice(i + 1).find((s) => s.active);
      if (!next) throw harvestError(422, [{ to_stage_id: 'the application is in the last stage' }]);
      target = next.id;
    }
    if (target === application.job_interview_stage_id)
      throw harvestError(422, [{ to_stage_id: 'is the current stage' }]);
    this.state.moveGhApplication(application, target, 'api');
    if (this.config.current.greenhouse.webhooksOnApiWrites)
      this.webhooks.fireApplication('candidate_stage_change', application);
  }

  patchCandidate(company: string, candidateId: number, body: unknown): Record<string, unknown> {
    const candidate = this.state.ghCandidate(candidateId, company);
    if (!candidate) throw harvestError(404);
    if (!isRecord(body)) throw harvestError(422, ['body must be a JSON object']);
    const errors: HarvestFieldError[] = [];
    if (
      body.tags !== undefined &&
      !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string'))
    )
      errors.push({ tags: 'must be an array of strings' });
    const cf = body.custom_fields;
    if (
      cf !== undefined &&
      !(Array.isArray(cf) && cf.every((f) => isRecord(f) && typeof f.name_key === 'string' && 'value' in f))
    )
      errors.push({ custom_fields: 'must be an array of {name_key, value}' });
    for (const key of ['first_name', 'last_name', 'title', 'company'] as const) {
      if (body[key] !== undefined && typeof body[key] !== 'string')
        errors.push({ [key]: 'must be a string' });
    }
    if (errors.length) throw harvestError(422, errors);

    // The tags array replaces the whole list: a client that forgets to merge drops other tags.
    if (Array.isArray(body.tags)) {
      candidate.tags = [...new Set((body.tags as string[]).map((t) => t.trim()).filter((t) => t !== ''))];
      for (const t of candidate.tags) this.state.ghTagDefinition(company, t);
    }
    if (Array.isArray(cf)) {
      for (const f of cf as { name_key: string; value: unknown }[]) {
        const existing = candidate.custom_fields[f.name_key];
        candidate.custom_fields[f.name_key] = {
          name: existing?.name ?? f.name_key,
          type: existing?.type ?? 'short_text',
          value: f.value,
        };
      }
    }
    if (typeof body.first_name === 'string') candidate.first_name = body.first_name;
    if (typeof body.last_name === 'string') candidate.last_name = body.last_name;
    if (typeof body.title === 'string') candidate.title = body.title;
    if (typeof body.company === 'string') candidate.company_name = body.company;
    candidate.updated_at = this.state.now();
    return toCandidate(candidate);
  }

  createNote(company: string, auth: GhAuth, body: unknown): Record<string, unknown> {
    if (!isRecord(body)) throw harvestError(422, ['body must be a JSON object']);
    const errors: HarvestFieldError[] = [];
    const candidate = isInt(body.candidate_id)
      ? this.state.ghCandidate(body.candidate_id, company)
      : undefined;
    if (!candidate) errors.push({ candidate_id: 'must be the id of a candidate' });
    let application: GhApplication | undefined;
    if (body.application_id !== undefined && body.application_id !== null) {
      application = isInt(body.application_id)
        ? this.state.ghApplication(body.application_id, company)
        : undefined;
      if (!application || (candidate && application.candidate_id !== candidate.id))
        errors.push({ application_id: 'must be an application of the candidate' });
    }
    const userId = body.user_id ?? auth.token.sub;
    if (!isInt(userId) || !this.state.ghUser(userId, company))
      errors.push({ user_id: 'must be the id of a user' });
    if (typeof body.body !== 'string' || body.body.trim() === '') errors.push({ body: 'is required' });
    const visibility = body.visibility;
    if (typeof visibility !== 'string' || !(visibility in GH_NOTE_VISIBILITY_READ))
      errors.push({ visibility: 'must be one of public, private, admin_only' });
    if (body.note_type !== undefined && typeof body.note_type !== 'string')
      errors.push({ note_type: 'must be a string' });
    if (errors.length || !candidate) throw harvestError(422, errors);
    const note = this.state.addGhNote({
      company,
      candidate_id: candidate.id,
      application_id: application?.id ?? null,
      user_id: userId as number,
      body: body.body as string,
      note_type: typeof body.note_type === 'string' ? body.note_type : 'NOTE',
      visibility: visibility as GhNoteVisibility,
    });
    if (application) application.last_activity_at = note.created_at;
    return toNote(note);
  }

  /** `POST /v3/candidate_tags {name}`: a tag definition (ats-contracts.md, "Tags"); an existing name answers it. */
  createCandidateTag(company: string, body: unknown): Record<string, unknown> {
    if (!isRecord(body)) throw harvestError(422, ['body must be a JSON object']);
    if (typeof body.name !== 'string' || body.name.trim() === '')
      throw harvestError(422, [{ name: 'is required' }]);
    const tag = this.state.ghTagDefinition(company, body.name.trim());
    return { id: tag.id, name: tag.name };
  }

  /**
   * `POST /v3/applied_candidate_tags {candidate_id, candidate_tag_id}`: additive; fields named `tag` or `tag_id`
   * are rejected (ats-contracts.md, "Tags").
   */
  applyCandidateTag(company: string, body: unknown): Record<string, unknown> {
    if (!isRecord(body)) throw harvestError(422, ['body must be a JSON object']);
    const misnamed = ['tag', 'tag_id'].filter((k) => k in body);
    if (misnamed.length)
      throw harvestError(
        422,
        misnamed.map((k) => ({ [k]: 'is not a permitted parameter; use candidate_tag_id' })),
      );
    const candidate = isInt(body.candidate_id)
      ? this.state.ghCandidate(body.candidate_id, company)
      : undefined;
    const tag = isInt(body.candidate_tag_id)
      ? this.state.gh.candidateTags.find((t) => t.id === body.candidate_tag_id && t.company === company)
      : undefined;
    const errors: HarvestFieldError[] = [];
    if (!candidate) errors.push({ candidate_id: 'must be the id of a candidate' });
    if (!tag) errors.push({ candidate_tag_id: 'must be the id of a candidate tag' });
    if (!candidate || !tag) throw harvestError(422, errors);
    if (!candidate.tags.some((t) => t.toLowerCase() === tag.name.toLowerCase()))
      candidate.tags.push(tag.name);
    candidate.updated_at = this.state.now();
    let applied = this.state.gh.appliedTags.find(
      (a) => a.candidate_id === candidate.id && a.candidate_tag_id === tag.id,
    );
    if (!applied) {
      applied = {
        id: this.state.nextId('ghAppliedTag'),
        candidate_id: candidate.id,
        candidate_tag_id: tag.id,
      };
      this.state.gh.appliedTags.push(applied);
    }
    return { ...applied };
  }

  // ------------------------------------------------------------ mapping

  toApplication(a: GhApplication): Record<string, unknown> {
    return {
      id: a.id,
      candidate_id: a.candidate_id,
      job_id: a.job_id,
      status: GH_APPLICATION_STATUS_OUTPUT[a.status],
      // Two stage ids (ats-contracts.md): `stage_id` is the current application-stage row (unique per
      // application), `job_interview_stage_id` the job's stage it stands in.
      stage_id: this.state.ghCurrentApplicationStage(a.id)?.id ?? null,
      job_interview_stage_id: a.job_interview_stage_id,
      stage_name: this.state.ghStage(a.job_interview_stage_id)?.name ?? null,
      prospect: a.prospect,
      created_at: a.created_at,
      updated_at: a.updated_at,
      last_activity_at: a.last_activity_at,
      applied_at: a.applied_at,
      rejected_at: a.rejected_at,
      source_id: a.source?.id ?? null,
      referrer_id: a.referrer_id,
      recruiter_id: a.recruiter_id,
      custom_fields: a.custom_fields,
      answers: [],
    };
  }
}

export function toCandidate(c: GhCandidate): Record<string, unknown> {
  return {
    id: c.id,
    first_name: c.first_name,
    last_name: c.last_name,
    preferred_name: c.preferred_name,
    company: c.company_name,
    title: c.title,
    email_addresses: c.email_addresses,
    phone_numbers: c.phone_numbers,
    tags: c.tags,
    custom_fields: c.custom_fields,
    linked_user_ids: c.linked_user_ids,
    private: c.private,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

export function toNote(n: GhNote): Record<string, unknown> {
  return {
    id: n.id,
    candidate_id: n.candidate_id,
    application_id: n.application_id,
    user_id: n.user_id,
    body: n.body,
    note_type: n.note_type,
    visibility: GH_NOTE_VISIBILITY_READ[n.visibility],
    created_at: n.created_at,
  };
}

export function parseBasic(authorization: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  return i < 0 ? undefined : { id: decoded.slice(0, i), secret: decoded.slice(i + 1) };
}

/** Looks like the JWT Greenhouse returns; the simulator only ever looks it up, never verifies it. */
function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, jti: randomBytes(8).toString('hex') })}.${randomBytes(32).toString('base64url')}`;
}

/** The rows named by `ids` (in id order, as a scan would list them), or all rows without the filter. */
function byIds<T extends { id: number }>(
  all: T[],
  index: ReadonlyMap<number, T>,
  ids: number[] | undefined,
): T[] {
  if (!ids) return all;
  return [...new Set(ids)]
    .map((id) => index.get(id))
    .filter((row): row is T => row !== undefined)
    .sort((a, b) => a.id - b.id);
}
