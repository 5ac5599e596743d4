export const ROLES = ['hr_admin', 'recruiter', 'hiring_manager', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: always one tenant, one role. Every query is scoped by `tenantId`. */
export interface Principal {
  subject: string;
  tenantId: string;
  role: Role;
  /** Display name for audit entries. */
  name: string;
  /** Set when a person signed in (console session): their id and e-mail, named in every audit entry. */
  personId?: string;
  email?: string;
  /** The console session this request belongs to (ended at once when the person is deactivated). */
  sessionId?: string;
}

export function canSeeSensitive(principal: Pick<Principal, 'role'>): boolean {
  return principal.role === 'hr_admin';
}
