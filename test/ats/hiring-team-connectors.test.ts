import { MemoryCredentialCache } from '@comeback/platform';
import { MemoryRateLimiter } from '@comeback/platform/rate-limit/memory-rate-limiter';
import { AtsHttpMetrics } from '@comeback/ats';
import { GreenhouseConnector } from '@comeback/ats/greenhouse/greenhouse.connector';
import { WorkableConnector } from '@comeback/ats/workable/workable.connector';
import { startSimulator, SimulatorHandle } from '@comeback/ats-simulator';
import { connection, fastTuning, SimControl } from './ats-test-kit';

jest.setTimeout(60_000);

/** A job's hiring managers read through each adapter from the simulator (modelled on the vendors' docs). */
describe('listJobHiringManagers against the simulator', () => {
  let sim: SimulatorHandle;
  let ctl: SimControl;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, logger: false });
    ctl = new SimControl(sim.url);
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    await ctl.call('POST', '/reset');
  });

  it('Greenhouse: job_hiring_managers joined with users’ primary e-mails, lower-cased; other jobs not mixed in', async () => {
    const seeded = await ctl.seed({
      greenhouse: {
        clientId: 'gh-client',
        clientSecret: 'gh-secret',
        users: [
          { firstName: 'Bot', lastName: 'Admin', email: 'bot@example.com', siteAdmin: true },
          { firstName: 'Hana', lastName: 'HM', email: 'Hana.HM@Example.com' },
          { firstName: 'Ken', lastName: 'HM', email: 'ken.hm@example.com' },
        ],
        jobs: [
          {
            name: 'Backend',
            stages: ['Review', 'Offer'],
            hiringManagers: ['Hana.HM@Example.com', 'ken.hm@example.com'],
          },
          { name: 'Sales', stages: ['Review', 'Offer'], hiringManagers: ['bot@example.com'] },
          { name: 'Design', stages: ['Review', 'Offer'] },
        ],
      },
    });
    const [backend, , design] = seeded.greenhouse.jobs.map((j: { id: number }) => String(j.id));
    const conn = connection({
      kind: 'greenhouse',
      apiBaseUrl: `${sim.url}/greenhouse/v3`,
      authUrl: `${sim.url}/greenhouse/auth/token`,
      clientId: 'gh-client',
      secret: 'gh-secret',
      actingUserId: String(seeded.greenhouse.users[0].id),
    });
    const gh = new GreenhouseConnector(
      new MemoryRateLimiter(),
      new AtsHttpMetrics(),
      new MemoryCredentialCache(),
      fastTuning(),
    );
    try {
      const managers = await gh.listJobHiringManagers(conn, backend);
      expect(managers.map((m) => m.email).sort()).toEqual(['hana.hm@example.com', 'ken.hm@example.com']);
      expect(managers.map((m) => m.atsUserId).sort()).toEqual(
        [String(seeded.greenhouse.users[1].id), String(seeded.greenhouse.users[2].id)].sort(),
      );
      expect(await gh.listJobHiringManagers(conn, design)).toEqual([]);
    } finally {
      await gh.onModuleDestroy();
    }
  });

  it('Workable: job members whose collaboration_role is hiring_manager; an unknown job is a 404', async () => {
    await ctl.seed({
      workable: {
        subdomain: 'acme',
        token: 'wk-token',
        members: [
          { name: 'Bot', email: 'bot@example.com', role: 'admin' },
          { name: 'Hana HM', email: 'Hana.HM@Example.com', role: 'simple' },
          { name: 'Rio Recruiter', email: 'rio@example.com', role: 'recruiter' },
        ],
        jobs: [
          {
            title: 'Sales Lead',
            shortcode: 'SALES1',
            stages: ['Applied', 'Interview'],
            members: [
              { email: 'Hana.HM@Example.com' },
              { email: 'rio@example.com', collaborationRole: 'recruiter' },
              { email: 'bot@example.com', collaborationRole: 'admin' },
            ],
          },
        ],
      },
    });
    const conn = connection({
      kind: 'workable',
      apiBaseUrl: `${sim.url}/workable/spi/v3`,
      secret: 'wk-token',
    });
    const wk = new WorkableConnector(new MemoryRateLimiter(), new AtsHttpMetrics(), fastTuning());
    try {
      const managers = await wk.listJobHiringManagers(conn, 'SALES1');
      expect(managers).toEqual([{ atsUserId: expect.any(String), email: 'hana.hm@example.com' }]);
      await expect(wk.listJobHiringManagers(conn, 'NOPE')).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await wk.onModuleDestroy();
    }
  });
});
