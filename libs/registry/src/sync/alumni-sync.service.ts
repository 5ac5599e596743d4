import { Injectable } from '@nestjs/common';
import {
  alumnusFrequencyKeys,
  alumnusIndexKeys,
  detectCorporateDomains,
  type AlumnusRawRow,
  type AlumnusRecord,
  type ColumnLabels,
  type ImportProblem,
  type MatchContext,
  suppressionKeys,
  validateAlumnusRow,
} from '@comeback/domain';
import { AuditActor, AuditService, TenantService, type TransactionManager } from '@comeback/platform';
import { AlumniRepository, AlumnusWrite } from '../alumni/alumni.repository';
import type { AlumnusEntity } from '../alumni/alumnus.entity';
import { searchTextFor } from '../alumni/search-text';
import { ErasureSuppressionsRepository } from '../erasure/erasure-suppressions.repository';
import { SuppressionHasher } from '../erasure/suppression-hasher';
import { AlumniSyncRepository } from './alumni-sync.repository';
import { NameReadingService } from '../matching/name-readings';
import { indexContext } from '../alumni/index-context';

/** One person as a source system (an HR system) states them, in the registry's canonical CSV columns. */
export interface SourceRecord {
  /** Where the record sits in the run (1-based): the `row` of its problems. */
  row: number;
  /** Only the columns the source owns; the others keep what the registry holds (exit interview, CSV). */
  raw: AlumnusRawRow;
  /** The source's own field names, so a problem names the field HR sees in their HR system. */
  labels: ColumnLabels;
  /** Contacts this source gave last time: replaced by the new ones, while contacts from elsewhere stay. */
  previousEmails?: readonly string[];
  previousPhones?: readonly string[];
}

export type SourceOutcome = 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'suppressed';

export interface SourceRecordResult {
  row: number;
  employeeNumber: string | null;
  outcome: SourceOutcome;
  problems: ImportProblem[];
  /** What the registry now holds from this source (for the caller's bookkeeping of previous contacts). */
  emails: string[];
  phones: string[];
}

/** Read before a transaction: the tenant's matching context and suppression list (see `prepare`). */
export interface PreparedSync {
  tenantId: string;
  ctx: MatchContext;
  suppressed: ReadonlySet<string>;
  hasher: Awaited<ReturnType<SuppressionHasher['forTenant']>> | null;
}

/** Columns a source may leave out: a new record gets these defaults, an existing one keeps its values. */
const DEFAULTS: AlumnusRawRow = { departure_reason: 'other', rehire_recommendation: 'unknown' };

/**
 * Record-by-record writes from a source system into the registry through the CSV import's own path: the
 * same row validation, identity keys, suppression list and upsert statement. A record with a problem is
 * reported per field and not written at all; the others are written in one transaction. Nothing is ever
 * deleted here: removal stays the erasure API's act.
 */
@Injectable()
export class AlumniSyncService {
  constructor(
    private readonly alumni: AlumniRepository,
    private readonly sync: AlumniSyncRepository,
    private readonly tenants: TenantService,
    private readonly audit: AuditService,
    private readonly suppressions: ErasureSuppressionsRepository,
    private readonly hasher: SuppressionHasher,
    private readonly nameReadings: NameReadingService,
  ) {}

  async apply(actor: AuditActor, source: string, records: SourceRecord[]): Promise<SourceRecordResult[]> {
    if (records.length === 0) return [];
    const prepared = await this.prepare(actor.tenantId);
    return this.sync.transaction((manager) => this.applyIn(manager, prepared, actor, source, records));
  }

  /**
   * What a write needs besides the records, read before the caller opens its transaction: on the embedded
   * database there is one connection, and a read outside an open transaction would wait for it forever.
   */
  async prepare(tenantId: string): Promise<PreparedSync> {
    const tenant = await this.tenants.get(tenantId);
    const ctx = indexContext(tenant, this.nameReadings);
    // Keyed by the tenant's pepper, exactly as the CSV import checks (see SuppressionHasher).
    const suppressed = await this.suppressions.allHashes(tenantId);
    const hasher = suppressed.size > 0 ? await this.hasher.forTenant(tenantId) : null;
    return { tenantId, ctx, suppressed, hasher };
  }

