import { randomUUID } from 'node:crypto';
import { DataSource, Entity } from 'typeorm';
import { DocumentChecker } from '@comeback/domain';
import {
  AppException,
  AuditEntryEntity,
  AuditService,
  DocumentInvalidException,
  documentHash,
  DryRunRequiredException,
  ErrorCode,
  toErrorResponse,
  VersionedDocumentRow,
  VersionedDocumentStores,
  VersionedDocumentsRepository,
  type AuditActor,
  type VersionedDocumentKind,
} from '@comeback/platform';
import { ELIGIBILITY_POLICIES } from '@comeback/pipeline';
import { EligibilityPolicyVersionEntity } from '../../libs/pipeline/src/policies/eligibility-policy-version.entity';
import { FAIRNESS_POLICIES } from '@comeback/compensation';
import { DEFAULT_FAIRNESS_POLICY } from '@comeback/domain/compensation';
import { FairnessPolicyVersionEntity } from '../../libs/compensation/src/entities/fairness-policy-version.entity';
import { typeOrmOptions } from '../../libs/platform/src/database/typeorm-options';
import { AuditRepository } from '../../libs/platform/src/audit/audit.repository';
import { createTestDatabase } from '../support/test-database';

/** A toy kind on its own table (a clone of fairness_policies made below), so the store is tested on its own. */
@Entity('toy_documents')
class ToyDocumentEntity extends VersionedDocumentRow {}

interface Toy {
  limit: number;
}

const TOYS: VersionedDocumentKind<Toy> = {
  name: 'toy_document',
  label: 'toy document',
  entity: ToyDocumentEntity,
  lockPrefix: 'toy',
  validate: (document) => {
    const c = new DocumentChecker();
    const o = c.object(document, [], ['limit'], ['limit']);
    const limit = o ? c.integer(o.limit, ['limit'], 0, 10) : null;
    return limit === null || c.hasProblems
      ? { ok: false, problems: c.problems }
      : { ok: true, value: { limit } };
  },
  toStored: (document) => document as Record<string, unknown>,
  seed: { document: { limit: 1 }, comment: 'seed' },
  auditDiff: true,
};

