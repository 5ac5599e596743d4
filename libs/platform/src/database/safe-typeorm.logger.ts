import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';
import { logSafeError } from '../errors/log-safe-error';

/**
 * TypeORM's own logging, minus what its stock loggers print: the query text and its parameters (names,
 * e-mails, pay). Failed queries are reported by SQLSTATE and schema names only.
 */
export class SafeTypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {
    // Queries are never logged: their parameters are personal data.
  }

  logQueryError(
    error: string | Error,
    _query: string,
    _parameters?: unknown[],
    _queryRunner?: QueryRunner,
  ): void {
    this.logger.warn(
      { err: logSafeError(typeof error === 'string' ? new Error(error) : error) },
      'query failed',
    );
  }

  logQuerySlow(time: number): void {
    this.logger.warn({ ms: time }, 'slow query');
  }

  logSchemaBuild(): void {
    // Schema changes come from migrations only, whose runner reports what it applied.
  }

  logMigration(): void {
    // As above: `migrate` and the boot-time runner report the applied migrations themselves.
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(typeof message === 'string' ? message : '[typeorm warning]');
  }
}
