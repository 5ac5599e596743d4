import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ChangeLogEntryDto,
  ChangeLogEntryResponseDto,
  ChangeLogService,
  toChangeLogEntryDto,
} from '@comeback/console';
import { Authenticated, CurrentPrincipal, type Principal } from '@comeback/platform';

/** HR keeps "what changed" per department and date; briefings show the entries after a returnee's leave date. */
@ApiTags('change log')
@Controller('api/v1/change-log')
@Authenticated('hr_admin')
export class ChangeLogController {
  constructor(private readonly changeLog: ChangeLogService) {}

  @Get()
  async list(@CurrentPrincipal() p: Principal): Promise<ChangeLogEntryResponseDto[]> {
    return (await this.changeLog.list(p.tenantId)).map(toChangeLogEntryDto);
  }

  @Post()
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() body: ChangeLogEntryDto,
  ): Promise<ChangeLogEntryResponseDto> {
    return toChangeLogEntryDto(await this.changeLog.create(p, body));
  }

  @Get(':id')
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChangeLogEntryResponseDto> {
    return toChangeLogEntryDto(await this.changeLog.get(p.tenantId, id));
  }

  @Put(':id')
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeLogEntryDto,
  ): Promise<ChangeLogEntryResponseDto> {
    return toChangeLogEntryDto(await this.changeLog.update(p, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.changeLog.remove(p, id);
  }
}
