import { Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { CurrentPrincipal, Principal } from '@comeback/platform';

/** What every versioned policy service offers (both sit on the platform's one versioned-document store). */
export interface VersionedPolicyService {
  history(tenantId: string): Promise<unknown>;
  active(tenantId: string): Promise<{ version: number; policy: unknown }>;
  get(tenantId: string, version: number): Promise<unknown>;
  activate(actor: Principal, version: number): Promise<unknown>;
}

/**
 * The routes every versioned policy shares: history, the active version, one version, activation. Each policy's
 * controller adds what differs (its document DTOs for validate and draft, its dry run) under its own path.
 */
export abstract class VersionedPolicyController {
  protected abstract readonly policies: VersionedPolicyService;

  @Get()
  history(@CurrentPrincipal() p: Principal) {
    return this.policies.history(p.tenantId);
  }

  @Get('active')
  async active(@CurrentPrincipal() p: Principal) {
    const a = await this.policies.active(p.tenantId);
    return { version: a.version, document: a.policy };
  }

  @Get(':version')
  get(@CurrentPrincipal() p: Principal, @Param('version', ParseIntPipe) version: number) {
    return this.policies.get(p.tenantId, version);
  }

  /** 409 `dry_run_required` unless the version's current content was dry-run (`:version/dry-run`) first. */
  @Post(':version/activate')
  @HttpCode(200)
  activate(@CurrentPrincipal() p: Principal, @Param('version', ParseIntPipe) version: number) {
    return this.policies.activate(p, version);
  }
}
