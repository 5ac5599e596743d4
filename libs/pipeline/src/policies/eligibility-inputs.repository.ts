import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AlumnusEligibilityInput } from '@comeback/domain';
import { DataSource } from 'typeorm';

/** The SQL a policy dry-run reads: the registry's rule inputs and the open applications. */
@Injectable()
export class EligibilityInputsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Only the columns the rules read: 100k alumni load in a fraction of a second. */
  async eligibilityInputs(tenantId: string): Promise<AlumnusEligibilityInput[]> {
    const rows: {
      e: string;
      h: string;
      l: string;
      r: string;
      rr: string;
      d: string | null;
      j: string | null;
      p: { year: number; rating: string }[];
    }[] = await this.db.query(
      `SELECT employee_number AS e, to_char(hire_date, 'YYYY-MM-DD') AS h, to_char(leave_date, 'YYYY-MM-DD') AS l,
         departure_reason AS r, rehire_recommendation AS rr, department AS d, job_level AS j, performance_ratings AS p
       FROM alumni WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows.map((x) => ({
      employeeNumber: x.e,
      hireDate: x.h,
      leaveDate: x.l,
      departureReason: x.r,
      rehireRecommendation: x.rr,
      department: x.d,
      jobLevel: x.j,
      performanceRatings: x.p,
    }));
  }

  /** Matched applications still in play, whose outcome a policy change could move. */
  openApplications(tenantId: string): Promise<{ employee_number: string; job_id: string }[]> {
    return this.db.query(
      `SELECT employee_number, job_id FROM tracked_applications
       WHERE tenant_id = $1 AND employee_number IS NOT NULL AND outcome IN ('flagged', 'fast_tracked', 'ineligible', 'needs_hr_review')`,
      [tenantId],
    );
  }
}
