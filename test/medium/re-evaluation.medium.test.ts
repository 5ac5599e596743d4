import {
  ApplicationPipelineService,
  EligibilityPolicyService,
  ReEvaluationService,
} from '@comeback/pipeline';
import type { AuditActor } from '@comeback/platform';
import { DataSource } from 'typeorm';
import defaultPolicy from '../../config/eligibility-policy.default.json';
import { MediumApp, startMediumApp } from './support/medium-app';

const TARO = {
  firstName: '太郎',
  lastName: '山田',
  email: 'taro.yamada.88@gmail.com',
  phone: '090-1111-2222',
};
const ICHIRO = {
  firstName: '一郎',
  lastName: '鈴木',
  email: 'ichiro.suzuki80@yahoo.co.jp',
  phone: '080-3333-4444',
};
const WRITES = ['addTags', 'removeTags', 'addNote', 'moveToStage'] as const;

describe('re-evaluation of open applications after a policy change (medium tier)', () => {
  let m: MediumApp;
  let hr: AuditActor;
  let svc: ReEvaluationService;

  async function activate(rules: Record<string, unknown>): Promise<number> {
    const { version: _v, ...doc } = defaultPolicy;
    const policies = m.get(EligibilityPolicyService);
    const draft = await policies.createDraft(hr, { ...doc, rules }, 'test');
    await policies.dryRun(hr, draft.version, '2026-01-01'); // activation requires a recorded dry run
    await policies.activate(hr, draft.version);
    return draft.version;
  }
  const writes = () => WRITES.reduce((n, op) => n + m.ats.count(op), 0);

  beforeAll(async () => {
    m = await startMediumApp();
    hr = { tenantId: m.tenantId, role: 'hr_admin', name: 'hr@medium' };
    svc = m.get(ReEvaluationService);
    const pipeline = m.get(ApplicationPipelineService);
    await pipeline.process(m.conn, await m.apply({ applicationId: 'RE-TARO', ...TARO }), {
      trigger: 'application_created',
    });
    await pipeline.process(m.conn, await m.apply({ applicationId: 'RE-ICHIRO', ...ICHIRO }), {
      trigger: 'application_created',
    });
    expect(m.ats.applications.get('RE-TARO')?.currentStageName).toBe('二次面接');
    expect(m.ats.applications.get('RE-ICHIRO')?.currentStageName).toBe('書類選考');
  }, 60_000);
  afterAll(async () => m?.close());

  it('the dry run lists whose outcome changes and whether it would move, and writes nothing anywhere', async () => {
    const before = writes();
    const noChange = await svc.dryRun(hr);
    expect(noChange.changed).toEqual([]);
    // Stricter: 200 months' tenure. Taro (120 months) would no longer be eligible.
    const version = await activate({ ...defaultPolicy.rules, minTenureMonths: { months: 200 } });
    const report = await svc.dryRun(hr);
    expect(report.policyVersion).toBe(version);
    expect(report.checked).toBe(2);
    expect(report.changed).toEqual([
      expect.objectContaining({
        applicationId: 'RE-TARO',
        before: 'fast_tracked',
        after: 'ineligible',
        wouldMove: false,
      }),
    ]);
    expect(writes()).toBe(before);
    const stored = await m
      .get(DataSource)
      .query(`SELECT outcome FROM tracked_applications WHERE tenant_id = $1 AND application_id = 'RE-TARO'`, [
        m.tenantId,
      ]);
    expect(stored[0].outcome).toBe('fast_tracked'); // the stored decision is untouched by a dry run
  });

  it('applying re-decides the changed one without moving it backwards, with one note; applying again does nothing', async () => {
    const notesBefore = m.ats.notes.filter((n) => n.applicationId === 'RE-TARO').length;
    const result = await svc.apply(hr);
    expect(result.applied).toBe(1);
    expect(m.ats.applications.get('RE-TARO')?.currentStageName).toBe('二次面接'); // never moved back
    const notes = m.ats.notes.filter((n) => n.applicationId === 'RE-TARO');
    expect(notes).toHaveLength(notesBefore + 1);
    expect(notes.at(-1)?.body).toContain('ファストトラック対象外');
    expect(m.ats.count('moveToStage', 'RE-TARO')).toBe(1);

    const writesAfter = writes();
    const again = await svc.apply(hr);
    expect(again.applied).toBe(0);
    expect(again.changed).toEqual([]);
    expect(writes()).toBe(writesAfter);
  });

  it('a newly eligible one moves forward once; one already past the target stays where it is', async () => {
    // Looser: tenure only. Ichiro (dismissed) becomes eligible; Taro is eligible again but already past the skips.
    await activate({ minTenureMonths: { months: 12 } });
    const report = await svc.dryRun(hr);
    const byId = new Map(report.changed.map((r) => [r.applicationId, r]));
    expect(byId.get('RE-ICHIRO')).toMatchObject({
      before: 'ineligible',
      after: 'fast_tracked',
      wouldMove: true,
      targetStage: '二次面接',
    });
    expect(byId.get('RE-TARO')).toMatchObject({ before: 'ineligible', after: 'flagged', wouldMove: false });

    const result = await svc.apply(hr);
    expect(result.applied).toBe(2);
    expect(m.ats.applications.get('RE-ICHIRO')?.currentStageName).toBe('二次面接');
    expect(m.ats.applications.get('RE-TARO')?.currentStageName).toBe('二次面接');
    expect(m.ats.count('moveToStage', 'RE-TARO')).toBe(1);
    expect(m.ats.count('moveToStage', 'RE-ICHIRO')).toBe(1);
    const again = await svc.apply(hr);
    expect(again.applied).toBe(0);
  });
});
