import type {
  AtsApplication,
  AtsConnection,
  AtsConnector,
  AtsEvent,
  AtsJob,
  AtsHiringManager,
  AtsJobScope,
  AtsOffer,
  AtsStage,
  ConnectionCheckItem,
  NoteInput,
  Page,
  WebhookRequest,
  WebhookSubscription,
} from '@comeback/ats';
import { explicitWebhookSecrets } from '@comeback/ats';

export type AtsOperation =
  'getApplication' | 'listStages' | 'addTags' | 'removeTags' | 'addNote' | 'moveToStage' | 'getOffer';

/** A fault for the next call of one operation: refused before anything happens, or done but the answer is lost. */
export type Fault = 'refuse' | 'lose_response';

/**
 * The ATS port in memory, for the medium test tier: our own port's contract (not a vendor's), with the
 * faults the pipeline must survive — a refused call, a call whose effect happened but whose answer was
 * lost, and an application someone else moved meanwhile. Deliveries are our normalised events as JSON,
 * "signed" by carrying the connection's webhook secret in one header.
 */
export class InMemoryAts implements AtsConnector {
  readonly kind = 'greenhouse' as const;
  readonly displayName = 'In-memory ATS';
  readonly credentialStyle = 'api_token' as const;
  /** Never called over the network; the medium env names its address in ATS_ALLOWED_HOSTS. */
  allowedHostPatterns(): readonly string[] {
    return [];
  }
  readonly applications = new Map<string, AtsApplication>();
  readonly stages = new Map<string, AtsStage[]>();
  readonly departments = new Map<string, string>();
  readonly offers = new Map<string, AtsOffer>();
  readonly notes: { applicationId: string; body: string; audience: NoteInput['audience'] }[] = [];
  readonly calls: { op: AtsOperation; applicationId: string }[] = [];
  private readonly faults: { op: AtsOperation; fault: Fault }[] = [];

  static readonly SIGNATURE_HEADER = 'x-in-memory-signature';

  /** The next call of `op` fails this way (queued: several faults apply to successive calls). */
  fail(op: AtsOperation, fault: Fault = 'refuse'): void {
    this.faults.push({ op, fault });
  }

  /** A recruiter moves the application in the ATS (our copy of it is now stale). */
  recruiterMoves(applicationId: string, stageId: string): void {
    const app = this.app(applicationId);
    const stage = this.stageOf(app.jobId, stageId);
    this.applications.set(applicationId, { ...app, currentStageId: stage.id, currentStageName: stage.name });
  }

  /** Open jobs as rediscovery reads them (set by a test). */
  readonly openJobs: AtsJob[] = [];

  async listOpenJobs(): Promise<AtsJob[]> {
    return this.openJobs.map((j) => ({ ...j }));
  }

  applyUrlWithMarker(applyUrl: string, marker: string): string {
    const url = new URL(applyUrl);
    url.searchParams.set('marker', marker);
    return url.toString();
  }

  count(op: AtsOperation, applicationId?: string): number {
    return this.calls.filter(
      (c) => c.op === op && (applicationId === undefined || c.applicationId === applicationId),
    ).length;
  }

  verifySignature(req: WebhookRequest, secrets: readonly string[]): boolean {
    return secrets.some((secret) => req.headers[InMemoryAts.SIGNATURE_HEADER] === secret);
  }

  webhookSigningSecret(conn: AtsConnection): string | null {
    return conn.webhookSecret;
  }

  async checkIdentity(): Promise<ConnectionCheckItem[]> {
    return (await this.checkConnection()).filter(
      (i) => i.check === 'credentials' || i.check === 'acting_user',
    );
  }

  webhookVerificationSecrets(conn: AtsConnection): string[] {
    return explicitWebhookSecrets(conn);
  }

  parseWebhook(req: WebhookRequest): AtsEvent {
    return JSON.parse(req.rawBody.toString('utf8')) as AtsEvent;
  }

  async getApplication(_c: AtsConnection, applicationId: string): Promise<AtsApplication> {
    return this.call('getApplication', applicationId, () => structuredClone(this.app(applicationId)));
  }

  async getJob(_c: AtsConnection, jobId: string): Promise<AtsJobScope> {
    return { jobId, name: null, department: this.departments.get(jobId) ?? null };
  }