  /** The same as `apply`, inside the caller's transaction (the exit interview writes its own rows beside it). */
  async applyIn(
    manager: TransactionManager,
    prepared: PreparedSync,
    actor: AuditActor,
    source: string,
    records: SourceRecord[],
  ): Promise<SourceRecordResult[]> {
    const tenantId = actor.tenantId;
    if (records.length === 0) return [];
    if (prepared.tenantId !== tenantId) throw new Error('prepared for another tenant');
    const { ctx, suppressed, hasher } = prepared;
    // The bulk write takes the tenant's import lock first: a CSV import and a sync never interleave.
    const bulk = await this.alumni.startBulkWrite(manager, tenantId);
    const numbers = records
      .map((r) => normalizedNumber(r.raw.employee_number))
      .filter((n): n is string => n !== null);
    const existing = new Map(
      (await this.sync.findMany(manager, tenantId, numbers)).map((a) => [a.employeeNumber, a]),
    );
    const results: SourceRecordResult[] = [];
    const writes: AlumnusWrite[] = [];
    const removedKeys: string[] = [];
    const addedKeys: string[] = [];
    let inserted = 0;
    for (const rec of records) {
      const number = normalizedNumber(rec.raw.employee_number);
      const before = number === null ? undefined : existing.get(number);
      const merged = mergeRaw(rec, before);
      const validated = validateAlumnusRow(merged, rec.row, rec.labels);
      if (!('record' in validated)) {
        results.push(result(rec, number, 'rejected', validated.problems));
        continue;
      }
      const record = validated.record;
      const isSuppressed =
        hasher !== null && hasher.hash(tenantId, suppressionKeys(record)).some((h) => suppressed.has(h));
      if (isSuppressed) {
        results.push(result(rec, record.employeeNumber, 'suppressed', []));
        continue;
      }
      if (before && sameRecord(before, record)) {
        results.push({ ...result(rec, record.employeeNumber, 'unchanged', []), ...contacts(rec, record) });
        continue;
      }
      const write: AlumnusWrite = {
        record,
        matchKeys: alumnusIndexKeys(record, ctx),
        frequencyKeys: alumnusFrequencyKeys(record),
        searchText: searchTextFor(record),
      };
      writes.push(write);
      if (before) removedKeys.push(...before.frequencyKeys);
      else inserted++;
      addedKeys.push(...write.frequencyKeys);
      results.push({
        ...result(rec, record.employeeNumber, before ? 'updated' : 'inserted', []),
        ...contacts(rec, record),
      });
    }
    await this.alumni.upsertBatch(manager, bulk, writes);
    await this.alumni.finishBulkWrite(manager, bulk);
    await this.sync.adjustStatistics(manager, tenantId, removedKeys, addedKeys, inserted);
    const count = (o: SourceOutcome) => results.filter((r) => r.outcome === o).length;
    await this.audit.record(
      actor,
      {
        action: 'registry.sync',
        targetType: 'registry',
        targetId: source,
        details: {
          source,
          inserted: count('inserted'),
          updated: count('updated'),
          unchanged: count('unchanged'),
          rejected: count('rejected'),
          suppressed: count('suppressed'),
        },
      },
      manager,
    );
    return results;
  }

  /**
   * After a full walk of a source (a reconciliation): recount name frequencies and the registry size, and
   * re-detect the company e-mail domains exactly as the CSV import does, so addresses at the company's domain
   * stay weak evidence however the registry was filled.
   */
  async refreshStatistics(tenantId: string): Promise<{ corporateEmailDomains: string[] }> {
    return this.sync.transaction(async (manager) => {
      const { alumniCount, domainCounts } = await this.alumni.refreshStatistics(manager, tenantId);
      const domains = [...detectCorporateDomains(domainCounts, alumniCount)];
      await this.alumni.saveStats(manager, tenantId, alumniCount, domains);
      return { corporateEmailDomains: domains };
    });
  }

  /**
   * The HR system shows former employees employed again (`on` = the day it saw it) or gone again (`on` null).
   * The record is marked, never deleted: their history and exit interview stay. Returns who changed.
   */
  async markRejoined(actor: AuditActor, employeeNumbers: string[], on: string | null): Promise<string[]> {
    if (employeeNumbers.length === 0) return [];
    return this.sync.transaction(async (manager) => {
      const changed = await this.sync.setRejoined(manager, actor.tenantId, employeeNumbers, on);
      for (const number of changed)
        await this.audit.record(
          actor,
          {
            action: on === null ? 'registry.left_again' : 'registry.rejoined',
            targetType: 'alumnus',
            targetId: number,
          },
          manager,
        );
      return changed;
    });
  }
}

