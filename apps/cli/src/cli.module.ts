import { Module } from '@nestjs/common';
import { BackfillCommand } from './commands/backfill.command';
import { BenchFairnessCommand } from './commands/bench-fairness.command';
import { BenchMatchingCommand } from './commands/bench-matching.command';
import { BenchPipelineCommand } from './commands/bench-pipeline.command';
import { BenchRegistryCommand } from './commands/bench-registry.command';
import { BenchRediscoveryCommand } from './commands/bench-rediscovery.command';
import { DemoCommand } from './commands/demo.command';
import { GenerateMatchingSetCommand } from './commands/generate-matching-set.command';
import { ImportAlumniCommand } from './commands/import-alumni.command';
import { MatchParametersCommand } from './commands/match-parameters.command';
import { MatchKeysRebuildCommand } from './commands/match-keys-rebuild.command';
import { MigrateCommand } from './commands/migrate.command';
import { PeopleCreateAdminCommand } from './commands/people-create-admin.command';
import { SecretsRotateCommand } from './commands/secrets-rotate.command';
import { TenantCreateCommand, TokenCommand } from './commands/tenant-create.command';

@Module({
  providers: [
    MigrateCommand,
    TenantCreateCommand,
    TokenCommand,
    ImportAlumniCommand,
    BackfillCommand,
    BenchMatchingCommand,
    GenerateMatchingSetCommand,
    BenchRegistryCommand,
    BenchRediscoveryCommand,
    BenchFairnessCommand,
    BenchPipelineCommand,
    DemoCommand,
    SecretsRotateCommand,
    PeopleCreateAdminCommand,
    MatchParametersCommand,
    MatchKeysRebuildCommand,
  ],
})
export class CliModule {}
