import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One round trip; throws when the database cannot be reached. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
