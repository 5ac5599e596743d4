import { Injectable } from '@nestjs/common';

/** A person who can be assigned to a job, as the access layer knows them. */
export interface DirectoryPerson {
  /** What identifies them in a signed-in principal (`Principal.subject`) and in `job_assignments`. */
  subject: string;
}

/**
 * Finds the person behind an e-mail the ATS gave for a hiring manager. The one seam between assignments and
 * people accounts: bind another implementation (people accounts looked up by e-mail) in its place.
 */
export abstract class HiringManagerDirectory {
  abstract findByEmail(tenantId: string, email: string): Promise<DirectoryPerson | null>;
}

/**
 * Until people accounts exist a hiring manager is known only by their token subject, which by convention is
 * their e-mail (`cli tenant:create … --subject hanako@acme.co.jp`): the e-mail, trimmed and lower-cased, is
 * the subject. Anything that is not an e-mail matches nobody.
 */
@Injectable()
export class EmailSubjectDirectory extends HiringManagerDirectory {
  async findByEmail(_tenantId: string, email: string): Promise<DirectoryPerson | null> {
    const e = email.trim().toLowerCase();
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? { subject: e } : null;
  }
}
