import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loadAppConfig } from '../config/app-config';

/**
 * Structured JSON logs. Request bodies are never logged and headers that carry secrets are redacted,
 * so personal data (names, reasons, pay) cannot reach a log line through the HTTP logger.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      useFactory: () => ({
        pinoHttp: {
          level: loadAppConfig().logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers.signature', 'req.headers["x-workable-signature"]'],
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
