import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { diffDocuments, type DocumentProblem } from '@comeback/domain';
import { AuditService, type AuditActor } from '../audit/audit.service';
import {
  DocumentInvalidException,
  DryRunRequiredException,
  NotFoundException,
} from '../errors/app-exception';
import type { VersionedDocumentEntity, VersionedDocumentRow } from './versioned-document.entity';
import { VersionedDocumentsRepository } from './versioned-documents.repository';

/** What a kind's validator returns: the typed document, or every problem (in the document dialect). */
export type DocumentValidation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly DocumentProblem[] };

/** One kind of versioned document (eligibility policy, fairness policy …): its table, validator and names. */
export interface VersionedDocumentKind<T> {
  /** `eligibility_policy`: audit actions are `<name>.draft` / `<name>.activate`, and `<name>` is the target type. */
  readonly name: string;
  /** `policy`, `fairness policy`: how messages name it. */
  readonly label: string;
  readonly entity: VersionedDocumentEntity;
  /** Prefix of the per-tenant advisory lock that serialises version numbering (`<prefix>:<tenant id>`). */
  readonly lockPrefix: string;
  /** Validates a document as it would be read under row version `version` (0 for one not saved yet). */
  validate(document: unknown, version: number): DocumentValidation<T>;
  /** The part of a submitted document that is stored. */
  toStored(document: unknown): Record<string, unknown>;
  /** What a tenant without any version gets as active version 1. */
  readonly seed: { readonly document: unknown; readonly comment: string };
  /** Whether the activation's audit entry carries the path-level diff against the version it replaces. */
  readonly auditDiff: boolean;
}

export interface ActiveDocument<T> {
  version: number;
  value: T;
}

/**
 * Versioned, audited documents of one kind: draft → dry run → activate, with the history kept. Exactly one version
 * is active per tenant; a tenant without one gets the kind's seed. What a dry run computes is the kind's business;
 * that one ran, on exactly the content being activated, is checked here, so no caller can skip it.
 */
export class VersionedDocumentStore<T> {
  constructor(
    private readonly kind: VersionedDocumentKind<T>,
    private readonly repo: VersionedDocumentsRepository,
    private readonly audit: AuditService,
  ) {}

  validate(document: unknown): DocumentValidation<T> {
    return this.kind.validate(document, 0);
  }

  async active(tenantId: string): Promise<ActiveDocument<T>> {
    const row = (await this.repo.findActive(this.kind.entity, tenantId)) ?? (await this.seed(tenantId));
    return { version: row.version, value: this.parse(row) };
  }

  async history(tenantId: string): Promise<VersionedDocumentRow[]> {
    await this.active(tenantId);
    return this.repo.list(this.kind.entity, tenantId);
  }

  async get(tenantId: string, version: number): Promise<VersionedDocumentRow> {
    const row = await this.repo.findVersion(this.kind.entity, tenantId, version);
    if (!row) throw new NotFoundException(`${capitalise(this.kind.label)} version ${version}`);
    return row;
  }

  /** The typed document of a stored version (throws if it no longer validates). */
  async valueOf(tenantId: string, version: number): Promise<T> {
    return this.parse(await this.get(tenantId, version));
  }

  async createDraft(actor: AuditActor, document: unknown, comment?: string): Promise<VersionedDocumentRow> {
    await this.active(actor.tenantId);
    const checked = this.validate(document);
    if (!checked.ok)
      throw new DocumentInvalidException('The policy has problems; nothing was saved.', checked.problems);
    const { entity, name } = this.kind;
    return this.repo.transaction(async (m) => {
      await this.repo.lock(m, `${this.kind.lockPrefix}:${actor.tenantId}`);
      const next = await this.repo.nextVersion(m, entity, actor.tenantId);
      const row = await this.repo.insert(m, entity, {
        tenantId: actor.tenantId,
        version: next,
        status: 'draft',
        document: this.kind.toStored(document),
        comment: comment ?? null,
        createdBy: actor.name,
      });
      await this.audit.record(
        actor,
        {
          action: `${name}.draft`,
          targetType: name,
          targetId: String(next),
          details: { comment: comment ?? null },
        },
        m,
      );
      return row;
    });
  }

