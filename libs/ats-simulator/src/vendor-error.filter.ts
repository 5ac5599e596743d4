import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GH_ERROR_MESSAGES } from './contract.constants';

/**
 * Errors in each vendor's own shape. Bodies our services built are passed through; Nest's own (unknown
 * route, unparsable JSON, a crash) are reshaped so a client never sees a Nest-specific body.
 */
@Catch()
export class VendorErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ats-simulator');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (res.headersSent) return;
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    // A crash is a simulator bug, not an injected fault: say so where the developer looks.
    if (!(exception instanceof HttpException))
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    const body = exception instanceof HttpException ? exception.getResponse() : undefined;
    const nestShaped = typeof body !== 'object' || body === null || 'statusCode' in body;
    if (!nestShaped) {
      res.status(status).json(body);
      return;
    }
    const message =
      status === 404
        ? GH_ERROR_MESSAGES.notFound
        : status >= 500
          ? GH_ERROR_MESSAGES.serverError
          : exception instanceof Error
            ? exception.message
            : 'Error';
    if (req.path.startsWith('/workable/')) res.status(status).json({ error: message });
    else if (req.path.startsWith('/greenhouse/')) res.status(status).json({ message, errors: [] });
    else res.status(status).json({ message });
  }
}
