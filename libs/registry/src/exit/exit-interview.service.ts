import { Injectable } from '@nestjs/common';
import {
  AppException,
  AuditService,
  canSeeSensitive,
  ErrorCode,
  ForbiddenException,
  NotFoundException,
  type Principal,
  type TransactionManager,
  ValidationFailedException,
} from '@comeback/platform';
import type { AlumnusEntity } from '../alumni/alumnus.entity';
import { AlumniSyncService, type PreparedSync, type SourceRecord } from '../sync/alumni-sync.service';
import {
  ExitInterviewDto,
  ExitInterviewHistoryDto,
  ExitInterviewInputDto,
  HR_ONLY_FIELDS,
  MANAGER_FIELDS,
  toExitInterviewDto,
  toExitInterviewHistoryDto,
} from './exit-interview.dto';
import type { ExitInterviewEntity } from './exit-interview.entity';
import { ExitInterviewsRepository } from './exit-interviews.repository';

type Field = (typeof HR_ONLY_FIELDS)[number] | (typeof MANAGER_FIELDS)[number];
export type ExitSource = 'hr' | 'manager' | 'leaver';

/** Who is signed in, as the interviewer e-mail compares: their session's e-mail, else the token subject. */
export function interviewerKey(p: Pick<Principal, 'email' | 'subject'>): string {
  return (p.email ?? p.subject).trim().toLowerCase();
}

/** The registry columns an exit interview decides (through the registry's own sync path). */
export function registryColumnsOf(row: ExitInterviewEntity): SourceRecord['raw'] {
  return {
    ...(row.departureCategory ? { departure_reason: row.departureCategory } : {}),
    ...(row.rehireRecommendation ? { rehire_recommendation: row.rehireRecommendation } : {}),
  };
}

/**
 * The exit interview (退職面談): HR fills every field; the manager HR named as the interviewer (a
 * hiring_manager whose sign-in e-mail is `interviewerEmail`) fills the manager's part and reads only that.
 * Each save is a new version with a history row (who set what, when); the departure category and the
 * rehire recommendation flow into the registry record through the registry's sync path (keys, audit).
 */
@Injectable()
export class ExitInterviewService {
  constructor(
    private readonly repo: ExitInterviewsRepository,
    private readonly registry: AlumniSyncService,
    private readonly audit: AuditService,
  ) {}

  /** HR: every leaver; a hiring manager: the leavers whose interview HR gave them. */
  /**
   * Areas and roles each person said at their exit interview they might come back for (rediscovery counts them
   * as skills). Not a person-facing read: callers show only the reasons the ranking derives from it.
   */
  returnInterests(tenantId: string, employeeNumbers: string[]): Promise<Map<string, string[]>> {
    return this.repo.returnInterests(tenantId, employeeNumbers);
  }

  async list(p: Principal, limit: number): Promise<ExitInterviewDto[]> {
    const hr = canSeeSensitive(p);
    if (!hr && p.role !== 'hiring_manager')
      throw new ForbiddenException('Exit interviews are HR’s and the interviewer’s');
    const rows = await this.repo.leavers(p.tenantId, {
      interviewerEmail: hr ? undefined : interviewerKey(p),
      limit,
    });
    return rows.map((r) => toExitInterviewDto(r.alumnus, r.interview, hr));
  }

  async get(p: Principal, alumnusId: string): Promise<ExitInterviewDto> {
    const { alumnus, interview } = await this.load(p, alumnusId);
    const hr = canSeeSensitive(p);
    if (hr)
      await this.audit.record(p, {
        action: 'exit_interview.read',
        targetType: 'alumnus',
        targetId: alumnus.employeeNumber,
        details: { fields: ['departureCategory', 'hrDetail'] },
      });
    return toExitInterviewDto(alumnus, interview, hr);
  }

  async history(p: Principal, alumnusId: string): Promise<ExitInterviewHistoryDto[]> {
    const { alumnus } = await this.load(p, alumnusId);
    if (!canSeeSensitive(p)) throw new ForbiddenException('The history is HR’s');
    await this.audit.record(p, {
      action: 'exit_interview.history_read',
      targetType: 'alumnus',
      targetId: alumnus.employeeNumber,
    });
    return (await this.repo.history(p.tenantId, alumnus.id)).map(toExitInterviewHistoryDto);
  }