  async listStages(_c: AtsConnection, jobId: string): Promise<AtsStage[]> {
    return this.call('listStages', jobId, () => structuredClone(this.stages.get(jobId) ?? []));
  }

  async addTags(_c: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]> {
    return this.call('addTags', app.applicationId, () => {
      const stored = this.app(app.applicationId);
      const added = tags.filter((t) => !stored.candidate.tags.includes(t));
      stored.candidate.tags.push(...added);
      return added;
    });
  }

  async removeTags(_c: AtsConnection, app: AtsApplication, tags: string[]): Promise<string[]> {
    return this.call('removeTags', app.applicationId, () => {
      const stored = this.app(app.applicationId);
      const removed = stored.candidate.tags.filter((t) => tags.includes(t));
      stored.candidate.tags = stored.candidate.tags.filter((t) => !tags.includes(t));
      return removed;
    });
  }

  async addNote(_c: AtsConnection, app: AtsApplication, note: NoteInput): Promise<void> {
    return this.call(
      'addNote',
      app.applicationId,
      () =>
        void this.notes.push({ applicationId: app.applicationId, body: note.body, audience: note.audience }),
    );
  }

  /** Refuses a move from a stage the application is no longer at, as a real ATS does ('stale'). */
  async moveToStage(_c: AtsConnection, app: AtsApplication, toStageId: string): Promise<'moved' | 'stale'> {
    return this.call('moveToStage', app.applicationId, () => {
      const stored = this.app(app.applicationId);
      if (stored.currentStageId !== app.currentStageId) return 'stale' as const;
      const stage = this.stageOf(stored.jobId, toStageId);
      this.applications.set(app.applicationId, {
        ...stored,
        currentStageId: stage.id,
        currentStageName: stage.name,
      });
      return 'moved' as const;
    });
  }

  async listOpenApplications(): Promise<Page<AtsApplication>> {
    return { items: [...this.applications.values()].filter((a) => a.status === 'active'), nextCursor: null };
  }

  /** Hiring managers per job id, as a test sets them. */
  readonly hiringManagers = new Map<string, AtsHiringManager[]>();

  async listJobHiringManagers(_c: AtsConnection, jobId: string): Promise<AtsHiringManager[]> {
    return [...(this.hiringManagers.get(jobId) ?? [])];
  }

  async getOffer(_c: AtsConnection, applicationId: string): Promise<AtsOffer | null> {
    return this.call('getOffer', applicationId, () => this.offers.get(applicationId) ?? null);
  }

  async checkConnection(): Promise<ConnectionCheckItem[]> {
    return [{ check: 'credentials', status: 'pass', message: { en: 'in memory', ja: 'メモリ内' } }];
  }
  testDelivery(conn: AtsConnection): WebhookRequest {
    return {
      rawBody: Buffer.from(JSON.stringify({ kind: 'ping', eventId: `check-${Date.now()}` })),
      headers: { [InMemoryAts.SIGNATURE_HEADER]: conn.webhookSecret ?? '' },
    };
  }
  async subscribeWebhooks(): Promise<WebhookSubscription[]> {
    return [];
  }
  async unsubscribeWebhooks(): Promise<void> {}
  applicationUrl(): string | null {
    return null;
  }
  normaliseTag(tag: string): string | null {
    return tag;
  }

  private call<T>(op: AtsOperation, applicationId: string, effect: () => T): T {
    this.calls.push({ op, applicationId });
    const i = this.faults.findIndex((f) => f.op === op);
    const fault = i >= 0 ? this.faults.splice(i, 1)[0].fault : null;
    if (fault === 'refuse') throw new Error(`in-memory ATS refused ${op}`);
    const result = effect();
    if (fault === 'lose_response') throw new Error(`in-memory ATS: ${op} done, response lost`);
    return result;
  }

  private app(applicationId: string): AtsApplication {
    const app = this.applications.get(applicationId);
    if (!app) throw new Error(`no application ${applicationId}`);
    return app;
  }

  private stageOf(jobId: string, stageId: string): AtsStage {
    const stage = this.stages.get(jobId)?.find((s) => s.id === stageId);
    if (!stage) throw new Error(`no stage ${stageId} in job ${jobId}`);
    return stage;
  }
}
