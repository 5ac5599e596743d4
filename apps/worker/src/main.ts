import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import {
  InvalidConfigError,
  loadAppConfig,
  startProbeServer,
  stopGracefullyOnSignals,
} from '@comeback/platform';
import { PipelineWorker } from '@comeback/pipeline';
import { WorkerModule } from '@comeback/worker';

async function main(): Promise<void> {
  const config = loadAppConfig();
  if (!config.redisUrl) {
    process.stderr.write(
      'The worker consumes Bull queues: set REDIS_URL (in embedded mode the api process runs the jobs itself).\n',
    );
    process.exit(78);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM: readiness drops at once, the queue waits for the jobs in flight, then connections close. A job cut
  // harder (SIGKILL) is taken over by another worker when its lock expires.
  stopGracefullyOnSignals(app, app.get(Logger));
  await app.get(PipelineWorker).start();
  if (config.workerHealthPort) await startProbeServer(app, config.workerHealthPort);
}

main().catch((err: unknown) => {
  if (err instanceof InvalidConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(
    `worker failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