  async save(p: Principal, alumnusId: string, input: ExitInterviewInputDto): Promise<ExitInterviewDto> {
    const hr = canSeeSensitive(p);
    const { alumnus } = await this.load(p, alumnusId);
    const given = (Object.keys(input) as Field[]).filter(
      (k) => (input as Record<string, unknown>)[k] !== undefined,
    );
    if (!hr) {
      const refused = given.filter((k) => (HR_ONLY_FIELDS as readonly string[]).includes(k));
      if (refused.length > 0) throw new ForbiddenException(`Only HR sets ${refused.join(', ')}`);
    }
    const prepared = await this.registry.prepare(p.tenantId);
    const row = await this.repo.transaction(async (tx) => {
      const current = await this.repo.forUpdate(tx, p.tenantId, alumnus.id);
      const changes: Record<string, unknown> = {};
      for (const k of given) {
        const value = normalised(k, (input as Record<string, unknown>)[k]);
        if (JSON.stringify(current[k]) === JSON.stringify(value)) continue;
        changes[k] = value;
        (current as unknown as Record<string, unknown>)[k] = value;
      }
      if (Object.keys(changes).length === 0) return current;
      await this.commit(tx, p, alumnus, current, changes, hr ? 'hr' : 'manager');
      const raw = registryColumnsOf(current);
      const touchesRegistry = 'departureCategory' in changes || 'rehireRecommendation' in changes;
      if (touchesRegistry) await this.writeRegistry(tx, prepared, p, alumnus, raw, 'exit_interview');
      return current;
    });
    return toExitInterviewDto(alumnus, row, hr);
  }

  /** A new version of the row and its history entry, in the caller's transaction. */
  async commit(
    tx: TransactionManager,
    actor: Pick<Principal, 'tenantId' | 'role' | 'name' | 'personId' | 'email'>,
    alumnus: AlumnusEntity,
    row: ExitInterviewEntity,
    changes: Record<string, unknown>,
    source: ExitSource,
  ): Promise<void> {
    row.version += 1;
    row.updatedAt = new Date();
    await this.repo.save(tx, row);
    await this.repo.addHistory(tx, {
      alumnusId: alumnus.id,
      tenantId: alumnus.tenantId,
      version: row.version,
      source,
      actor: actor.name,
      actorRole: actor.role,
      actorPersonId: actor.personId ?? null,
      changes,
    });
    // The audit names the fields, never their values (audit details outlive the HR-only detail otherwise).
    await this.audit.record(
      actor,
      {
        action: `exit_interview.${source}_update`,
        targetType: 'alumnus',
        targetId: alumnus.employeeNumber,
        details: { version: row.version, fields: Object.keys(changes) },
      },
      tx,
    );
  }

  /**
   * Registry columns through the registry's own path: validated, keyed, audited; a problem refuses it all.
   * `prepared` comes from `AlumniSyncService.prepare`, read before the caller's transaction.
   */
  async writeRegistry(
    tx: TransactionManager,
    prepared: PreparedSync,
    actor: Pick<Principal, 'tenantId' | 'role' | 'name' | 'personId' | 'email'>,
    alumnus: AlumnusEntity,
    raw: SourceRecord['raw'],
    source: string,
    previous: { emails?: readonly string[]; phones?: readonly string[] } = {},
  ): Promise<void> {
    const [result] = await this.registry.applyIn(tx, prepared, actor, source, [
      {
        row: 1,
        raw: { employee_number: alumnus.employeeNumber, ...raw },
        labels: { emails: 'email', phones: 'phone', network_opt_in: 'stayInTouch' },
        previousEmails: previous.emails,
        previousPhones: previous.phones,
      },
    ]);
    if (result?.outcome === 'rejected')
      throw new ValidationFailedException(
        result.problems.map((x) => x.message).join(' '),
        result.problems.map((x) => ({ column: x.column, code: x.code })),
      );
    if (result?.outcome === 'suppressed')
      throw new AppException(
        ErrorCode.Conflict,
        'This person was erased; HR must lift the suppression first',
      );
  }

  private async load(
    p: Principal,
    alumnusId: string,
  ): Promise<{ alumnus: AlumnusEntity; interview: ExitInterviewEntity | null }> {
    const alumnus = await this.repo.alumnus(p.tenantId, alumnusId);
    if (!alumnus) throw new NotFoundException('Former employee');
    const interview = await this.repo.find(p.tenantId, alumnusId);
    if (canSeeSensitive(p)) return { alumnus, interview };
    // Anyone else: only the named interviewer, and the same answer as for a stranger's record otherwise.
    if (
      p.role !== 'hiring_manager' ||
      !interview?.interviewerEmail ||
      interview.interviewerEmail !== interviewerKey(p)
    )
      throw new NotFoundException('Former employee');
    return { alumnus, interview };
  }
}

function normalised(field: Field, value: unknown): unknown {
  if (field === 'interviewerEmail' && typeof value === 'string') return value.trim().toLowerCase();
  if (field === 'hrDetail' && typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return [...new Set(value.map((v) => String(v).trim()).filter(Boolean))];
  return value;
}
