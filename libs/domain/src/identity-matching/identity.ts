/** A former employee as the matcher sees them (a projection of the registry record). */
export interface AlumnusIdentity {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana?: string | null;
  givenNameKana?: string | null;
  previousFamilyNames: string[];
  birthDate?: string | null;
  emails: string[];
  phones: string[];
}

/** An applicant as the ATS gives them: every field optional, names in any script or order. */
export interface ApplicantIdentity {
  firstName?: string | null;
  lastName?: string | null;
  firstNameKana?: string | null;
  lastNameKana?: string | null;
  emails?: string[];
  phones?: string[];
  birthDate?: string | null;
  employeeNumber?: string | null;
}

export interface MatchContext {
  /** The tenant's company domains: addresses there stop identifying someone once they left. */
  corporateEmailDomains: ReadonlySet<string>;
}

/** How common each name key is in the tenant's registry (counted at import). */
export interface MatchStatistics {
  alumniCount: number;
  frequency(key: string): number;
}
