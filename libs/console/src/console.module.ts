import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompensationModule } from '@comeback/compensation';
import { PipelineModule } from '@comeback/pipeline';
import { BriefingService } from './briefings/briefing.service';
import { ChangeLogEntryEntity, JobDepartmentEntity } from './change-log/change-log-entry.entity';
import { ChangeLogRepository } from './change-log/change-log.repository';
import { ChangeLogService } from './change-log/change-log.service';
import { ConsoleReadService } from './read/console-read.service';

/** Returnee briefings, HR's change log and the console's read models. Pages are served by libs/http-api; views here. */
@Module({
  imports: [
    PipelineModule,
    CompensationModule,
    TypeOrmModule.forFeature([ChangeLogEntryEntity, JobDepartmentEntity]),
  ],
  providers: [BriefingService, ChangeLogRepository, ChangeLogService, ConsoleReadService],
  exports: [BriefingService, ChangeLogService, ConsoleReadService, PipelineModule, CompensationModule],
})
export class ConsoleModule {}
