import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** One `Metrics` per process, available everywhere (features register collectors and count their events). */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
