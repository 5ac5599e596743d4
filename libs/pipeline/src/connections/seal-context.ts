import type { SealContext } from '@comeback/platform';

export type SealedConnectionColumn = 'secret' | 'webhook_secret' | 'refresh_token' | 'access_token';

/** Binds a sealed value to its tenant, ATS and column: a value copied anywhere else does not open. */
export function sealContext(tenantId: string, kind: string, column: SealedConnectionColumn): SealContext {
  return { tenantId, field: `ats_connections.${kind}.${column}` };
}
