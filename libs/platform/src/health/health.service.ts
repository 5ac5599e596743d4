import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository';

/** Liveness checks of the platform's own dependencies, for the health endpoint. */
@Injectable()
export class HealthService {
  constructor(private readonly db: HealthRepository) {}

  /** Resolves when the database answers; rejects otherwise. */
  async checkDatabase(): Promise<void> {
    await this.db.ping();
  }
}
