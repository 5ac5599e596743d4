import { Body, Controller, Get, Header, Inject, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CONSOLE_CSS, CONSOLE_JS, LoginFormDto } from '@comeback/console';
import { SignInService } from '@comeback/people';
import {
  APP_CONFIG,
  type AppConfig,
  Authenticated,
  CurrentPrincipal,
  type Principal,
  RateLimitedException,
  RateLimiter,
  ROLES,
} from '@comeback/platform';
import { ConsoleExceptionFilter, CsrfGuard, readTokenCookie, setTokenCookie } from './console-support';

const MINUTE_MS = 60_000;
const CONSOLE_ROLES: readonly string[] = ROLES.filter((r) => r !== 'integration');

// Every person lands on what waits for them (ConsoleLoopsController's home page).
const HOME: Record<Principal['role'], string> = {
  hr_admin: '/console/home',
  recruiter: '/console/home',
  hiring_manager: '/console/home',
  integration: '/console/login',
};

/**
 * Sign-in with a pasted token (API/CLI users; people sign in by password or SSO in ConsolePeopleController) →
 * checked → HttpOnly cookie, sign-out, the start page per role, and the static assets.
 */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
export class ConsoleAuthController {
  constructor(
    private readonly jwt: JwtService,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SignInService,
  ) {}

  @Get('assets/console.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  css(): string {
    return CONSOLE_CSS;
  }

  @Get('assets/console.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  js(): string {
    return CONSOLE_JS;
  }

  @Post('login')
  async signIn(@Body() body: LoginFormDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Throttled per source address before anything else: guessing tokens costs a minute per few tries.
    const wait = await this.limiter.tryAcquire(
      `console-login:${req.ip ?? 'unknown'}`,
      this.config.consoleLoginAttemptsPerMinute,
      MINUTE_MS,
    );
    if (wait > 0) throw new RateLimitedException(wait);
    const token = body.token.trim().replace(/^Bearer\s+/i, '');
    if (!token) {
      res.redirect(303, '/console/login');
      return;
    }
    // Checked here, with the API's own rules (signature, issuer, algorithm, expiry, a console role): a cookie
    // is only ever set for a token that would be accepted.
    if (!this.acceptable(token)) {
      res.redirect(303, '/console/login?error=invalid');
      return;
    }
    setTokenCookie(req, res, token);
    res.redirect(303, '/console');
  }

  private sessionOf(token: string | undefined): { tid: string; sid: string } | null {
    if (!token) return null;
    try {
      const c = this.jwt.verify<{ tid?: unknown; sid?: unknown }>(token, {
        secret: this.config.jwt.secret,
        issuer: this.config.jwt.issuer,
        algorithms: ['HS256'],
        ignoreExpiration: true,
      });
      return typeof c.tid === 'string' && typeof c.sid === 'string' ? { tid: c.tid, sid: c.sid } : null;
    } catch {
      return null;
    }
  }

  private acceptable(token: string): boolean {
    try {
      const claims = this.jwt.verify<{ sub?: unknown; tid?: unknown; role?: unknown }>(token, {
        secret: this.config.jwt.secret,
        issuer: this.config.jwt.issuer,
        algorithms: ['HS256'],
      });
      return (
        typeof claims.sub === 'string' &&
        typeof claims.tid === 'string' &&
        typeof claims.role === 'string' &&
        CONSOLE_ROLES.includes(claims.role)
      );
    } catch {
      return false;
    }
  }

  /** Ends the session server-side too (a copied cookie stops working), then clears the cookie. */
  @Post('logout')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const session = this.sessionOf(readTokenCookie(req));
    if (session) await this.sessions.endSession(session.tid, session.sid);
    setTokenCookie(req, res, null);
    res.redirect(303, '/console/login');
  }

  @Get()
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  home(@CurrentPrincipal() p: Principal, @Res() res: Response): void {
    res.redirect(303, HOME[p.role]);
  }
}