function normalizedNumber(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const v = raw.normalize('NFKC').trim();
  return v === '' ? null : v;
}

function result(
  rec: SourceRecord,
  employeeNumber: string | null,
  outcome: SourceOutcome,
  problems: ImportProblem[],
): SourceRecordResult {
  return { row: rec.row, employeeNumber, outcome, problems, emails: [], phones: [] };
}

/** The source's own contacts as validated (what to drop next time if the source changes them). */
function contacts(rec: SourceRecord, record: AlumnusRecord): { emails: string[]; phones: string[] } {
  const own = (list: string | undefined) => splitList(list);
  const emails = own(rec.raw.emails).filter((e) => record.emails.includes(e));
  const phones = own(rec.raw.phones).filter((p) => record.phones.includes(p));
  return { emails, phones };
}

function splitList(v: string | undefined): string[] {
  return (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The source's columns over what the registry holds (or the defaults for someone new). */
function mergeRaw(rec: SourceRecord, before: AlumnusEntity | undefined): AlumnusRawRow {
  const held: AlumnusRawRow = before ? entityToRaw(before) : DEFAULTS;
  const merged: Record<string, string | undefined> = { ...held };
  for (const [k, v] of Object.entries(rec.raw)) if (v !== undefined) merged[k] = v;
  // Contacts accumulate across sources: drop what this source said last time, add what it says now.
  const keepEmails = splitList(held.emails).filter((e) => !(rec.previousEmails ?? []).includes(e));
  const keepPhones = splitList(held.phones).filter((p) => !(rec.previousPhones ?? []).includes(p));
  merged.emails = unique([...keepEmails, ...splitList(rec.raw.emails)]).join(';');
  merged.phones = unique([...keepPhones, ...splitList(rec.raw.phones)]).join(';');
  return merged;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function entityToRaw(a: AlumnusEntity): AlumnusRawRow {
  return {
    employee_number: a.employeeNumber,
    family_name: a.familyName,
    given_name: a.givenName,
    family_name_kana: a.familyNameKana ?? '',
    given_name_kana: a.givenNameKana ?? '',
    previous_family_names: a.previousFamilyNames.join(';'),
    birth_date: a.birthDate ?? '',
    emails: a.emails.join(';'),
    phones: a.phones.join(';'),
    hire_date: a.hireDate,
    leave_date: a.leaveDate,
    departure_reason: a.departureReason,
    rehire_recommendation: a.rehireRecommendation,
    department: a.department ?? '',
    job_title: a.jobTitle ?? '',
    job_level: a.jobLevel ?? '',
    last_base_salary: a.lastBaseSalary === null ? '' : String(a.lastBaseSalary),
    performance_ratings: a.performanceRatings.map((r) => `${r.year}:${r.rating}`).join(';'),
    skills: a.skills.join(';'),
    network_opt_in: a.networkOptIn ? 'true' : 'false',
  };
}

/** Whether a write would change anything: a repeated delivery or a second reconciliation writes nothing. */
function sameRecord(a: AlumnusEntity, r: AlumnusRecord): boolean {
  const eq = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  return (
    a.familyName === r.familyName &&
    a.givenName === r.givenName &&
    a.familyNameKana === r.familyNameKana &&
    a.givenNameKana === r.givenNameKana &&
    eq(a.previousFamilyNames, r.previousFamilyNames) &&
    a.birthDate === r.birthDate &&
    eq(a.emails, r.emails) &&
    eq(a.phones, r.phones) &&
    a.hireDate === r.hireDate &&
    a.leaveDate === r.leaveDate &&
    a.departureReason === r.departureReason &&
    a.rehireRecommendation === r.rehireRecommendation &&
    a.department === r.department &&
    a.jobTitle === r.jobTitle &&
    a.jobLevel === r.jobLevel &&
    eq(a.skills, r.skills) &&
    a.networkOptIn === r.networkOptIn &&
    (a.lastBaseSalary === null ? null : Number(a.lastBaseSalary)) === r.lastBaseSalary &&
    eq(a.performanceRatings, r.performanceRatings)
  );
}
