// An erased person stays suppressed across a key rotation: the suppression list's hashes are keyed by a per-tenant
// pepper (sealed under SECRET_KEY and re-sealed by `secrets:rotate`), not by SECRET_KEY itself. Before, the
// hashes were keyed by SECRET_KEY: once SECRET_KEY_PREVIOUS was removed after a rotation, a re-import of the erased
// person matched nothing and brought them back.
import { randomBytes } from 'node:crypto';
import { suppressionKeys } from '@comeback/domain';
import { IdentityKeyHasher, TokenService } from '@comeback/platform';
import { SuppressionHasher } from '@comeback/registry';
import { csvUpload, http, startApi, type Harness } from '../support/api-harness';
import { dbQuery } from './security-kit';

jest.setTimeout(120_000);

const HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,performance_ratings,skills,network_opt_in';
const ROW =
  'E7301,鷺沼,千尋,サギヌマ,チヒロ,,1987-03-09,chihiro.saginuma@example.com,090-7301-7301,2010-04-01,2021-09-30,voluntary_career,yes,研究開発部,主任,G3,6100000,2020:A,,false';
const KEY_1 = randomBytes(32).toString('base64');
const KEY_2 = randomBytes(32).toString('base64');

describe('erasure suppression survives a SECRET_KEY rotation', () => {
  let api: Harness | null = null;
  afterAll(async () => {
    await api?.close();
    delete process.env.SECRET_KEY_PREVIOUS;
  });

  const hrToken = (h: Harness, tenantId: string) =>
    h.app.get(TokenService).mint({ tenantId, role: 'hr_admin', subject: 'hr-rotation' });
  const importRow = (h: Harness, token: string) =>
    http(h.baseUrl, 'POST', '/api/v1/registry/imports', {
      token,
      body: csvUpload(`${HEADER}\n${ROW}\n`),
    });

  it('erase → rotate → drop the previous key → re-import: still suppressed; HR can still lift it', async () => {
    // 1. Under the first key: import, erase.
    api = await startApi({ SECRET_KEY: KEY_1, SECRET_KEY_PREVIOUS: undefined });
    const tenant = await api.tenant('rotation');
    let hr = hrToken(api, tenant.id);
    expect((await importRow(api, hr)).status).toBe(201);
    const erased = await http(api.baseUrl, 'DELETE', '/api/v1/registry/alumni/E7301', { token: hr });
    expect(erased.status).toBeLessThan(300);
    const [before] = await dbQuery<{ pepper_sealed: string }>(
      'SELECT pepper_sealed FROM identity_key_peppers WHERE tenant_id = $1',
      [tenant.id],
    );
    expect(before.pepper_sealed).toMatch(/^v2\./);
    const databaseUrl = api.databaseUrl;
    await api.close({ keepDatabase: true });

    // 2. Rotation: the new key seals, the previous one still opens; `secrets:rotate` re-seals the pepper.
    api = await startApi({ SECRET_KEY: KEY_2, SECRET_KEY_PREVIOUS: KEY_1 }, { databaseUrl });
    expect(await api.app.get(SuppressionHasher).resealAll()).toEqual({ peppers: 1, resealed: 1 });
    expect(await api.app.get(SuppressionHasher).resealAll()).toEqual({ peppers: 1, resealed: 0 });
    await api.close({ keepDatabase: true });

    // 3. The previous key is gone: the person is still kept out of a re-import.
    api = await startApi({ SECRET_KEY: KEY_2, SECRET_KEY_PREVIOUS: undefined }, { databaseUrl });
    hr = hrToken(api, tenant.id);
    const again = await importRow(api, hr);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ rowsSuppressed: 1, inserted: 0 });
    expect((await http(api.baseUrl, 'GET', '/api/v1/registry/alumni/E7301', { token: hr })).status).toBe(404);

    // …and HR can still find the suppression by the employee number to lift it.
    const lift = await http(api.baseUrl, 'POST', '/api/v1/registry/suppressions/lift', {
      token: hr,
      json: { employeeNumber: 'E7301' },
    });
    expect(lift.status).toBe(200);
    expect((await importRow(api, hr)).body).toMatchObject({ rowsSuppressed: 0, inserted: 1 });
  });

  it('a tenant with suppressions made before peppers existed keeps them matching (its pepper is their key)', async () => {
    await api?.close();
    api = await startApi({ SECRET_KEY: KEY_1, SECRET_KEY_PREVIOUS: undefined });
    const tenant = await api.tenant('legacy');
    // A suppression as the earlier release stored it: hashed under a key derived from SECRET_KEY, no pepper yet.
    const legacy = new IdentityKeyHasher(IdentityKeyHasher.legacyKey(Buffer.from(KEY_1, 'base64')));
    const keys = suppressionKeys({
      employeeNumber: 'E7301',
      familyName: '鷺沼',
      givenName: '千尋',
      familyNameKana: 'サギヌマ',
      givenNameKana: 'チヒロ',
      previousFamilyNames: [],
      birthDate: '1987-03-09',
      emails: ['chihiro.saginuma@example.com'],
      phones: ['090-7301-7301'],
    });
    await dbQuery('INSERT INTO erasure_suppressions (tenant_id, key_hashes) VALUES ($1, $2)', [
      tenant.id,
      legacy.hash(tenant.id, keys),
    ]);
    const res = await importRow(api, hrToken(api, tenant.id));
    expect(res.body).toMatchObject({ rowsSuppressed: 1, inserted: 0 });
  });
});
