import { Command, CommandRunner, Option } from 'nest-commander';
import { TenantService } from '@comeback/platform';
import { PeopleService, type PersonLanguage } from '@comeback/people';
import { openServices } from '../app-context';

interface Options {
  email?: string;
  name?: string;
  language: PersonLanguage;
}

/** The first HR admin of a tenant: an invitation (e-mailed, and its one-time link printed here). */
@Command({
  name: 'people:create-admin',
  arguments: '<slug>',
  description: 'Invite an HR admin to a tenant and print the one-time invitation link',
})
export class PeopleCreateAdminCommand extends CommandRunner {
  async run([slug]: string[], opts: Options): Promise<void> {
    if (!opts.email) throw new Error('--email is required (the HR admin’s work e-mail)');
    const app = await openServices('people');
    try {
      const tenant = await app.get(TenantService).findBySlug(slug);
      if (!tenant) throw new Error(`No tenant "${slug}"`);
      const { link, invitation } = await app.get(PeopleService).invite(
        { tenantId: tenant.id, role: 'hr_admin', name: 'cli' },
        {
          email: opts.email,
          displayName: opts.name ?? opts.email,
          role: 'hr_admin',
          language: opts.language,
        },
      );
      process.stderr.write(
        `Invitation for ${invitation.email}, valid until ${invitation.expiresAt.toISOString()}, single use:\n`,
      );
      process.stdout.write(`${link}\n`);
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--email <email>', description: 'Required: the HR admin’s e-mail' })
  parseEmail(v: string): string {
    return v;
  }

  @Option({ flags: '--name <name>', description: 'Display name (default: the e-mail)' })
  parseName(v: string): string {
    return v;
  }

  @Option({
    flags: '--language <ja|en>',
    description: 'Language of the e-mail and console',
    defaultValue: 'ja',
  })
  parseLanguage(v: string): PersonLanguage {
    if (v !== 'ja' && v !== 'en') throw new Error('--language must be ja or en');
    return v;
  }
}
