import type { MigrationInterface } from 'typeorm';
import { RegistryFoundation1795434470416 } from './1795434470416-RegistryFoundation';
import { Pipeline1795435433076 } from './1795435433076-Pipeline';
import { Compensation1795436000659 } from './1795436000659-Compensation';
import { ChangeLog1795436800412 } from './1795436800412-ChangeLog';
import { MatchKeyHashes1795452148596 } from './1795452148596-MatchKeyHashes';
import { WritebackLedger1796172895217 } from './1796172895217-WritebackLedger';
import { WebhookSubscriptionsAndOAuthTokens1796174516545 } from './1796174516545-WebhookSubscriptionsAndOAuthTokens';
import { TokensAndErasure1796176218091 } from './1796176218091-TokensAndErasure';
import { MailOutbox1796184195619 } from './1796184195619-MailOutbox';
import { HiringTeamAssignments1796184482270 } from './1796184482270-HiringTeamAssignments';
import { People1796185115064 } from './1796185115064-People';
import { Notifications1796185412193 } from './1796185412193-Notifications';
import { HrisSync1796186103580 } from './1796186103580-HrisSync';
import { WebhookSecretLists1796200000000 } from './1796200000000-WebhookSecretLists';
import { JobScopeCache1796210000000 } from './1796210000000-JobScopeCache';
import { IdentityKeyPeppers1796185580510 } from './1796185580510-IdentityKeyPeppers';
import { Outcomes1796270000000 } from './1796270000000-Outcomes';
import { OperationsIndexes1796280000000 } from './1796280000000-OperationsIndexes';
import { SameDayNamesIndex1796290000000 } from './1796290000000-SameDayNamesIndex';
import { ExitInterviews1796250000000 } from './1796250000000-ExitInterviews';
import { RediscoveryInvitations1796260000000 } from './1796260000000-RediscoveryInvitations';
import { OfferDecisionsAndSsoEmailTrust1796220000000 } from './1796220000000-OfferDecisionsAndSsoEmailTrust';
import { MatchParameters1796230000000 } from './1796230000000-MatchParameters';
import { InboxOrderPerApplication1796300000000 } from './1796300000000-InboxOrderPerApplication';
import { FailedJobs1796301000000 } from './1796301000000-FailedJobs';
import { PolicyDryRuns1796310000000 } from './1796310000000-PolicyDryRuns';
import { MatchKeysVersion1796320000000 } from './1796320000000-MatchKeysVersion';
import { ReviewScoreWindows1796330000000 } from './1796330000000-ReviewScoreWindows';
import { UnscoredDecisions1796340000000 } from './1796340000000-UnscoredDecisions';
import { ReviewScoreWindowsReviewed1796350000000 } from './1796350000000-ReviewScoreWindowsReviewed';
import { MatchCandidates1796360000000 } from './1796360000000-MatchCandidates';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works from compiled
 * JavaScript, from Jest and from the CLI. Never edit a migration after it has landed; add a new one.
 */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  RegistryFoundation1795434470416,
  Pipeline1795435433076,
  Compensation1795436000659,
  ChangeLog1795436800412,
  MatchKeyHashes1795452148596,
  WritebackLedger1796172895217,
  WebhookSubscriptionsAndOAuthTokens1796174516545,
  TokensAndErasure1796176218091,
  MailOutbox1796184195619,
  HiringTeamAssignments1796184482270,
  People1796185115064,
  Notifications1796185412193,
  HrisSync1796186103580,
  WebhookSecretLists1796200000000,
  IdentityKeyPeppers1796185580510,
  JobScopeCache1796210000000,
  OfferDecisionsAndSsoEmailTrust1796220000000,
  MatchParameters1796230000000,
  ExitInterviews1796250000000,
  RediscoveryInvitations1796260000000,
  Outcomes1796270000000,
  OperationsIndexes1796280000000,
  SameDayNamesIndex1796290000000,
  InboxOrderPerApplication1796300000000,
  FailedJobs1796301000000,
  PolicyDryRuns1796310000000,
  MatchKeysVersion1796320000000,
  ReviewScoreWindows1796330000000,
  UnscoredDecisions1796340000000,
  ReviewScoreWindowsReviewed1796350000000,
  MatchCandidates1796360000000,
];
