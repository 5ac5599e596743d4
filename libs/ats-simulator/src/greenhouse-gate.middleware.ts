import { createParamDecorator, ExecutionContext, Injectable, NestMiddleware, Inject } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GH_ERROR_MESSAGES } from './contract.constants';
import { GhAuth, GreenhouseService, parseBasic } from './greenhouse.service';
import { TrafficService } from './traffic.service';

/**
 * In front of every Harvest route: bearer auth first (an unknown or expired token is a 401 and names
 * no client to rate-limit), then the per-client window, faults and latency.
 */
@Injectable()
export class GreenhouseGateMiddleware implements NestMiddleware {
  constructor(
    @Inject(GreenhouseService) private readonly greenhouse: GreenhouseService,
    @Inject(TrafficService) private readonly traffic: TrafficService,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const auth = this.greenhouse.authenticate(req.headers.authorization);
    if (!auth) {
      this.traffic.countUnauthorized('greenhouse', req);
      res.status(401).json({ message: GH_ERROR_MESSAGES.unauthorized, errors: [] });
      return;
    }
    (res.locals as { ghAuth?: GhAuth }).ghAuth = auth;
    this.traffic.pass('greenhouse', auth.account.clientId, req, res, next);
  }
}

/** The token endpoint's own window is keyed by the client id it is asked for, valid or not. */
@Injectable()
export class GreenhouseTokenGateMiddleware implements NestMiddleware {
  constructor(@Inject(TrafficService) private readonly traffic: TrafficService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    this.traffic.pass(
      'greenhouse-token',
      parseBasic(req.headers.authorization)?.id ?? 'anonymous',
      req,
      res,
      next,
    );
  }
}

export const GhAuthContext = createParamDecorator((_data: unknown, ctx: ExecutionContext): GhAuth => {
  const auth = (ctx.switchToHttp().getResponse<Response>().locals as { ghAuth?: GhAuth }).ghAuth;
  if (!auth) throw new Error('GreenhouseGateMiddleware did not run for this route');
  return auth;
});
