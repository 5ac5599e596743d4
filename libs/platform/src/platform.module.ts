import { Global, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { APP_CONFIG, AppConfigModule } from './config/config.module';
import { SecretBox } from './crypto/secret-box';
import { DatabaseModule } from './database/database.module';
import { VersionedDocumentStores } from './documents/versioned-document-store';
import { VersionedDocumentsRepository } from './documents/versioned-documents.repository';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MailModule } from './mail/mail.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueueModule } from './queue/queue.module';
import { TenancyModule } from './tenancy/tenancy.module';

/** Cross-cutting infrastructure every entrypoint (api, worker, cli) needs, in one import. */
@Global()
@Module({
  imports: [
    AppConfigModule,
    MetricsModule,
    LoggingModule,
    DatabaseModule,
    QueueModule.forRoot(),
    AuthModule,
    AuditModule,
    TenancyModule,
    HealthModule,
    MailModule,
  ],
  providers: [
    {
      provide: SecretBox,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => new SecretBox(c.secretKey, c.secretKeyPrevious),
    },
    VersionedDocumentsRepository,
    VersionedDocumentStores,
  ],
  exports: [
    AppConfigModule,
    MetricsModule,
    DatabaseModule,
    QueueModule,
    AuthModule,
    AuditModule,
    TenancyModule,
    HealthModule,
    MailModule,
    SecretBox,
    VersionedDocumentStores,
  ],
})
export class PlatformModule {}
