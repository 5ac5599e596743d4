import { Command, CommandRunner, Option } from 'nest-commander';
import { ROLES, Role, TenantService, TokenService } from '@comeback/platform';
import { openServices } from '../app-context';

interface Options {
  name?: string;
  role: Role;
  subject?: string;
}

/**
 * Every token names the one person or machine client it is for (`--subject`): an audit entry must say who did
 * something, and HR revokes one token (by the printed `jti`) without cutting off everyone else.
 */
export function requireSubject(subject: string | undefined): string {
  const s = subject?.trim();
  if (!s) {
    throw new Error(
      '--subject is required: the person (e-mail) or the named machine client the token is for, e.g. --subject hanako@example.co.jp',
    );
  }
  if (/^cli:(hr_admin|recruiter|hiring_manager|integration)$/.test(s)) {
    throw new Error(
      `--subject "${s}" names a role, not a person or client: give the person's e-mail or the client's name`,
    );
  }
  return s;
}

function parseRole(v: string): Role {
  if (!(ROLES as readonly string[]).includes(v)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
  return v as Role;
}

@Command({
  name: 'tenant:create',
  arguments: '<slug>',
  description: 'Create a tenant and print a token for one named person or client',
})
export class TenantCreateCommand extends CommandRunner {
  async run([slug]: string[], opts: Options): Promise<void> {
    const subject = requireSubject(opts.subject);
    const app = await openServices();
    try {
      const tenant = await app.get(TenantService).create({ slug, name: opts.name ?? slug });
      const { token, jti } = app
        .get(TokenService)
        .mintWithId({ tenantId: tenant.id, role: opts.role, subject });
      process.stdout.write(
        `${JSON.stringify({ tenantId: tenant.id, slug: tenant.slug, role: opts.role, subject, jti, token })}\n`,
      );
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--name <name>', description: 'Display name of the tenant' })
  parseName(v: string): string {
    return v;
  }

  @Option({
    flags: '--subject <subject>',
    description: 'Required: the person (e-mail) or machine client the token is for',
  })
  parseSubject(v: string): string {
    return v;
  }

  @Option({
    flags: '--role <role>',
    description: `Role of the printed token (${ROLES.join(', ')})`,
    defaultValue: 'hr_admin',
  })
  parseRole(v: string): Role {
    return parseRole(v);
  }
}

@Command({
  name: 'token',
  arguments: '<slug>',
  description: 'Mint a token for one named person or client of an existing tenant',
})
export class TokenCommand extends CommandRunner {
  async run([slug]: string[], opts: Options): Promise<void> {
    const subject = requireSubject(opts.subject);
    const app = await openServices();
    try {
      const tenant = await app.get(TenantService).findBySlug(slug);
      if (!tenant) throw new Error(`No tenant "${slug}"`);
      const { token, jti } = app
        .get(TokenService)
        .mintWithId({ tenantId: tenant.id, role: opts.role, subject });
      process.stderr.write(`jti: ${jti} (revoke with DELETE /api/v1/tokens/${jti})\n`);
      process.stdout.write(`${token}\n`);
    } finally {
      await app.close();
    }
  }

  @Option({ flags: '--role <role>', description: `Role (${ROLES.join(', ')})`, defaultValue: 'hr_admin' })
  parseRole(v: string): Role {
    return parseRole(v);
  }

  @Option({
    flags: '--subject <subject>',
    description: 'Required: the person (e-mail) or machine client the token is for',
  })
  parseSubject(v: string): string {
    return v;
  }
}
