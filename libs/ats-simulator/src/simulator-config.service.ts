import { Inject, Injectable } from '@nestjs/common';
import {
  GH_MOVE_FROM_STAGE_ID_DEFAULT,
  GhMoveFromStageIdKind,
  GH_RATE_LIMIT,
  GH_TOKEN_RATE_LIMIT,
  GH_TOKEN_TTL_SECONDS,
  HANG_MS_DEFAULT,
  WEBHOOK_TIMEOUT_MS,
  WK_RATE_LIMIT,
} from './contract.constants';

export interface RateLimitSwitch {
  enabled: boolean;
  limit: number;
  windowSeconds: number;
}

export interface FaultSwitch {
  /** Share (0–1) of requests answered with `errorStatus`. */
  errorRate: number;
  /** Share (0–1) of requests held for `hangMs` and then answered 504. */
  hangRate: number;
  /** Deterministic variants for tests: the next N requests fail / hang. */
  failNext: number;
  hangNext: number;
  errorStatus: number;
  hangMs: number;
}

export interface FaceSwitches {
  rateLimit: RateLimitSwitch;
  latencyMs: number;
  faults: FaultSwitch;
  /** A write through the API fires the webhook the vendor would fire (stage change, candidate moved). */
  webhooksOnApiWrites: boolean;
}

export interface SimulatorConfig {
  greenhouse: FaceSwitches & {
    tokenTtlSeconds: number;
    tokenRateLimit: RateLimitSwitch;
    /** Which id `from_stage_id` must be (see GH_MOVE_FROM_STAGE_ID_DEFAULT). */
    moveFromStageIdKind: GhMoveFromStageIdKind;
    /**
     * Scopes the credential lacks (`harvest:<resource>:<action>`): such calls are answered 403, as Harvest v3
     * answers a missing scope (harvestdocs.greenhouse.io, "Authentication": scopes per endpoint; ats-contracts.md).
     */
    deniedScopes: string[];
  };
  workable: FaceSwitches;
  webhooks: {
    /** Multiplies every retry delay: 1 = the vendors' real schedule, 1/60000 = one minute per millisecond. */
    timeScale: number;
    timeoutMs: number;
  };
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export const SIMULATOR_INITIAL_CONFIG = Symbol('SIMULATOR_INITIAL_CONFIG');

function faceDefaults(rate: { limit: number; windowSeconds: number }): FaceSwitches {
  return {
    rateLimit: { enabled: true, ...rate },
    latencyMs: 0,
    faults: {
      errorRate: 0,
      hangRate: 0,
      failNext: 0,
      hangNext: 0,
      errorStatus: 500,
      hangMs: HANG_MS_DEFAULT,
    },
    webhooksOnApiWrites: true,
  };
}

export function defaultSimulatorConfig(): SimulatorConfig {
  return {
    greenhouse: {
      ...faceDefaults(GH_RATE_LIMIT),
      tokenTtlSeconds: GH_TOKEN_TTL_SECONDS,
      tokenRateLimit: { enabled: true, ...GH_TOKEN_RATE_LIMIT },
      moveFromStageIdKind: GH_MOVE_FROM_STAGE_ID_DEFAULT,
      deniedScopes: [],
    },
    workable: faceDefaults(WK_RATE_LIMIT),
    webhooks: { timeScale: 1, timeoutMs: WEBHOOK_TIMEOUT_MS },
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Merges only keys that already exist with the same type, so a typo in a test is refused, not ignored. */
export function mergeConfig(target: Record<string, unknown>, patch: unknown, path = ''): string[] {
  const errors: string[] = [];
  if (!isPlainObject(patch)) return [`${path || 'config'} must be an object`];
  for (const [key, value] of Object.entries(patch)) {
    const here = path ? `${path}.${key}` : key;
    if (!(key in target)) {
      errors.push(`unknown setting ${here}`);
      continue;
    }
    const current = target[key];
    if (isPlainObject(current)) errors.push(...mergeConfig(current, value, here));
    else if (typeof current !== typeof value) errors.push(`${here} must be a ${typeof current}`);
    else if (typeof value === 'number' && (!Number.isFinite(value) || value < 0))
      errors.push(`${here} must be ≥ 0`);
    else target[key] = value;
  }
  return errors;
}

/** The run-time switches. Mutable on purpose: the control API flips them between test steps. */
@Injectable()
export class SimulatorConfigService {
  current: SimulatorConfig;

  constructor(@Inject(SIMULATOR_INITIAL_CONFIG) private readonly initial: DeepPartial<SimulatorConfig>) {
    this.current = this.fresh();
  }

  /** Validate on a copy first so a refused patch changes nothing. */
  apply(patch: unknown): string[] {
    const copy = structuredClone(this.current);
    const errors = mergeConfig(copy as unknown as Record<string, unknown>, patch);
    if (!['application_stage_id', 'job_interview_stage_id'].includes(copy.greenhouse.moveFromStageIdKind))
      errors.push('greenhouse.moveFromStageIdKind must be application_stage_id or job_interview_stage_id');
    if (
      !copy.greenhouse.deniedScopes.every((s) => typeof s === 'string' && /^harvest:[a-z_]+:[a-z]+$/.test(s))
    )
      errors.push('greenhouse.deniedScopes must list scopes like harvest:applications:list');
    if (errors.length === 0) this.current = copy;
    return errors;
  }

  reset(): void {
    this.current = this.fresh();
  }

  private fresh(): SimulatorConfig {
    const config = defaultSimulatorConfig();
    const errors = mergeConfig(config as unknown as Record<string, unknown>, this.initial);
    if (errors.length > 0) throw new Error(`ats-simulator: invalid initial config: ${errors.join('; ')}`);
    return config;
  }
}
