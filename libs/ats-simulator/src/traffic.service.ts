import { Injectable, OnModuleDestroy, Inject } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GH_ERROR_MESSAGES } from './contract.constants';
import { RateLimitSwitch, SimulatorConfigService } from './simulator-config.service';
import type { Face } from './simulator.types';

type Scope = Face | 'greenhouse-token';

interface Window {
  start: number;
  count: number;
}

export interface ScopeCounters {
  total: number;
  /** "GET /greenhouse/v3/applications" → count; numeric and Workable ids are folded into :id. */
  byRoute: Record<string, number>;
  throttled: number;
  unauthorized: number;
  faultsInjected: number;
  hangsInjected: number;
  /** The most requests any one client sent inside one rate-limit window, rejected ones included. */
  maxRequestsInWindow: number;
  maxRequestsInWindowByClient: Record<string, number>;
}

function emptyCounters(): ScopeCounters {
  return {
    total: 0,
    byRoute: {},
    throttled: 0,
    unauthorized: 0,
    faultsInjected: 0,
    hangsInjected: 0,
    maxRequestsInWindow: 0,
    maxRequestsInWindowByClient: {},
  };
}

const HEADER_NAMES: Record<Scope, { limit: string; remaining: string; reset: string }> = {
  greenhouse: { limit: 'X-RateLimit-Limit', remaining: 'X-RateLimit-Remaining', reset: 'X-RateLimit-Reset' },
  'greenhouse-token': {
    limit: 'X-RateLimit-Limit',
    remaining: 'X-RateLimit-Remaining',
    reset: 'X-RateLimit-Reset',
  },
  workable: { limit: 'X-Rate-Limit-Limit', remaining: 'X-Rate-Limit-Remaining', reset: 'X-Rate-Limit-Reset' },
};

/**
 * Rate limiting, fault injection, latency and request counting for both faces. Windows are fixed and
 * anchored at a client's first request after the previous window ended (a fixed window, not aligned to
 * the wall clock), so a burst in a test never straddles a boundary by accident.
 */
@Injectable()
export class TrafficService implements OnModuleDestroy {
  private windows = new Map<string, Window>();
  private counters = new Map<Scope, ScopeCounters>();
  private hangs = new Set<NodeJS.Timeout>();

  constructor(@Inject(SimulatorConfigService) private readonly config: SimulatorConfigService) {}

  onModuleDestroy(): void {
    for (const t of this.hangs) clearTimeout(t);
    this.hangs.clear();
  }

  resetCounters(): void {
    this.counters.clear();
    this.windows.clear();
  }

  snapshot(): Record<Scope, ScopeCounters> {
    return {
      greenhouse: this.of('greenhouse'),
      'greenhouse-token': this.of('greenhouse-token'),
      workable: this.of('workable'),
    };
  }

  /** Counts a request that was refused before a client could be identified (401). */
  countUnauthorized(scope: Scope, req: Request): void {
    const c = this.of(scope);
    c.total += 1;
    c.unauthorized += 1;
    this.countRoute(c, scope, req);
  }

  /**
   * Admits or refuses one identified request. Sends the 429 / injected fault itself; otherwise calls
   * `next` (after the configured latency) with the rate-limit headers already set.
   */
  pass(scope: Scope, clientKey: string, req: Request, res: Response, next: NextFunction): void {
    const c = this.of(scope);
    c.total += 1;
    this.countRoute(c, scope, req);

    const limit = this.limitFor(scope);
    const now = Date.now();
    const windowMs = limit.windowSeconds * 1000;
    const key = `${scope}\u0000${clientKey}`;
    let w = this.windows.get(key);
    if (!w || now >= w.start + windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    c.maxRequestsInWindow = Math.max(c.maxRequestsInWindow, w.count);
    c.maxRequestsInWindowByClient[clientKey] = Math.max(
      c.maxRequestsInWindowByClient[clientKey] ?? 0,
      w.count,
    );

    const resetAtMs = w.start + windowMs;
    const names = HEADER_NAMES[scope];
    res.setHeader(names.limit, String(limit.limit));
    res.setHeader(names.remaining, String(Math.max(0, limit.limit - w.count)));
    // Epoch seconds, rounded up: the header is an upper bound for when the window reopens.
    res.setHeader(names.reset, String(Math.ceil(resetAtMs / 1000)));

    if (limit.enabled && w.count > limit.limit) {
      c.throttled += 1;
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil((resetAtMs - now) / 1000))));
      res.status(429).json(errorBody(scope, GH_ERROR_MESSAGES.tooManyRequests));
      return;
    }

    const face: Face = scope === 'workable' ? 'workable' : 'greenhouse';
    const sw = this.config.current[face];
    const faults = sw.faults;
    if (faults.hangNext > 0 || (faults.hangRate > 0 && Math.random() < faults.hangRate)) {
      if (faults.hangNext > 0) faults.hangNext -= 1;
      c.hangsInjected += 1;
      const timer = setTimeout(() => {
        this.hangs.delete(timer);
        if (!res.headersSent && !res.destroyed) res.status(504).json(errorBody(scope, 'Gateway Timeout'));
      }, faults.hangMs);
      timer.unref();
      this.hangs.add(timer);
      return;
    }
    if (faults.failNext > 0 || (faults.errorRate > 0 && Math.random() < faults.errorRate)) {
      if (faults.failNext > 0) faults.failNext -= 1;
      c.faultsInjected += 1;
      // An injected 429 is an overloaded vendor shedding load: it says when to come back, as real ones do.
      if (faults.errorStatus === 429) res.setHeader('Retry-After', '1');
      res.status(faults.errorStatus).json(errorBody(scope, GH_ERROR_MESSAGES.serverError));
      return;
    }
    if (sw.latencyMs > 0) setTimeout(next, sw.latencyMs);
    else next();
  }

  private limitFor(scope: Scope): RateLimitSwitch {
    const cfg = this.config.current;
    if (scope === 'greenhouse-token') return cfg.greenhouse.tokenRateLimit;
    return cfg[scope].rateLimit;
  }

  private of(scope: Scope): ScopeCounters {
    let c = this.counters.get(scope);
    if (!c) {
      c = emptyCounters();
      this.counters.set(scope, c);
    }
    return c;
  }

  private countRoute(c: ScopeCounters, scope: Scope, req: Request): void {
    const key = `${req.method} ${routeKey(scope, req.originalUrl)}`;
    c.byRoute[key] = (c.byRoute[key] ?? 0) + 1;
  }
}

/** Folds ids out of a path so counters group by route: /candidates/10001/… → /candidates/:id/…. */
export function routeKey(scope: Scope, url: string): string {
  const path = url.split('?')[0];
  const parts = path.split('/');
  return parts
    .map((part, i) => {
      if (/^\d+$/.test(part)) return ':id';
      if (
        scope === 'workable' &&
        i > 0 &&
        ['candidates', 'subscriptions', 'jobs'].includes(parts[i - 1]) &&
        part !== ''
      )
        return ':id';
      return part;
    })
    .join('/');
}

function errorBody(scope: Scope, message: string): Record<string, unknown> {
  return scope === 'workable' ? { error: message } : { message, errors: [] };
}
