import { Injectable } from '@nestjs/common';
import type { ErasedPerson, TransactionManager } from '@comeback/platform';

@Injectable()
export class HrisErasureRepository {
  /** The person's link (employee number, contacts last synced) and the raw webhook bodies about them go. */
  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await tx.query(
      `WITH gone AS (
         DELETE FROM hris_employee_links WHERE tenant_id = $1 AND employee_number = $2 RETURNING kind, external_id)
       UPDATE hris_inbox_events e SET raw_body = NULL
       FROM gone WHERE e.tenant_id = $1 AND e.kind = gone.kind AND e.external_id = gone.external_id`,
      [person.tenantId, person.employeeNumber],
    );
  }
}
