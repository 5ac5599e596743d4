import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AtsModule } from '@comeback/ats';
import { PipelineModule } from '@comeback/pipeline';
import { RegistryModule } from '@comeback/registry';
import { CohortRepository } from './cohort/cohort.repository';
import { FairnessPolicyVersionEntity } from './entities/fairness-policy-version.entity';
import { IncumbentEntity, IncumbentSnapshotEntity } from './entities/incumbent-snapshot.entity';
import {
  JobAssignmentEntity,
  JobAssignmentRemovalEntity,
  JobHiringTeamSyncEntity,
  JobPayTargetEntity,
} from './entities/job-settings.entity';
import { HiringManagerDirectory, PeopleHiringManagerDirectory } from './jobs/hiring-manager.directory';
import { PeopleModule } from '@comeback/people';
import { HiringTeamSyncService } from './jobs/hiring-team-sync.service';
import { HiringTeamSyncTrigger } from './jobs/hiring-team-sync.trigger';
import { MarketBenchmarkEntity, PayBandEntity } from './entities/market-data.entity';
import { OfferApprovalEntity, OfferCheckEntity } from './entities/offer-check.entity';
import { CompensationErasureParticipant } from './erasure/compensation-erasure.participant';
import { CompensationErasureRepository } from './erasure/compensation-erasure.repository';
import { CompensationImportService } from './imports/compensation-import.service';
import { JobSettingsRepository } from './jobs/job-settings.repository';
import { JobSettingsService } from './jobs/job-settings.service';
import { JobLevelSourceRegistration } from './jobs/job-level.source';
import { CompensationDataService } from './market/compensation-data.service';
import { MarketDataRepository } from './market/market-data.repository';
import { FairnessEvaluator } from './offers/fairness-evaluator';
import { OfferCheckListingRepository } from './offers/offer-check-listing.repository';
import { OfferCheckListingService } from './offers/offer-check-listing.service';
import { OfferChecksRepository } from './offers/offer-checks.repository';
import { OfferChecksService } from './offers/offer-checks.service';
import { ReturneeLookup } from './offers/returnee-lookup';
import { OfferChangedHandler } from './offers/offer-changed.handler';
import { FairnessDryRunService } from './policies/fairness-dry-run.service';
import { FairnessPolicyService } from './policies/fairness-policy.service';

const EXPORTED = [
  OfferChecksService,
  FairnessPolicyService,
  FairnessDryRunService,
  CompensationImportService,
  CompensationDataService,
  JobSettingsService,
  HiringTeamSyncService,
  CohortRepository,
  OfferCheckListingService,
];

/**
 * Offers and pay fairness: market data, incumbent snapshots, fairness policies, offer checks and approvals.
 * Depends on the registry (returnee pay), the ATS port and the pipeline: it registers the handler for offer events
 * and posts its HR note as a step of the pipeline's write-back ledger. The pipeline never imports it.
 */
@Module({
  imports: [
    AtsModule,
    RegistryModule,
    PipelineModule,
    PeopleModule,
    TypeOrmModule.forFeature([
      MarketBenchmarkEntity,
      PayBandEntity,
      IncumbentSnapshotEntity,
      IncumbentEntity,
      FairnessPolicyVersionEntity,
      OfferCheckEntity,
      OfferApprovalEntity,
      JobAssignmentEntity,
      JobAssignmentRemovalEntity,
      JobHiringTeamSyncEntity,
      JobPayTargetEntity,
    ]),
  ],
  providers: [
    CompensationErasureRepository,
    CompensationErasureParticipant,
    ...EXPORTED,
    MarketDataRepository,
    JobSettingsRepository,
    OfferCheckListingRepository,
    OfferChecksRepository,
    ReturneeLookup,
    OfferChangedHandler,
    FairnessEvaluator,
    HiringTeamSyncTrigger,
    JobLevelSourceRegistration,
    { provide: HiringManagerDirectory, useClass: PeopleHiringManagerDirectory },
  ],
  exports: EXPORTED,
})
export class CompensationModule {}
