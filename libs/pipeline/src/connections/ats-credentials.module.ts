import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AtsCredentialStore } from '@comeback/ats';
import { AtsConnectionEntity } from './ats-connection.entity';
import { AtsCredentialsRepository } from './ats-credentials.repository';

/**
 * Gives the ATS adapters (AtsModule) the shared OAuth token store without AtsModule depending on the
 * pipeline: global, so the adapters' optional `AtsCredentialStore` resolves to the connections' rows.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AtsConnectionEntity])],
  providers: [
    AtsCredentialsRepository,
    { provide: AtsCredentialStore, useExisting: AtsCredentialsRepository },
  ],
  exports: [AtsCredentialStore],
})
export class AtsCredentialsModule {}
