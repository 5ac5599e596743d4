import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loadAppConfig } from '../config/app-config';

/**
 * Structured JSON logs. Request bodies and headers are never logged (headers are redacted as a whole too),
 * so personal data (names, reasons, pay) cannot reach a log line through the HTTP logger.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      useFactory: () => ({
        pinoHttp: {
          level: loadAppConfig().logLevel,
          // The req serializer keeps no headers at all; should one ever be logged, all of them are censored
          // (tokens, cookies, each ATS's webhook signature header) without this module knowing their names.
          redact: ['req.headers'],
          serializers: {
            req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
