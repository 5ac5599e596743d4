import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CONSOLE_CSS, CONSOLE_JS, loginPage, LoginFormDto, type PageContext } from '@comeback/console';
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
import {
  ConsoleExceptionFilter,
  ConsoleHeadersInterceptor,
  CsrfGuard,
  Page,
  setTokenCookie,
} from './console-support';

const MINUTE_MS = 60_000;
const CONSOLE_ROLES: readonly string[] = ROLES.filter((r) => r !== 'integration');

// Every person lands on what waits for them (ConsoleLoopsController's home page).
const HOME: Record<Principal['role'], string> = {
  hr_admin: '/console/home',
  recruiter: '/console/home',
  hiring_manager: '/console/home',
  integration: '/console/login',
};

/** Sign-in (paste a token → checked → HttpOnly cookie), sign-out, the start page per role, and the static assets. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
@UseGuards(CsrfGuard)
export class ConsoleAuthController {
  constructor(
    private readonly jwt: JwtService,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  @Get('login')
  @UseInterceptors(ConsoleHeadersInterceptor)
  login(@Page() ctx: PageContext, @Req() req: Request): string {
    const error = req.query.error === 'invalid' ? ctx.t('loginInvalid') : null;
    return loginPage(ctx, error);
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

  @Post('logout')
  signOut(@Req() req: Request, @Res() res: Response): void {
    setTokenCookie(req, res, null);
    res.redirect(303, '/console/login');
  }

  @Get()
  @Authenticated('hr_admin', 'recruiter', 'hiring_manager')
  home(@CurrentPrincipal() p: Principal, @Res() res: Response): void {
    res.redirect(303, HOME[p.role]);
  }
}
