import { Command, CommandRunner, Option } from 'nest-commander';
import { ROLES, Role, TenantService, TokenService } from '@comeback/platform';
import { openServices } from '../app-context';

interface Options {
  name?: string;
  role: Role;
}

@Command({ name: 'tenant:create', arguments: '<slug>', description: 'Create a tenant and print a token for local use' })
export class TenantCreateCommand extends CommandRunner {
  async run([slug]: string[], opts: Options): Promise<void> {
    const app = await openServices();
    try {
      const tenant = await app.get(TenantService).create({ slug, name: opts.name ?? slug });
      const token = app.get(TokenService).mint({ tenantId: tenant.id, role: opts.role, subject: `cli:${opts.role}` });
      process.stdout.write(`${JSON.stringify({ tenantId: tenant.id, slug: tenant.slug, role: opts.role, token })}\n`);
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--name <name>', description: 'Display name' })
  parseName(v: string): string {
    return v;
  }

  @Option({ flags: '--role <role>', description: `Role of the printed token (${ROLES.join(', ')})`, defaultValue: 'hr_admin' })
  parseRole(v: string): Role {
    if (!(ROLES as readonly string[]).includes(v)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
    return v as Role;
  }
}

@Command({ name: 'token', arguments: '<slug>', description: 'Mint a token for an existing tenant' })
export class TokenCommand extends CommandRunner {
  async run([slug]: string[], opts: Options & { subject?: string }): Promise<void> {
    const app = await openServices();
    try {
      const tenant = await app.get(TenantService).findBySlug(slug);
      if (!tenant) throw new Error(`No tenant "${slug}"`);
      process.stdout.write(`${app.get(TokenService).mint({ tenantId: tenant.id, role: opts.role, subject: opts.subject ?? `cli:${opts.role}` })}\n`);
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--role <role>', description: `Role (${ROLES.join(', ')})`, defaultValue: 'hr_admin' })
  parseRole(v: string): Role {
    if (!(ROLES as readonly string[]).includes(v)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
    return v as Role;
  }

  @Option({ flags: '--subject <subject>', description: 'Subject (user id) of the token' })
  parseSubject(v: string): string {
    return v;
  }
}
