import type { EntityManager } from 'typeorm';

/**
 * An open database transaction, as repositories hand it out (`repo.transaction(async (tx) => …)`) and take it
 * back. Services pass it along without knowing what it is, so they need no TypeORM import.
 */
export type TransactionManager = EntityManager;
