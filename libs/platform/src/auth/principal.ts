export const ROLES = ['hr_admin', 'recruiter', 'hiring_manager', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: always one tenant, one role. Every query is scoped by `tenantId`. */
export interface Principal {
  subject: string;
  tenantId: string;
  role: Role;
  /** Display name for audit entries. */
  name: string;
}

export function canSeeSensitive(principal: Pick<Principal, 'role'>): boolean {
  return principal.role === 'hr_admin';
}
