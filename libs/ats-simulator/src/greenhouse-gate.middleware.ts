import { createParamDecorator, ExecutionContext, Injectable, NestMiddleware, Inject } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GH_ERROR_MESSAGES } from './contract.constants';
import { GhAuth, GreenhouseService, parseBasic } from './greenhouse.service';
import { SimulatorConfigService } from './simulator-config.service';
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
    @Inject(SimulatorConfigService) private readonly config: SimulatorConfigService,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const auth = this.greenhouse.authenticate(req.headers.authorization);
    if (!auth) {
      this.traffic.countUnauthorized('greenhouse', req);
      res.status(401).json({ message: GH_ERROR_MESSAGES.unauthorized, errors: [] });
      return;
    }
    // Each Harvest v3 endpoint needs its own scope on the credential; without it: 403 (ats-contracts.md, "Scopes").
    const scope = harvestScope(req.method, (req.originalUrl.split('?')[0] ?? '').replace(/^.*?\/v3\//, ''));
    if (scope && this.config.current.greenhouse.deniedScopes.includes(scope)) {
      res.status(403).json({ message: GH_ERROR_MESSAGES.forbidden, errors: [`Missing scope: ${scope}`] });
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

/**
 * The scope a Harvest v3 call needs, `harvest:<resource>:<action>` (ats-contracts.md "Scopes", from
 * harvestdocs.greenhouse.io): GET lists are `list`, `POST /applications/{id}/move` is `move`, PATCH is `update`,
 * POST of a resource is `create`.
 */
export function harvestScope(method: string, path: string): string | null {
  const parts = path.replace(/^\/+|\/+$/g, '').split('/');
  const resource = parts[0];
  if (!resource) return null;
  if (method === 'GET') return `harvest:${resource}:list`;
  if (method === 'POST' && parts[2] === 'move') return `harvest:${resource}:move`;
  if (method === 'PATCH') return `harvest:${resource}:update`;
  if (method === 'POST') return `harvest:${resource}:create`;
  if (method === 'DELETE') return `harvest:${resource}:destroy`;
  return null;
}
