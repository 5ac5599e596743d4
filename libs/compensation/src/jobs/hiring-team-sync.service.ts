import { Injectable, Logger } from '@nestjs/common';
import { AtsConnection, AtsConnectorRegistry } from '@comeback/ats';
import { AuditActor, AuditService, logSafeError } from '@comeback/platform';
import { HiringManagerDirectory } from './hiring-manager.directory';
import { JobSettingsRepository } from './job-settings.repository';

/** A job seen in a webhook refreshes its hiring team at most this often. */
export const HIRING_TEAM_SYNC_INTERVAL_MS = 60 * 60_000;

export interface HiringTeamSyncResult {
  /** People of the ATS's hiring team matched by e-mail (before HR's removals). */
  matched: string[];
  /** Hiring-team e-mails with no person behind them: nothing assigned. Count only (an e-mail is personal data). */
  unmatched: number;
  /** Matched but removed by HR by hand earlier: left out. */
  keptRemoved: string[];
  added: string[];
  removed: string[];
}

const SYNC_ACTOR = (tenantId: string): AuditActor => ({
  tenantId,
  role: 'integration',
  name: 'hiring-team sync',
});

/**
 * Keeps a job's hiring-manager assignments in step with the ATS's hiring team, matched to people by e-mail.
 * HR's hand edits win: a manual assignment survives a sync, and a person HR removed is not added back.
 */
@Injectable()
export class HiringTeamSyncService {
  private readonly logger = new Logger(HiringTeamSyncService.name);

  constructor(
    private readonly connectors: AtsConnectorRegistry,
    private readonly directory: HiringManagerDirectory,
    private readonly repo: JobSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  /** On demand (HR's action or the API): reads the ATS now. */
  async sync(conn: AtsConnection, jobId: string, actor?: AuditActor): Promise<HiringTeamSyncResult> {
    const managers = await this.connectors.get(conn.kind).listJobHiringManagers(conn, jobId);
    const matched = new Set<string>();
    let unmatched = 0;
    for (const m of managers) {
      const person = m.email ? await this.directory.findByEmail(conn.tenantId, m.email) : null;
      if (person) matched.add(person.subject);
      else unmatched++;
    }
    const removedByHand = new Set(await this.repo.removals(conn.tenantId, conn.kind, jobId));
    const subjects = [...matched].filter((s) => !removedByHand.has(s)).sort();
    const key = { tenantId: conn.tenantId, ats: conn.kind, jobId };
    const change = await this.repo.transaction(async (m) => {
      const c = await this.repo.applyAtsTeam(m, key, subjects);
      if (c.added.length > 0 || c.removed.length > 0)
        await this.audit.record(
          actor ?? SYNC_ACTOR(conn.tenantId),
          {
            action: 'job.assign.sync',
            targetType: 'job',
            targetId: `${conn.kind}:${jobId}`,
            details: { added: c.added, removed: c.removed },
          },
          m,
        );
      return c;
    });
    await this.repo.markSynced(conn.tenantId, conn.kind, jobId);
    return {
      matched: [...matched].sort(),
      unmatched,
      keptRemoved: [...matched].filter((s) => removedByHand.has(s)).sort(),
      ...change,
    };
  }

  /**
   * A job was seen (an application webhook): syncs when the job was not synced within the interval. Never
   * throws: the application's own processing must not fail because the hiring team could not be read.
   */
  async syncSeenJob(conn: AtsConnection, jobId: string): Promise<void> {
    try {
      if (!(await this.repo.claimSync(conn.tenantId, conn.kind, jobId, HIRING_TEAM_SYNC_INTERVAL_MS))) return;
      await this.sync(conn, jobId);
    } catch (err) {
      this.logger.warn(
        { err: logSafeError(err), tenantId: conn.tenantId, ats: conn.kind, jobId },
        'hiring team sync failed; the next application for this job tries again after the interval',
      );
    }
  }
}
