import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@comeback/platform';
import { ApiModule } from './api.module';

/** Builds the HTTP app; used by `apps/api/src/main.ts`, the demo and the end-to-end tests alike. */
export async function createApiApp(opts: { logger?: boolean } = {}): Promise<INestApplication> {
  // rawBody: webhook signatures are computed over the exact bytes the ATS sent.
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    rawBody: true,
    bufferLogs: true,
    abortOnError: false,
  });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  // The client address (rate limits per source) comes from X-Forwarded-For only behind a trusted proxy.
  const { trustedProxies } = app.get<AppConfig>(APP_CONFIG);
  app.set('trust proxy', trustedProxies.length > 0 ? trustedProxies : false);
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('Comeback API')
    .setDescription('Returnee recognition and fast track for ATSs')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
  return app;
}
