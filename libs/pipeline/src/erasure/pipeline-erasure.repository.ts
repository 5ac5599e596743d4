import { Injectable } from '@nestjs/common';
import type { ErasedPerson, TransactionManager } from '@comeback/platform';

/** The pipeline's copies of one former employee, removed inside the registry's erasure transaction. */
@Injectable()
export class PipelineErasureRepository {
  async erasePerson(
    tx: TransactionManager,
    person: ErasedPerson,
  ): Promise<{
    applicationIds: string[];
    candidateIds: string[];
    notes: { ats: string; applicationId: string; candidateId: string | null }[];
  }> {
    const { tenantId, employeeNumber } = person;
    // Applications matched to, reviewed against or rejected for the person.
    const apps: { ats: string; application_id: string | null; candidate_id: string }[] = await tx.query(
      `SELECT ats, application_id, candidate_id FROM tracked_applications WHERE tenant_id = $1 AND employee_number = $2
       UNION SELECT ats, application_id, candidate_id FROM review_items WHERE tenant_id = $1
         AND (decided_employee_number = $2 OR candidates @> jsonb_build_array(jsonb_build_object('employeeNumber', $2::text)))
       UNION SELECT ats, NULL, candidate_id FROM match_rejections WHERE tenant_id = $1 AND employee_number = $2`,
      [tenantId, employeeNumber],
    );
    const appIds = [...new Set(apps.map((a) => a.application_id).filter((id): id is string => id !== null))];
    const candidateIds = [...new Set(apps.map((a) => a.candidate_id))];
    const emails = person.identifiers.filter((v) => v.includes('@'));
    // Notes we wrote (or may have written: a step left 'started') into the ATS stay there: HR is told where.
    const notes: { ats: string; application_id: string }[] = await tx.query(
      `SELECT DISTINCT ats, application_id FROM writeback_steps
       WHERE tenant_id = $1 AND application_id = ANY($2::text[]) AND step IN ('note', 'offer_note') AND status IN ('done', 'started', 'uncertain')
       ORDER BY ats, application_id`,
      [tenantId, appIds],
    );

    await tx.query(
      `DELETE FROM review_items WHERE tenant_id = $1 AND (application_id = ANY($2::text[]) OR decided_employee_number = $3
         OR candidates @> jsonb_build_array(jsonb_build_object('employeeNumber', $3::text)))`,
      [tenantId, appIds, employeeNumber],
    );
    await tx.query(
      'DELETE FROM match_rejections WHERE tenant_id = $1 AND (employee_number = $2 OR candidate_id = ANY($3::text[]))',
      [tenantId, employeeNumber, candidateIds],
    );
    // The application stays known (the ATS still has it) but no longer says who it was or what we decided.
    await tx.query(
      `UPDATE tracked_applications SET employee_number = NULL, candidate_name = NULL, match_score = NULL, match_candidates = NULL, eligibility = NULL,
         tier = NULL, policy_version = NULL, recruiter_summary = NULL, note_body = NULL, rule_results = NULL, fast_track = NULL,
         work_history = '[]'::jsonb, outcome = 'not_alumni'
       WHERE tenant_id = $1 AND (employee_number = $2 OR application_id = ANY($3::text[]))`,
      [tenantId, employeeNumber, appIds],
    );
    await tx.query(
      `UPDATE writeback_steps SET detail = '{}'::jsonb WHERE tenant_id = $1 AND application_id = ANY($2::text[])`,
      [tenantId, appIds],
    );
    // Raw webhook bodies and normalised events of those applications, and any body quoting the person's address.
    await tx.query(
      `UPDATE inbox_events SET raw_body = '', event = NULL
       WHERE tenant_id = $1 AND (
         event->'application'->>'applicationId' = ANY($2::text[]) OR event->>'applicationId' = ANY($2::text[])
         OR event->'application'->>'candidateId' = ANY($3::text[]) OR event->>'candidateId' = ANY($3::text[])
         OR EXISTS (SELECT 1 FROM unnest($4::text[]) e WHERE strpos(lower(raw_body), lower(e)) > 0))`,
      [tenantId, appIds, candidateIds, emails],
    );
    return {
      applicationIds: appIds,
      candidateIds,
      notes: notes.map((n) => ({
        ats: n.ats,
        applicationId: n.application_id,
        candidateId: apps.find((a) => a.application_id === n.application_id)?.candidate_id ?? null,
      })),
    };
  }
}
