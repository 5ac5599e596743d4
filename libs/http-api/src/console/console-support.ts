import {
  ArgumentsHost,
  CallHandler,
  CanActivate,
  Catch,
  createParamDecorator,
  ExceptionFilter,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type { Observable } from 'rxjs';
import { errorPage, pageContext, pickLang, type PageContext } from '@comeback/console';
import {
  AppException,
  CONSOLE_SESSION_COOKIE,
  ErrorCode,
  logSafeError,
  toErrorResponse,
  type Principal,
} from '@comeback/platform';

/** `__Host-`: Secure, Path=/, no Domain, so no sibling host can set or overwrite it. */
export const TOKEN_COOKIE = CONSOLE_SESSION_COOKIE;
export const CSRF_COOKIE = '__Host-comeback_csrf';
export const CSRF_FIELD = '_csrf';
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

// Secure always: browsers accept Secure cookies from http://localhost and 127.0.0.1 (local development) too.
const SESSION_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'lax' as const, secure: true, path: '/' };

export function setTokenCookie(_req: Request, res: Response, token: string | null): void {
  if (token === null) res.clearCookie(TOKEN_COOKIE, SESSION_COOKIE_OPTIONS);
  else res.cookie(TOKEN_COOKIE, token, { ...SESSION_COOKIE_OPTIONS, maxAge: 8 * 3600_000 });
}

/**
 * This browser's CSRF token (double submit): a random value in a `__Host-` HttpOnly cookie, repeated in every
 * POST form by `layout`. A cross-site page can make the browser send the cookie but cannot read it, so it
 * cannot fill in the field.
 */
export function csrfToken(req: Request, res: Response): string {
  const r = req as Request & { csrfToken?: string };
  r.csrfToken ??= cookie(req, CSRF_COOKIE) ?? '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(r.csrfToken)) {
    r.csrfToken = randomBytes(32).toString('base64url');
    res.cookie(CSRF_COOKIE, r.csrfToken, SESSION_COOKIE_OPTIONS);
  }
  return r.csrfToken;
}

/** Compares the form's field with the cookie, then removes the field (the DTOs do not know it). */
function checkCsrf(req: Request): void {
  const body = req.body as Record<string, unknown> | undefined;
  const given = body && typeof body[CSRF_FIELD] === 'string' ? String(body[CSRF_FIELD]) : '';
  if (body && typeof body === 'object') delete body[CSRF_FIELD];
  const expected = cookie(req, CSRF_COOKIE) ?? '';
  const ok =
    expected.length === 43 &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) throw new AppException(ErrorCode.CsrfFailed, 'The form’s CSRF token is missing or does not match');
}

const CSRF_AFTER_UPLOAD = 'comeback:csrf-after-upload';
/** For a multipart route: the fields are parsed by its FileInterceptor, so `CsrfAfterUploadInterceptor` checks there. */
export const CsrfCheckedAfterUpload = () => SetMetadata(CSRF_AFTER_UPLOAD, true);

/** Every state-changing console request carries the CSRF token; runs before authentication. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return true;
    if (this.reflector.get<boolean | undefined>(CSRF_AFTER_UPLOAD, ctx.getHandler())) return true;
    checkCsrf(req);
    return true;
  }
}

/** After a FileInterceptor has parsed a multipart form: the same check, and the upload is deleted when it fails. */
@Injectable()
export class CsrfAfterUploadInterceptor implements NestInterceptor {
  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request & { file?: { path?: string } }>();
    try {
      checkCsrf(req);
    } catch (err) {
      if (req.file?.path) await unlink(req.file.path).catch(() => undefined);
      throw err;
    }
    return next.handle();
  }
}

export function readTokenCookie(req: Request): string | undefined {
  return cookie(req, TOKEN_COOKIE);
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
  return pageContext(
    lang,
    req.originalUrl,
    user ? { name: user.name, role: user.role } : null,
    csrfToken(req, res),
  );
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
      .send(errorPage(contextFor(req, res), status, detail, body.code === String(ErrorCode.CsrfFailed)));
  }
}
