import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, MachineTokenService, Principal } from '@comeback/platform';
import {
  MachineTokenCreatedDto,
  MachineTokenRequestDto,
  MachineTokenResponseDto,
  toMachineTokenDto,
} from '@comeback/people';

@ApiTags('tokens')
@Controller('api/v1/tokens')
@Authenticated('hr_admin')
export class TokensController {
  constructor(private readonly tokens: MachineTokenService) {}

  /** Named machine tokens of this tenant (the `integration` role, CLI use), newest first, revoked ones marked. */
  @Get()
  @ApiOkResponse({ type: [MachineTokenResponseDto] })
  async list(@CurrentPrincipal() p: Principal): Promise<MachineTokenResponseDto[]> {
    return (await this.tokens.list(p.tenantId)).map(toMachineTokenDto);
  }

  /** Mints a named token; the token is in this answer only. Audited. */
  @Post()
  @ApiCreatedResponse({ type: MachineTokenCreatedDto })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() body: MachineTokenRequestDto,
  ): Promise<MachineTokenCreatedDto> {
    const t = await this.tokens.create(p, {
      name: body.name,
      role: body.role ?? 'integration',
      expiresInDays: body.expiresInDays,
    });
    return { jti: t.jti, token: t.token, expiresAt: t.expiresAt.toISOString() };
  }

  /** Revokes one token of this tenant by its `jti` (printed when it was minted): refused from then on. Audited. */
  @Delete(':jti')
  @HttpCode(204)
  async revoke(@CurrentPrincipal() p: Principal, @Param('jti') jti: string): Promise<void> {
    await this.tokens.revoke(p, jti);
  }
}
