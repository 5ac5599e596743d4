import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';

export interface DatabaseEndpoint {
  url: string;
  /** Stops what this process started (the embedded server); a no-op for an external database. */
  close(): Promise<void>;
}

/**
 * The one seam between embedded and production databases: with DATABASE_URL set we connect to it;
 * without, we start PGlite (PostgreSQL in WASM) on a loopback socket so the ordinary `pg` driver,
 * TypeORM and the same migrations work unchanged.
 */
export async function resolveDatabaseEndpoint(config: AppConfig): Promise<DatabaseEndpoint> {
  if (config.databaseUrl) return { url: config.databaseUrl, close: async () => undefined };

  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dataDir = resolve(config.dataDir, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: join(dataDir), extensions: { pg_trgm } });
  // The default of one connection would drop TypeORM's second pooled connection.
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
