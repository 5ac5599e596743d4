import { ImportRunMetrics } from './imports/import-metrics';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniRepository } from './alumni/alumni.repository';
import { AlumniService } from './alumni/alumni.service';
import { AlumnusEntity } from './alumni/alumnus.entity';
import {
  AlumniNameFrequencyEntity,
  AlumnusMatchKeyEntity,
  RegistryStatsEntity,
} from './alumni/alumnus-match-key.entity';
import { ErasureSuppressionEntity } from './erasure/erasure-suppression.entity';
import { ErasureSuppressionsRepository } from './erasure/erasure-suppressions.repository';
import { IdentityKeyPepperEntity } from './erasure/identity-key-pepper.entity';
import { IdentityKeyPeppersRepository } from './erasure/identity-key-peppers.repository';
import { SuppressionHasher } from './erasure/suppression-hasher';
import { AlumniImportService } from './imports/alumni-import.service';
import { ImportRunEntity } from './imports/import-run.entity';
import { ImportRunRepository } from './imports/import-run.repository';
import { MatchingService } from './matching/matching.service';
import { AlumniSyncRepository } from './sync/alumni-sync.repository';
import { AlumniSyncService } from './sync/alumni-sync.service';
import { NameReadingService } from './matching/name-readings';
import {
  ExitInterviewEntity,
  ExitInterviewHistoryEntity,
  LeaverLinkEntity,
} from './exit/exit-interview.entity';
import { ExitInterviewService } from './exit/exit-interview.service';
import { ExitInterviewsRepository } from './exit/exit-interviews.repository';
import { LeaverLinkService } from './exit/leaver-link.service';
import { ExitInterviewErasureParticipant } from './exit/exit-interview-erasure.participant';
import { MatchParametersRepository } from './matching/match-parameters.repository';
import { ReviewScoreWindowRepository } from './matching/review-score-window.repository';
import { ReviewScoreWindows } from './matching/review-score-windows';
import { MatchParametersService } from './matching/match-parameters.service';
import { MatchKeyRebuildService } from './alumni/match-key-rebuild.service';
import { MatchKeyRebuildWorker } from './alumni/match-key-rebuild.worker';

/** The former-employee registry and the matcher that searches it. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      AlumnusEntity,
      AlumnusMatchKeyEntity,
      AlumniNameFrequencyEntity,
      RegistryStatsEntity,
      ImportRunEntity,
      ErasureSuppressionEntity,
      IdentityKeyPepperEntity,
      ExitInterviewEntity,
      ExitInterviewHistoryEntity,
      LeaverLinkEntity,
    ]),
  ],
  providers: [
    AlumniRepository,
    ImportRunRepository,
    ErasureSuppressionsRepository,
    IdentityKeyPeppersRepository,
    SuppressionHasher,
    AlumniService,
    AlumniImportService,
    MatchingService,
    AlumniSyncRepository,
    AlumniSyncService,
    NameReadingService,
    ImportRunMetrics,
    ExitInterviewsRepository,
    ExitInterviewService,
    LeaverLinkService,
    ExitInterviewErasureParticipant,
    MatchParametersRepository,
    ReviewScoreWindowRepository,
    ReviewScoreWindows,
    MatchParametersService,
    MatchKeyRebuildService,
    MatchKeyRebuildWorker,
  ],
  exports: [
    AlumniService,
    AlumniImportService,
    MatchingService,
    AlumniSyncService,
    SuppressionHasher,
    ExitInterviewService,
    LeaverLinkService,
    MatchParametersService,
    ReviewScoreWindows,
    MatchKeyRebuildService,
    MatchKeyRebuildWorker,
  ],
})
export class RegistryModule {}
