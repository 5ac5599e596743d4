// The demo on the embedded default, kept serving: the people it prints sign in with the printed passwords, each
// landing on their role's home, and the local mailbox shows the invitation it sent (embedded mode keeps mail).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, linkIn } from '../support/browser-jar';

jest.setTimeout(240_000);

const CLI = join(__dirname, '../../dist/apps/cli/src/main.js');

describe('the embedded demo’s people and mailbox', () => {
  it('prints how to sign in as each role, and those sign-ins work; the mailbox shows the invitation', async () => {
    if (!existsSync(CLI)) throw new Error('Build first (npm run build)');
    const cwd = mkdtempSync(join(tmpdir(), 'comeback-demo-people-'));
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    delete env.QUEUE_PREFIX;
    delete env.SMTP_URL;
    const child = spawn(process.execPath, [CLI, 'demo', '--serve'], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('serving until')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`demo exited (${code}): ${out}`)));
      });
      const consoleUrl = /console: (http:\/\/\S+\/console\/login\?tenant=demo)/.exec(out)![1];
      const base = new URL(consoleUrl).origin;
      // Every role lands on its home page; a page only that role may open proves the role.
      const ownPages: Record<string, string> = {
        hr_admin: '/console/registry',
        recruiter: '/console/applications',
        hiring_manager: '/console/briefings',
      };
      for (const [role, own] of Object.entries(ownPages)) {
        const [, email, password] = new RegExp(`^\\s+${role}\\s+(\\S+@\\S+)\\s+(\\S+)$`, 'm').exec(out)!;
        const b = new Browser();
        const res = await b.submit(consoleUrl, '/console/sign-in', { tenant: 'demo', email, password });
        expect(res.location).toBe(`${base}/console`);
        expect((await b.request(`${base}/console`)).location).toBe(`${base}/console/home`);
        expect((await b.request(`${base}${own}`)).status).toBe(200);
      }
      const mailbox = await new Browser().request(
        /mail kept instead of sent.*?: (\S+)/.exec(out)![1] + '?lang=ja',
      );
      expect(mailbox.status).toBe(200);
      expect(mailbox.text).toContain('Comeback への招待');
      const link = linkIn(mailbox.text.replace(/&amp;/g, '&'), '/console/invitation');
      const invitation = await new Browser().request(link);
      expect(invitation.text).toContain('new.hire@demo.example');
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
