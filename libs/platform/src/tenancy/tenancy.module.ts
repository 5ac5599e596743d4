import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantEntity } from './tenant.entity';
import { TenantService } from './tenant.service';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([TenantEntity])], providers: [TenantService], exports: [TenantService] })
export class TenancyModule {}
