import { MemoryRateLimiter } from '@comeback/platform/rate-limit/memory-rate-limiter';
import { AtsHttpMetrics } from '@comeback/ats';
import { SmartHrConnector } from './smarthr.connector';
import { crewToEmployee } from './smarthr.mapper';

const connector = new SmartHrConnector(new MemoryRateLimiter(), new AtsHttpMetrics());
const body = (o: unknown) => Buffer.from(JSON.stringify(o));

describe('SmartHR webhook authentication (X-SmartHR-Token, about_webhook)', () => {
  const raw = body({
    event: 'crew_updated',
    triggered_at: '2026-12-01T00:00:00Z',
    sender: null,
    crew: { id: 'c1' },
  });

  it('accepts the configured token and refuses anything else', () => {
    expect(
      connector.verifyWebhook(
        { rawBody: raw, headers: { 'x-smarthr-token': 'secret-token' } },
        'secret-token',
      ),
    ).toBe(true);
    for (const given of ['secret-tokeN', 'secret-token ', '', undefined, ['secret-token']]) {
      expect(
        connector.verifyWebhook({ rawBody: raw, headers: { 'x-smarthr-token': given } }, 'secret-token'),
      ).toBe(false);
    }
    // No token configured: nothing verifies.
    expect(connector.verifyWebhook({ rawBody: raw, headers: { 'x-smarthr-token': '' } }, '')).toBe(false);
  });

  it('names a delivery by its bytes: the same body is the same delivery, any change is another', () => {
    const a = connector.parseWebhook({ rawBody: raw, headers: {} });
    const b = connector.parseWebhook({ rawBody: Buffer.from(raw), headers: {} });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ action: 'upsert', externalId: 'c1', event: 'crew_updated' });
    const other = connector.parseWebhook({
      rawBody: body({ event: 'crew_updated', triggered_at: 'x', crew: { id: 'c1' } }),
      headers: {},
    });
    expect(other.deliveryId).not.toBe(a.deliveryId);
  });

  it('maps deletions, ignores other events and refuses bodies that are not the documented shape', () => {
    expect(
      connector.parseWebhook({ rawBody: body({ event: 'crew_deleted', crew: { id: 7 } }), headers: {} }),
    ).toMatchObject({ action: 'deleted', externalId: '7' });
    expect(
      connector.parseWebhook({ rawBody: body({ event: 'dependent_created', dependent: {} }), headers: {} }),
    ).toMatchObject({ action: 'ignored' });
    for (const bad of [
      'not json',
      '[]',
      '{}',
      JSON.stringify({ event: 'crew_created' }),
      JSON.stringify({ event: 'crew_created', crew: { id: {} } }),
    ]) {
      expect(() => connector.parseWebhook({ rawBody: Buffer.from(bad), headers: {} })).toThrow();
    }
  });
});

describe('crew → registry columns', () => {
  it('takes the documented fields, the first department, and only a recorded resignation makes a leaver', () => {
    const e = crewToEmployee({
      id: 'c1',
      emp_code: 'E1',
      last_name: '山田',
      first_name: '太郎',
      last_name_yomi: 'ヤマダ',
      first_name_yomi: 'タロウ',
      birth_at: '1988-05-12',
      email: 'a@b.example',
      tel_number: '090-1111-2222',
      entered_at: '2015-04-01',
      resigned_at: '2026-11-30',
      position: '主任',
      department: '旧部署',
      departments: [{ name: '研究開発部' }, { name: '営業部' }],
      updated_at: '2026-11-30T01:00:00Z',
    });
    expect(e.leaver).toBe(true);
    expect(e.raw).toMatchObject({
      employee_number: 'E1',
      family_name_kana: 'ヤマダ',
      department: '研究開発部',
      leave_date: '2026-11-30',
      emails: 'a@b.example',
    });
    expect(e.typeProblems).toEqual([]);
    expect(crewToEmployee({ id: 'c2', resigned_at: null }).leaver).toBe(false);
    expect(crewToEmployee({ id: 'c3', department: '旧部署' }).raw.department).toBe('旧部署');
  });

  it('reports a field of the wrong JSON type instead of guessing', () => {
    const e = crewToEmployee({ id: 'c1', emp_code: 12, tel_number: ['x'], resigned_at: '2026-01-01' });
    expect(e.typeProblems.map((p) => p.field).sort()).toEqual(['emp_code', 'tel_number']);
  });
});
