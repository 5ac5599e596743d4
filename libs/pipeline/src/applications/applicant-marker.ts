import { Injectable } from '@nestjs/common';
import type { AtsApplication, AtsConnection } from '@comeback/ats';

/** A certain answer to "who is this applicant?", from something only our own invitation could have produced. */
export interface MarkedApplicant {
  employeeNumber: string;
  /** What made it certain (for the decision's record), e.g. `invitation`. */
  via: string;
}

/**
 * A feature that can recognise an applicant with certainty (an invitation's marker carried by the ATS) answers
 * here, before matching. The pipeline calls it without knowing the feature (rediscovery registers one).
 */
export interface ApplicantMarkerResolver {
  resolve(conn: AtsConnection, app: AtsApplication): Promise<MarkedApplicant | null>;
}

/** The registered resolvers, asked in registration order; the first certain answer wins. */
@Injectable()
export class ApplicantMarkerResolvers {
  private readonly resolvers: ApplicantMarkerResolver[] = [];

  register(resolver: ApplicantMarkerResolver): void {
    this.resolvers.push(resolver);
  }

  async resolve(conn: AtsConnection, app: AtsApplication): Promise<MarkedApplicant | null> {
    for (const r of this.resolvers) {
      const found = await r.resolve(conn, app);
      if (found) return found;
    }
    return null;
  }
}
