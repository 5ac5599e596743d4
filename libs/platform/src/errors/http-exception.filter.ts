import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { AppException, ErrorCode } from './app-exception';
import { isBadInputDatabaseError, logSafeError } from './log-safe-error';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  errorId?: string;
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.InvalidSignature]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.ImportRejected]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.PolicyInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.AtsUnavailable]: HttpStatus.BAD_GATEWAY,
  [ErrorCode.AtsRejected]: HttpStatus.BAD_GATEWAY,
  [ErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.AtsConnectionRefused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.CsrfFailed]: HttpStatus.FORBIDDEN,
  [ErrorCode.InvitationRefused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.LinkExpired]: HttpStatus.GONE,
  [ErrorCode.DryRunRequired]: HttpStatus.CONFLICT,
};

const CODE_BY_HTTP_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: 'method_not_allowed',
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: 'too_many_requests',
};

export function toErrorResponse(exception: unknown): {
  status: number;
  body: ErrorBody;
  unexpected: boolean;
} {
  if (exception instanceof AppException) {
    return {
      status: STATUS_BY_CODE[exception.code],
      body: { code: exception.code, message: exception.message, details: exception.details },
      unexpected: false,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    // class-validator errors arrive as a 400 with a list of messages: keep them as details.
    const messages = typeof res === 'object' && res !== null && 'message' in res ? res.message : undefined;
    if (status < 500) {
      return {
        status,
        body: {
          code:
            status === 400 && Array.isArray(messages)
              ? ErrorCode.ValidationFailed
              : (CODE_BY_HTTP_STATUS[status] ?? 'http_error'),
          message: Array.isArray(messages) ? 'Request validation failed' : exception.message,
          details: Array.isArray(messages) ? { problems: messages } : undefined,
        },
        unexpected: false,
      };
    }
  }
  // body-parser raises plain errors with a status for bad JSON and oversized bodies.
  const status = (exception as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: unknown }).type;
    const code =
      type === 'entity.too.large'
        ? ErrorCode.PayloadTooLarge
        : type === 'entity.parse.failed'
          ? 'malformed_json'
          : (CODE_BY_HTTP_STATUS[status] ?? 'bad_request');
    return {
      status,
      body: { code, message: exception instanceof Error ? exception.message : 'Bad request' },
      unexpected: false,
    };
  }
  // A value PostgreSQL cannot take (a NUL byte, an out-of-range number) is the caller's bad input: a 400 that
  // names no value, not a 500.
  if (isBadInputDatabaseError(exception)) {
    return {
      status: HttpStatus.BAD_REQUEST,
      body: { code: 'invalid_input', message: 'A value in the request cannot be stored or searched for' },
      unexpected: false,
    };
  }
  const errorId = randomUUID();
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: {
      code: 'internal_error',
      message: 'Something went wrong on our side. Quote the error id when you report it.',
      errorId,
    },
    unexpected: true,
  };
}

/** The single place where exceptions become HTTP answers: `{code, message, details}`, never a stack. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body, unexpected } = toErrorResponse(exception);
    if (unexpected) {
      // Never the raw error: a failed query carries its parameters (names, e-mails, pay) and the query.
      this.logger.error({ errorId: body.errorId, err: logSafeError(exception) }, 'unhandled error');
    }
    if (res.headersSent) return;
    const retry = retryAfterSeconds(body);
    if (retry !== null) res.setHeader('Retry-After', String(retry));
    res.status(status).json(body);
  }
}

/** A rate-limited answer's wait, for the Retry-After header. */
export function retryAfterSeconds(body: ErrorBody): number | null {
  if (body.code !== String(ErrorCode.RateLimited)) return null;
  const d = body.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof d?.retryAfterSeconds === 'number' ? d.retryAfterSeconds : null;
}
