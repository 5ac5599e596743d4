import { Body, Controller, Get, HttpCode, Param, ParseEnumPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Authenticated, CurrentPrincipal, NotFoundException, Principal } from '@comeback/platform';
import {
  HRIS_KINDS,
  HrisConnectionService,
  HrisConnectionViewDto,
  HrisKind,
  HrisSyncRunEntity,
  HrisSyncService,
  SaveHrisConnectionDto,
} from '@comeback/hris';

export class HrisRunsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

const KIND_PIPE = new ParseEnumPipe(Object.fromEntries(HRIS_KINDS.map((k) => [k, k])));

/** HR's side of the HR-system sync: the connection, a reconciliation on demand, every run's outcome. */
@ApiTags('hris')
@Controller('api/v1/hris')
export class HrisController {
  constructor(
    private readonly connections: HrisConnectionService,
    private readonly sync: HrisSyncService,
  ) {}

  /** Saves the connection after the HR system accepted the token; the secrets are sealed, never shown again. */
  @Put('connections/:kind')
  @Authenticated('hr_admin')
  save(
    @CurrentPrincipal() principal: Principal,
    @Param('kind', KIND_PIPE) kind: HrisKind,
    @Body() body: SaveHrisConnectionDto,
  ): Promise<HrisConnectionViewDto> {
    return this.connections.save(principal, kind, body);
  }

  @Get('connections/:kind')
  @Authenticated('hr_admin')
  async view(
    @CurrentPrincipal() principal: Principal,
    @Param('kind', KIND_PIPE) kind: HrisKind,
  ): Promise<HrisConnectionViewDto> {
    const view = await this.connections.view(principal.tenantId, kind);
    if (!view) throw new NotFoundException('HR-system connection');
    return view;
  }

  /** Queues a full reconciliation now (the nightly one runs by itself); the run's id comes back at once. */
  @Post('connections/:kind/reconcile')
  @HttpCode(202)
  @Authenticated('hr_admin')
  reconcile(
    @CurrentPrincipal() principal: Principal,
    @Param('kind', KIND_PIPE) kind: HrisKind,
  ): Promise<HrisSyncRunEntity> {
    return this.sync.requestReconcile(principal.tenantId, kind);
  }

  @Get('runs')
  @Authenticated('hr_admin')
  runs(@CurrentPrincipal() principal: Principal, @Query() q: HrisRunsQueryDto): Promise<HrisSyncRunEntity[]> {
    return this.sync.listRuns(principal.tenantId, q.limit ?? 50);
  }

  @Get('runs/:id')
  @Authenticated('hr_admin')
  async run(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<HrisSyncRunEntity> {
    const run = /^[0-9a-f-]{36}$/i.test(id) ? await this.sync.getRun(principal.tenantId, id) : null;
    if (!run) throw new NotFoundException('Sync run');
    return run;
  }
}
