import { Module } from '@nestjs/common';
import { PlatformModule } from '@comeback/platform';
import { PipelineModule } from '@comeback/pipeline';

/** The worker: no HTTP, only the queue processors (scale it horizontally on Redis). */
@Module({ imports: [PlatformModule, PipelineModule] })
export class WorkerModule {}
