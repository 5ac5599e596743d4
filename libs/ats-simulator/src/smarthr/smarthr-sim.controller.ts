import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { SmartHrSimError, SmartHrSimService } from './smarthr-sim.service';

const MAX_PER_PAGE = 100;

/** Errors in SmartHR's own shape `{ code, type, message, errors }` (https://developer.smarthr.jp/api/about_api). */
function answer(res: Response, work: () => unknown): void {
  try {
    const out = work();
    res.json(out);
  } catch (err) {
    if (!(err instanceof SmartHrSimError)) throw err;
    res.set(err.headers).status(err.status).json(err.body);
  }
}

/**
 * The SmartHR API face. A tenant's subdomain is the first path segment here (`/smarthr/{subdomain}/api/v1`)
 * where SmartHR uses the host (`https://{subdomain}.smarthr.jp/api/v1`).
 */
@Controller('smarthr/:subdomain/api/v1')
export class SmartHrApiController {
  constructor(@Inject(SmartHrSimService) private readonly sim: SmartHrSimService) {}

  /** `GET /api/v1/crews?page=&per_page=` with `Link` and `x-total-count` (about_api, ページネーション). */
  @Get('crews')
  list(
    @Param('subdomain') subdomain: string,
    @Query('page') pageText: string | undefined,
    @Query('per_page') perPageText: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): void {
    answer(res, () => {
      res.set(this.sim.gate(subdomain, authorization));
      const page = Math.max(1, Number.parseInt(pageText ?? '1', 10) || 1);
      const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number.parseInt(perPageText ?? '10', 10) || 10));
      const { crews, total, last } = this.sim.list(subdomain, page, perPage);
      const base = `${res.req.protocol}://${res.req.get('host')}${res.req.path}`;
      const link = (p: number, rel: string) => `<${base}?page=${p}&per_page=${perPage}>; rel="${rel}"`;
      const links = [link(1, 'first')];
      if (page > 1) links.push(link(page - 1, 'prev'));
      if (page < last) links.push(link(page + 1, 'next'));
      links.push(link(last, 'last'));
      res.set({ link: links.join(', '), 'x-total-count': String(total) });
      return crews;
    });
  }

  @Get('crews/:id')
  get(
    @Param('subdomain') subdomain: string,
    @Param('id') id: string,
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): void {
    answer(res, () => {
      res.set(this.sim.gate(subdomain, authorization));
      return this.sim.get(subdomain, id);
    });
  }
}

/** Control routes: HR acting in SmartHR (hire, change, resign, delete), switches and what was sent. */
@Controller('_sim/smarthr/:subdomain')
export class SmartHrControlController {
  constructor(@Inject(SmartHrSimService) private readonly sim: SmartHrSimService) {}

  @Post('seed')
  seed(
    @Param('subdomain') subdomain: string,
    @Body()
    body: {
      token: string;
      crews?: Record<string, unknown>[];
      webhook?: { url: string; secretToken: string };
    },
  ) {
    return { crews: this.sim.seed(subdomain, body) };
  }

  /** Rate limit (`limit` per `windowMs`), 429 injected for the listed upcoming request numbers, webhook target. */
  @Put('config')
  @HttpCode(204)
  configure(
    @Param('subdomain') subdomain: string,
    @Body() body: Parameters<SmartHrSimService['configure']>[1],
  ): void {
    this.sim.configure(subdomain, body);
  }

  @Post('crews')
  create(
    @Param('subdomain') subdomain: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): void {
    answer(res, () => this.sim.create(subdomain, body));
  }

  @Patch('crews/:id')
  update(
    @Param('subdomain') s: string,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): void {
    answer(res, () => this.sim.update(s, id, body));
  }

  @Post('crews/:id/resign')
  resign(
    @Param('subdomain') s: string,
    @Param('id') id: string,
    @Body() body: { resigned_at: string },
    @Res() res: Response,
  ): void {
    answer(res, () => this.sim.resign(s, id, body.resigned_at));
  }

  @Delete('crews/:id')
  remove(@Param('subdomain') s: string, @Param('id') id: string, @Res() res: Response): void {
    answer(res, () => {
      this.sim.remove(s, id);
      return {};
    });
  }

  @Get('deliveries')
  deliveries(@Param('subdomain') s: string, @Res() res: Response): void {
    answer(res, () => this.sim.deliveries(s));
  }

  @Post('deliveries/:index/replay')
  async replay(
    @Param('subdomain') s: string,
    @Param('index') index: string,
  ): Promise<{ status: number | null }> {
    return { status: await this.sim.replay(s, Number(index)) };
  }

  @Get('counters')
  counters(@Param('subdomain') s: string, @Res() res: Response): void {
    answer(res, () => this.sim.counters(s));
  }
}
