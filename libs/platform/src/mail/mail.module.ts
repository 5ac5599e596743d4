import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailOutboxEntity } from './mail-outbox.entity';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailSender } from './mail-sender.port';
import { MailOutbox, OutboxMailSender } from './outbox-mail-sender';
import { SmtpMailSender } from './smtp-mail-sender';

@Injectable()
class MailTransportCloser implements OnApplicationShutdown {
  constructor(@Inject(MailSender) private readonly sender: MailSender) {}
  onApplicationShutdown(): void {
    if (this.sender instanceof SmtpMailSender) this.sender.close();
  }
}

/** `MailSender`: SMTP when `SMTP_URL` is set, the database outbox otherwise. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MailOutboxEntity])],
  providers: [
    MailOutboxRepository,
    MailOutbox,
    {
      provide: MailSender,
      inject: [APP_CONFIG, MailOutboxRepository],
      useFactory: (c: AppConfig, outbox: MailOutboxRepository): MailSender =>
        c.smtpUrl ? new SmtpMailSender(c.smtpUrl, c.mailFrom) : new OutboxMailSender(outbox),
    },
    MailTransportCloser,
  ],
  exports: [MailSender, MailOutbox],
})
export class MailModule {}
