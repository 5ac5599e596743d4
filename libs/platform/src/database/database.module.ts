import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseEndpoint, resolveDatabaseEndpoint } from './embedded-postgres';
import { MigrationService } from './migration.service';
import { typeOrmOptions } from './typeorm-options';

export const DATABASE_ENDPOINT = Symbol('DATABASE_ENDPOINT');

@Injectable()
class EmbeddedDatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_ENDPOINT) private readonly endpoint: DatabaseEndpoint) {}
  async onApplicationShutdown(): Promise<void> {
    await this.endpoint.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DATABASE_ENDPOINT,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => resolveDatabaseEndpoint(c),
    },
    EmbeddedDatabaseCloser,
  ],
  exports: [DATABASE_ENDPOINT],
})
class DatabaseEndpointModule {}

@Module({
  imports: [
    DatabaseEndpointModule,
    TypeOrmModule.forRootAsync({
      inject: [DATABASE_ENDPOINT, APP_CONFIG],
      useFactory: (endpoint: DatabaseEndpoint, config: AppConfig) => ({
        ...typeOrmOptions(endpoint.url, { poolSize: config.databasePoolSize }),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [MigrationService],
  exports: [MigrationService],
})
export class DatabaseModule {}