describe('VersionedDocumentStore (real PostgreSQL)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  let stores: VersionedDocumentStores;
  const actor = (tenantId: string, name = 'hr-1'): AuditActor => ({ tenantId, role: 'hr_admin', name });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({
      ...typeOrmOptions(db.url, { poolSize: 8 }),
      entities: [
        ToyDocumentEntity,
        EligibilityPolicyVersionEntity,
        FairnessPolicyVersionEntity,
        AuditEntryEntity,
      ],
    }).initialize();
    await ds.query(`CREATE TABLE toy_documents (LIKE fairness_policies INCLUDING ALL)`);
    stores = new VersionedDocumentStores(
      new VersionedDocumentsRepository(ds),
      new AuditService(new AuditRepository(ds.getRepository(AuditEntryEntity))),
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  type AuditRow = {
    action: string;
    target_type: string;
    target_id: string;
    details: Record<string, unknown>;
  };
  const audit = (tenantId: string) =>
    ds.query<AuditRow[]>(
      `SELECT action, target_type, target_id, details FROM audit_entries WHERE tenant_id = $1 ORDER BY id`,
      [tenantId],
    );

  it('seeds the kind’s default as active version 1, once, for each tenant', async () => {
    const store = stores.for(TOYS);
    const t = randomUUID();
    await Promise.all([store.active(t), store.active(t), store.active(t)]);
    expect(await store.active(t)).toEqual({ version: 1, value: { limit: 1 } });
    const history = await store.history(t);
    expect(history.map((r) => [r.version, r.status, r.comment, r.createdBy, r.activatedBy])).toEqual([
      [1, 'active', 'seed', 'system', 'system'],
    ]);
    expect((await store.history(randomUUID())).map((r) => r.version)).toEqual([1]);
  });

  it('numbers concurrent drafts without gaps or clashes under the per-tenant lock, and audits each', async () => {
    const store = stores.for(TOYS);
    const t = randomUUID();
    const rows = await Promise.all(
      Array.from({ length: 6 }, (_, i) => store.createDraft(actor(t), { limit: i }, `draft ${i}`)),
    );
    expect(rows.map((r) => r.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rows.every((r) => r.status === 'draft')).toBe(true);
    const entries = await audit(t);
    expect(entries).toHaveLength(6);
    expect(entries.every((e) => e.action === 'toy_document.draft' && e.target_type === 'toy_document')).toBe(
      true,
    );
    expect(entries.map((e) => Number(e.target_id)).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('refuses an invalid draft with every problem in the document dialect, and saves nothing', async () => {
    const store = stores.for(TOYS);
    const t = randomUUID();
    const err = await store.createDraft(actor(t), { limit: 11, extra: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentInvalidException);
    expect((err as AppException).code).toBe(ErrorCode.PolicyInvalid);
    const problems = (err as DocumentInvalidException).problems;
    expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual(['/extra:unknown_key', '/limit:range']);
    expect((err as AppException).details).toEqual({ problems });
    expect(problems[1].messages).toEqual({
      en: 'Must be between 0 and 10, got 11.',
      ja: '0〜10の範囲で指定してください（指定された値: 11）。',
    });
    expect((await store.history(t)).map((r) => r.version)).toEqual([1]);
    expect(await audit(t)).toEqual([]);
  });

  /** The kind's dry run, whatever it computes: the store records it on the row. */
  const dryRun = (store: ReturnType<typeof stores.for<Toy>>, a: AuditActor, version: number) =>
    store.dryRun(a, version, async (value) => value.limit);

  it('activates a draft: retires the previous version, audits the diff, and is idempotent', async () => {
    const store = stores.for(TOYS);
    const t = randomUUID();
    await store.createDraft(actor(t), { limit: 7 }, 'seven');
    await dryRun(store, actor(t, 'hr-3'), 2);
    const activated = await store.activate(actor(t, 'hr-2'), 2);
    expect(activated).toMatchObject({ version: 2, status: 'active', activatedBy: 'hr-2' });
    expect(activated.activatedAt).toBeInstanceOf(Date);
    expect(await store.active(t)).toEqual({ version: 2, value: { limit: 7 } });
    expect((await store.history(t)).map((r) => [r.version, r.status])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ]);
    expect(await store.activate(actor(t), 2)).toMatchObject({
      version: 2,
      status: 'active',
      activatedBy: 'hr-2',
    });
    const entries = await audit(t);
    expect(entries.map((e) => e.action)).toEqual(['toy_document.draft', 'toy_document.activate']);
    expect(entries[1]).toMatchObject({
      target_id: '2',
      details: {
        previousVersion: 1,
        dryRun: { by: 'hr-3', hash: documentHash({ limit: 7 }) },
        diff: [{ path: '/limit', before: 1, after: 7 }],
      },
    });
  });

  it('refuses to activate a version never dry-run, with a code and an en/ja message, and changes nothing', async () => {
    const store = stores.for(TOYS);
    const t = randomUUID();
    await store.createDraft(actor(t), { limit: 4 });
    const err = await store.activate(actor(t), 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DryRunRequiredException);
    expect(err).toMatchObject({
      code: ErrorCode.DryRunRequired,
      details: {
        version: 2,
        messages: { en: expect.stringContaining('dry-run'), ja: expect.stringContaining('試算') },
      },
    });
    expect(toErrorResponse(err).status).toBe(409);
    expect(await store.active(t)).toEqual({ version: 1, value: { limit: 1 } });
    expect((await audit(t)).map((e) => e.action)).toEqual(['toy_document.draft']);
  });

  it('records the dry run on the row (who, when, content hash), and refuses one whose content changed since', async () => {
    const store = stores.for(TOYS);
    const t = randomUUID();
    await store.createDraft(actor(t), { limit: 4 });
    expect(await dryRun(store, actor(t, 'hr-9'), 2)).toBe(4);
    const row = await store.get(t, 2);
    expect(row).toMatchObject({ dryRunBy: 'hr-9', dryRunHash: documentHash({ limit: 4 }) });
    expect(row.dryRunAt).toBeInstanceOf(Date);
    // Drafts are never edited through the store; an edit by any other way is no longer the content dry-run.
    await ds.query(
      `UPDATE toy_documents SET document = '{"limit": 5}' WHERE tenant_id = $1 AND version = 2`,
      [t],
    );
    await expect(store.activate(actor(t), 2)).rejects.toBeInstanceOf(DryRunRequiredException);
    await dryRun(store, actor(t), 2);
    expect(await store.activate(actor(t), 2)).toMatchObject({ status: 'active' });
    expect(await store.active(t)).toEqual({ version: 2, value: { limit: 5 } });
  });

  it('hashes content, not key order', () => {
    expect(documentHash({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(
      documentHash({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }),
    );
    expect(documentHash({ a: 1 })).not.toBe(documentHash({ a: 2 }));
  });

  it('leaves the diff out of the audit entry for a kind that does not want it', async () => {
    const store = stores.for({ ...TOYS, auditDiff: false });
    const t = randomUUID();
    await store.createDraft(actor(t), { limit: 3 });
    await dryRun(store, actor(t), 2);
    await store.activate(actor(t), 2);
    expect((await audit(t))[1].details).toEqual({
      previousVersion: 1,
      dryRun: { by: 'hr-1', at: expect.any(String), hash: documentHash({ limit: 3 }) },
    });
  });

  it('names the kind in not-found and stored-but-invalid errors', async () => {
    const store = stores.for(TOYS);
    const t = randomUUID();
    await expect(store.get(t, 9)).rejects.toMatchObject({
      code: ErrorCode.NotFound,
      message: 'Toy document version 9 not found',
    });
    await store.active(t);
    await ds.query(`UPDATE toy_documents SET document = '{"limit": 99}' WHERE tenant_id = $1`, [t]);
    await expect(store.valueOf(t, 1)).rejects.toMatchObject({
      code: ErrorCode.PolicyInvalid,
      message: 'Stored toy document version 1 does not validate',
      details: { problems: [expect.objectContaining({ path: '/limit', code: 'range' })] },
    });
  });

  it('keeps tenants apart', async () => {
    const store = stores.for(TOYS);
    const [a, b] = [randomUUID(), randomUUID()];
    await store.createDraft(actor(a), { limit: 5 });
    await expect(store.get(b, 2)).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect((await store.history(b)).map((r) => r.version)).toEqual([1]);
  });

  it('serves the two policy kinds from their own tables with their shipped defaults', async () => {
    const t = randomUUID();
    const eligibility = stores.for(ELIGIBILITY_POLICIES);
    const fairness = stores.for(FAIRNESS_POLICIES);
    expect((await eligibility.active(t)).value.defaultTier).toBe('full');
    expect(await fairness.active(t)).toEqual({ version: 1, value: DEFAULT_FAIRNESS_POLICY });
    // The eligibility row's number is its version: the stored document carries none.
    const [stored] = await ds.query<{ document: Record<string, unknown> }[]>(
      `SELECT document FROM eligibility_policies WHERE tenant_id = $1`,
      [t],
    );
    expect(stored.document.version).toBeUndefined();
    expect(
      (await ds.query(`SELECT count(*)::int AS n FROM fairness_policies WHERE tenant_id = $1`, [t]))[0].n,
    ).toBe(1);
    const bad = await fairness.createDraft(actor(t), { version: 1 }).catch((e: unknown) => e);
    expect((bad as DocumentInvalidException).problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/privacy', code: 'required' })]),
    );
  });
});
