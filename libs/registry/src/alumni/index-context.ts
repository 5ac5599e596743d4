import type { MatchContext } from '@comeback/domain';
import type { TenantEntity } from '@comeback/platform';
import type { NameReadingService } from '../matching/name-readings';

/** What deriving a tenant's index keys needs: its company domains, and name readings for records without kana. */
export function indexContext(tenant: TenantEntity, names: NameReadingService): MatchContext {
  return {
    corporateEmailDomains: new Set(tenant.settings.corporateEmailDomains ?? []),
    givenNameReadings: names.givenNameReadings,
    unlistedFamilyReadings: names.unlistedFamilyReadings,
  };
}
