import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AtsApplication, AtsConnection } from '@comeback/ats';
import { ApplicantMarkerResolver, ApplicantMarkerResolvers, type MarkedApplicant } from '@comeback/pipeline';
import { InvitationsRepository } from './invitations.repository';

const MARKER = /\bcb_[0-9a-f]{18}\b/;

/**
 * An application that came through an invitation is that person's, with certainty: the ATS kept our marker
 * (Workable: the UTM source), or, where the ATS keeps only a source it issued (Greenhouse), the invitation for
 * this very job was followed and the applicant used the e-mail we sent it to. Records "applied" on the invitation.
 */
@Injectable()
export class InvitationMarkerResolver implements ApplicantMarkerResolver, OnModuleInit {
  constructor(
    private readonly repo: InvitationsRepository,
    private readonly resolvers: ApplicantMarkerResolvers,
  ) {}

  onModuleInit(): void {
    this.resolvers.register(this);
  }

  async resolve(conn: AtsConnection, app: AtsApplication): Promise<MarkedApplicant | null> {
    const marker = MARKER.exec(app.referralSource ?? '')?.[0];
    let inv = marker ? await this.repo.byMarker(conn.tenantId, conn.kind, app.jobId, marker) : null;
    let via = 'invitation_marker';
    if (!inv) {
      inv = await this.repo.openedByEmail(
        conn.tenantId,
        conn.kind,
        app.jobId,
        app.candidate.emails.map((e) => e.trim().toLowerCase()),
      );
      via = 'invitation_followed';
    }
    if (!inv) return null;
    await this.repo.recordApplied(inv.id, app.applicationId, new Date());
    return { employeeNumber: inv.employeeNumber, via };
  }
}
