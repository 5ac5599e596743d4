import { Client } from 'pg';

/** A query on the database of the api under test (startApi sets DATABASE_URL to its clone). */
export async function dbQuery<T = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** The audit rows of a tenant with these actions, oldest first. */
export function auditRows(
  tenantId: string,
  actions: string[],
): Promise<
  {
    action: string;
    actor: string;
    actor_role: string;
    target_type: string | null;
    target_id: string | null;
    details: Record<string, unknown>;
    created_at: Date;
  }[]
> {
  return dbQuery(
    'SELECT action, actor, actor_role, target_type, target_id, details, created_at FROM audit_entries WHERE tenant_id = $1 AND action = ANY($2) ORDER BY id',
    [tenantId, actions],
  );
}
