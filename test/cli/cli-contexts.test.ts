// The CLI's service contexts must start: a feature that gains a dependency (a handler for a new ATS event kind, a
// service another module provides) must not leave `secrets:rotate` (the pipeline context: connections, SSO, chat
// webhooks, peppers) unable to boot. Runs the built CLI against a database of its own.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

const CLI = join(__dirname, '../../dist/apps/cli/src/main.js');

describe('the built CLI', () => {
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('Build first (npm run build)');
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('secrets:rotate boots the pipeline context and reports what it re-sealed', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'secrets:rotate'], {
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'error' },
      timeout: 90_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, number>;
    expect(report).toMatchObject({ atsConnections: 0, chatWebhooks: 0, ssoProviders: 0 });
  });
});
