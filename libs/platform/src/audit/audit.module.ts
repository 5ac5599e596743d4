import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ErasureParticipantRegistry } from '../erasure/erasure-participant.registry';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditErasureParticipant } from './audit-erasure.participant';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The audit trail, and the erasure participant registry (the audit trail is itself one participant). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditRepository, AuditService, ErasureParticipantRegistry, AuditErasureParticipant],
  exports: [AuditService, ErasureParticipantRegistry],
})
export class AuditModule {}
