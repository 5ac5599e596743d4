import { Module } from '@nestjs/common';
import { PlatformModule } from '@comeback/platform';
import { CompensationModule } from '@comeback/compensation';
import { NotificationsModule } from '@comeback/notifications';
import { PipelineModule } from '@comeback/pipeline';
import { HrisModule } from '@comeback/hris';
import { OutcomesModule } from '@comeback/outcomes';
import { RediscoveryModule } from '@comeback/rediscovery';

/**
 * The worker: no HTTP, only the queue processors and the features that handle ATS events (scale it on Redis).
 * A lib, not part of the app, so tests can start one more consumer made of exactly the same modules.
 */
@Module({
  imports: [
    PlatformModule,
    PipelineModule,
    CompensationModule,
    NotificationsModule,
    HrisModule,
    OutcomesModule,
    RediscoveryModule,
  ],
})
export class WorkerModule {}
