import { retentionCutoffs } from './retention';

describe('retentionCutoffs', () => {
  const now = new Date('2026-12-01T00:00:00Z');

  it('defaults to 90 days for raw webhook bodies and 365 for audit details', () => {
    expect(retentionCutoffs(undefined, now)).toEqual({
      rawWebhookBodies: new Date('2026-09-02T00:00:00Z'),
      auditDetails: new Date('2025-12-01T00:00:00Z'),
    });
  });

  it('takes the tenant settings, and ignores values out of range', () => {
    expect(retentionCutoffs({ rawWebhookBodyDays: 7, auditDetailDays: 30 }, now)).toEqual({
      rawWebhookBodies: new Date('2026-11-24T00:00:00Z'),
      auditDetails: new Date('2026-11-01T00:00:00Z'),
    });
    expect(retentionCutoffs({ rawWebhookBodyDays: 0, auditDetailDays: 1.5 }, now).rawWebhookBodies).toEqual(
      new Date('2026-09-02T00:00:00Z'),
    );
  });
});
