import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { MailMessage } from './mail-sender.port';
import { MailOutboxEntity } from './mail-outbox.entity';

@Injectable()
export class MailOutboxRepository {
  constructor(@InjectRepository(MailOutboxEntity) private readonly rows: Repository<MailOutboxEntity>) {}

  async insert(m: MailMessage): Promise<void> {
    await this.rows.insert({
      tenantId: m.tenantId,
      kind: m.kind,
      recipient: m.to,
      subject: m.subject,
      textBody: m.text,
      htmlBody: m.html ?? null,
    });
  }

  /** Deletes mail kept before `cutoff`; how many rows went. */
  async purgeBefore(cutoff: Date): Promise<number> {
    const r = await this.rows
      .createQueryBuilder()
      .delete()
      .where('created_at < :cutoff', { cutoff })
      .execute();
    return r.affected ?? 0;
  }

  /** Newest first. */
  latest(limit: number): Promise<MailOutboxEntity[]> {
    return this.rows.find({ order: { id: 'DESC' }, take: limit });
  }
}
