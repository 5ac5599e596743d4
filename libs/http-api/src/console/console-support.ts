import {
  ArgumentsHost,
  CallHandler,
  Catch,
  createParamDecorator,
  ExceptionFilter,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { errorPage, pageContext, pickLang, type PageContext } from '@comeback/console';
import { logSafeError, toErrorResponse, type Principal } from '@comeback/platform';

export const TOKEN_COOKIE = 'comeback_token';
export const LANG_COOKIE = 'comeback_lang';

/** No inline scripts, styles or handlers anywhere in the console: everything comes from /console/assets. */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'";

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function isHttps(req: Request): boolean {
  return req.secure || req.headers['x-forwarded-proto'] === 'https';
}

export function setTokenCookie(req: Request, res: Response, token: string | null): void {
  const opts = { httpOnly: true, sameSite: 'lax' as const, secure: isHttps(req), path: '/' };
  if (token === null) res.clearCookie(TOKEN_COOKIE, opts);
  else res.cookie(TOKEN_COOKIE, token, { ...opts, maxAge: 8 * 3600_000 });
}

export function hasTokenCookie(req: Request): boolean {
  return !!cookie(req, TOKEN_COOKIE);
}

/** Language (?lang wins and is remembered in a cookie), the current path and the signed-in user. */
export function contextFor(req: Request, res: Response): PageContext {
  const q = req.query.lang;
  const lang = pickLang(q, cookie(req, LANG_COOKIE), req.headers['accept-language']);
  if (q === lang)
    res.cookie(LANG_COOKIE, lang, {
      sameSite: 'lax',
      path: '/',
      maxAge: 365 * 86400_000,
      secure: isHttps(req),
    });
  const user = (req as Request & { user?: Principal }).user;
  return pageContext(lang, req.originalUrl, user ? { name: user.name, role: user.role } : null);
}

export const Page = createParamDecorator((_: unknown, ctx: ExecutionContext): PageContext => {
  const http = ctx.switchToHttp();
  return contextFor(http.getRequest<Request>(), http.getResponse<Response>());
});

/** HTML, never cached, with the console's CSP. */
@Injectable()
export class ConsoleHeadersInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = ctx.switchToHttp().getResponse<Response>();
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cache-Control', 'no-store');
    res.type('html');
    return next.handle();
  }
}

/** Console errors as pages: no session → the login page; anything else → an HTML error page with the right status. */
@Catch()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ConsoleExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const { status, body, unexpected } = toErrorResponse(exception);
    if (unexpected)
      this.logger.error({ errorId: body.errorId, err: logSafeError(exception) }, 'unhandled console error');
    if (status === 401) {
      const expired = hasTokenCookie(req);
      setTokenCookie(req, res, null);
      res.redirect(303, `/console/login${expired ? '?error=invalid' : ''}`);
      return;
    }
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    res.setHeader('Cache-Control', 'no-store');
    const detail =
      status === 400 || status === 409 || status === 422
        ? body.message
        : body.errorId
          ? `Error id: ${body.errorId}`
          : undefined;
    res
      .status(status)
      .type('html')
      .send(errorPage(contextFor(req, res), status, detail));
  }
}
