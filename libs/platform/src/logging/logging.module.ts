import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loadAppConfig } from '../config/app-config';
import { logSafeError } from '../errors/log-safe-error';

/** Keys whose values never reach a log line, wherever they appear at the top of a log object. */
const NEVER_LOGGED = new Set(['body', 'rawBody', 'query', 'parameters', 'params', 'driverError', 'detail']);

/**
 * A path as it may be logged: only fixed words (`registry`, `review-items`, `v1`) stay, every other segment
 * (employee numbers, ids, anything a caller typed) becomes `:param`, and the query string goes.
 */
export function loggablePath(url: string): string {
  return url
    .split('?')[0]
    .split('/')
    .map((seg) => (seg === '' || /^[a-z]+(?:-[a-z]+)*$/.test(seg) || /^v\d+$/.test(seg) ? seg : ':param'))
    .join('/');
}

/**
 * Structured JSON logs without personal data: request bodies, headers, query strings and path parameters are
 * never logged; errors go through `logSafeError` (no query, parameters or driver detail of a failed query).
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
            req: (req: { id: unknown; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: loggablePath(req.url),
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            err: (err: unknown) => logSafeError(err),
          },
          formatters: {
            log: (obj: Record<string, unknown>) => {
              const out: Record<string, unknown> = {};
              for (const [k, v] of Object.entries(obj)) {
                if (NEVER_LOGGED.has(k)) continue;
                out[k] = v instanceof Error ? logSafeError(v) : v;
              }
              return out;
            },
          },
          autoLogging: { ignore: (req: { url?: string }) => req.url === '/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
