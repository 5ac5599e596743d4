import { Injectable } from '@nestjs/common';
import type { Role } from './principal';

/** What a live session says about its person now (role and name as they are today, not as when signed in). */
export interface LiveSession {
  personId: string;
  role: Role;
  name: string;
  email: string;
}

export interface SessionChecker {
  /** The session if it is still open, unexpired and its person active; null otherwise. */
  check(tenantId: string, sessionId: string, personId: string): Promise<LiveSession | null>;
}

/**
 * The people lib registers its session store here (platform must not import it). A token carrying a session id
 * (`sid`) is accepted only while that session is live, checked on every request without a cache: deactivating a
 * person or signing out refuses the very next request.
 */
@Injectable()
export class SessionCheckRegistry {
  private checker: SessionChecker | null = null;

  register(checker: SessionChecker): void {
    this.checker = checker;
  }

  async check(tenantId: string, sessionId: string, personId: string): Promise<LiveSession | null> {
    return this.checker ? this.checker.check(tenantId, sessionId, personId) : null;
  }
}
