import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AtsModule } from '@comeback/ats';
import { CompensationModule } from '@comeback/compensation';
import { PipelineModule } from '@comeback/pipeline';
import { RegistryModule } from '@comeback/registry';
import { InvitationEntity } from './invitations/invitation.entity';
import { InvitationMarkerResolver } from './invitations/invitation-marker.resolver';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InvitationsService } from './invitations/invitations.service';
import { RediscoveryErasureParticipant } from './invitations/rediscovery-erasure.participant';
import { RediscoveryService } from './jobs/rediscovery.service';

/**
 * Rediscovery (eligible, consenting, fitting former employees per open job) and personal invitations with a
 * marker the ATS keeps. On top of the pipeline: it registers an ApplicantMarkerResolver there; the pipeline never
 * imports it. Compensation gives the job assignments (a hiring manager's jobs).
 */
@Module({
  imports: [
    AtsModule,
    RegistryModule,
    PipelineModule,
    CompensationModule,
    TypeOrmModule.forFeature([InvitationEntity]),
  ],
  providers: [
    RediscoveryService,
    InvitationsService,
    InvitationsRepository,
    InvitationMarkerResolver,
    RediscoveryErasureParticipant,
  ],
  exports: [RediscoveryService, InvitationsService],
})
export class RediscoveryModule {}
