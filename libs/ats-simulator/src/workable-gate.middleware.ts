import { createParamDecorator, ExecutionContext, Injectable, NestMiddleware, Inject } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { WkAccount } from './simulator.types';
import { TrafficService } from './traffic.service';
import { WorkableService } from './workable.service';

/** Bearer token → account, then the per-token window, faults and latency. */
@Injectable()
export class WorkableGateMiddleware implements NestMiddleware {
  constructor(
    @Inject(WorkableService) private readonly workable: WorkableService,
    @Inject(TrafficService) private readonly traffic: TrafficService,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const account = this.workable.authenticate(req.headers.authorization);
    if (!account) {
      this.traffic.countUnauthorized('workable', req);
      res.status(401).json({ error: 'Not authorized' });
      return;
    }
    (res.locals as { wkAccount?: WkAccount }).wkAccount = account;
    this.traffic.pass('workable', account.token, req, res, next);
  }
}

export const WkAccountContext = createParamDecorator((_data: unknown, ctx: ExecutionContext): WkAccount => {
  const account = (ctx.switchToHttp().getResponse<Response>().locals as { wkAccount?: WkAccount }).wkAccount;
  if (!account) throw new Error('WorkableGateMiddleware did not run for this route');
  return account;
});