  /**
   * Runs `work` (the kind's dry run) on the version's typed document, then records on the row who ran it, when,
   * and a hash of exactly the content it ran: activation requires that record, whichever process serves it.
   */
  async dryRun<R>(actor: AuditActor, version: number, work: (value: T) => Promise<R>): Promise<R> {
    const row = await this.get(actor.tenantId, version);
    const result = await work(this.parse(row));
    await this.repo.recordDryRun(this.kind.entity, actor.tenantId, row.id, {
      by: actor.name,
      at: new Date(),
      hash: documentHash(row.document),
    });
    return result;
  }

  /** Refused (`DryRunRequiredException`) unless the version's current content is the content last dry-run. */
  async activate(actor: AuditActor, version: number): Promise<VersionedDocumentRow> {
    const current = await this.active(actor.tenantId);
    const found = await this.get(actor.tenantId, version);
    if (found.status === 'active') return found;
    const previous = this.kind.auditDiff ? await this.get(actor.tenantId, current.version) : null;
    const { entity, name } = this.kind;
    return this.repo.transaction(async (m) => {
      // Checked on the locked row, so what is activated is exactly what was checked.
      const target = await this.repo.findForUpdate(m, entity, actor.tenantId, found.id);
      if (!target) throw new NotFoundException(`${capitalise(this.kind.label)} version ${version}`);
      if (target.status === 'active') return target;
      if (!isDryRunOfCurrentContent(target)) throw new DryRunRequiredException(this.kind.label, version);
      const checked = this.validate(target.document);
      if (!checked.ok)
        throw new DocumentInvalidException('This version no longer validates', checked.problems);
      const activatedAt = new Date();
      await this.repo.activate(m, entity, actor.tenantId, target.id, actor.name, activatedAt);
      await this.audit.record(
        actor,
        {
          action: `${name}.activate`,
          targetType: name,
          targetId: String(version),
          details: {
            previousVersion: current.version,
            dryRun: { by: target.dryRunBy, at: target.dryRunAt, hash: target.dryRunHash },
            ...(previous ? { diff: diffDocuments(previous.document, target.document) } : {}),
          },
        },
        m,
      );
      return { ...target, status: 'active', activatedBy: actor.name, activatedAt };
    });
  }

  private parse(row: VersionedDocumentRow): T {
    const checked = this.kind.validate(row.document, row.version);
    if (!checked.ok)
      throw new DocumentInvalidException(
        `Stored ${this.kind.label} version ${row.version} does not validate`,
        checked.problems,
      );
    return checked.value;
  }

  private async seed(tenantId: string): Promise<VersionedDocumentRow> {
    const { entity, seed, label } = this.kind;
    await this.repo.seedActive(entity, tenantId, this.kind.toStored(seed.document), seed.comment);
    const row = await this.repo.findActive(entity, tenantId);
    if (!row) throw new Error(`default ${label} could not be seeded`);
    return row;
  }
}

/** Makes the store of each document kind; inject this and call `for(kind)` once, in the kind's service. */
@Injectable()
export class VersionedDocumentStores {
  constructor(
    private readonly repo: VersionedDocumentsRepository,
    private readonly audit: AuditService,
  ) {}

  for<T>(kind: VersionedDocumentKind<T>): VersionedDocumentStore<T> {
    return new VersionedDocumentStore(kind, this.repo, this.audit);
  }
}

/** Whether the row's recorded dry run ran exactly the content it holds now. */
export function isDryRunOfCurrentContent(row: VersionedDocumentRow): boolean {
  return row.dryRunHash !== null && row.dryRunHash === documentHash(row.document);
}

/** SHA-256 of the document with its keys sorted at every level: the same content hashes the same however stored. */
export function documentHash(document: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(sortKeys(document)))
    .digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, sortKeys(o[k])]),
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
