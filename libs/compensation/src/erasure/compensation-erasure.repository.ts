import { Injectable } from '@nestjs/common';
import type { ErasedPerson, TransactionManager } from '@comeback/platform';

@Injectable()
export class CompensationErasureRepository {
  /** Offer checks run on the person's prior pay, rating and gender go, with their approvals. */
  async erasePerson(tx: TransactionManager, person: ErasedPerson): Promise<void> {
    await tx.query(
      `WITH checks AS (SELECT id FROM offer_checks WHERE tenant_id = $1 AND inputs->>'employeeNumber' = $2),
       approvals AS (DELETE FROM offer_approvals WHERE tenant_id = $1 AND offer_check_id IN (SELECT id FROM checks))
       DELETE FROM offer_checks WHERE id IN (SELECT id FROM checks)`,
      [person.tenantId, person.employeeNumber],
    );
  }
}
