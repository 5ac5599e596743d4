import { Body, Controller, Get, Header, Post, Req, Res, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CONSOLE_CSS, CONSOLE_JS, loginPage, LoginFormDto, type PageContext } from '@comeback/console';
import { Authenticated, CurrentPrincipal, type Principal } from '@comeback/platform';
import { ConsoleExceptionFilter, ConsoleHeadersInterceptor, Page, setTokenCookie } from './console-support';

const HOME: Record<Principal['role'], string> = {
  hr_admin: '/console/registry',
  recruiter: '/console/applications',
  hiring_manager: '/console/briefings',
  integration: '/console/login',
};

/** Sign-in (paste a token → HttpOnly cookie), sign-out, the start page per role, and the static assets. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsoleExceptionFilter)
export class ConsoleAuthController {
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
  signIn(@Body() body: LoginFormDto, @Req() req: Request, @Res() res: Response): void {
    const token = body.token.trim().replace(/^Bearer\s+/i, '');
    if (!token) {
      res.redirect(303, '/console/login');
      return;
    }
    // The token is verified on the next request by the same JWT guard as the API (an invalid one comes back here).
    setTokenCookie(req, res, token);
    res.redirect(303, '/console');
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
