import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@comeback/platform';
import {
  InvitationRequestDto,
  InvitationResponseDto,
  PeopleService,
  PersonResponseDto,
  RoleFormDto,
  SsoService,
  SsoSettingsDto,
  SsoSettingsResponseDto,
  toInvitationDto,
  toPersonDto,
} from '@comeback/people';

@ApiTags('people')
@Controller('api/v1')
@Authenticated('hr_admin')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly sso: SsoService,
  ) {}

  @Get('people')
  @ApiOkResponse({ type: [PersonResponseDto] })
  async list(@CurrentPrincipal() p: Principal): Promise<PersonResponseDto[]> {
    return (await this.people.list(p.tenantId)).map(toPersonDto);
  }

  /** E-mails a single-use link (valid 7 days) in the invitee's language. The link itself is never returned. */
  @Post('people/invitations')
  @ApiCreatedResponse({ type: InvitationResponseDto })
  async invite(
    @CurrentPrincipal() p: Principal,
    @Body() body: InvitationRequestDto,
  ): Promise<InvitationResponseDto> {
    return toInvitationDto((await this.people.invite(p, body)).invitation);
  }

  @Get('people/invitations')
  @ApiOkResponse({ type: [InvitationResponseDto] })
  async invitations(@CurrentPrincipal() p: Principal): Promise<InvitationResponseDto[]> {
    return (await this.people.openInvitations(p.tenantId)).map(toInvitationDto);
  }

  @Put('people/:id/role')
  @ApiOkResponse({ type: PersonResponseDto })
  async role(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RoleFormDto,
  ): Promise<PersonResponseDto> {
    return toPersonDto(await this.people.changeRole(p, id, body.role));
  }

  /** Ends every session of the person at once: their next request is refused. */
  @Post('people/:id/deactivate')
  @HttpCode(204)
  async deactivate(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.people.deactivate(p, id);
  }

  @Post('people/:id/reactivate')
  @HttpCode(204)
  async reactivate(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.people.reactivate(p, id);
  }

  @Get('sso')
  @ApiOkResponse({ type: SsoSettingsResponseDto })
  async ssoSettings(@CurrentPrincipal() p: Principal): Promise<SsoSettingsResponseDto> {
    const s = await this.sso.settings(p.tenantId);
    return { configured: !!s, ...(s ?? {}), redirectUri: this.sso.redirectUri };
  }

  /** The tenant's OpenID Connect provider; its discovery document is fetched before saving. */
  @Put('sso')
  @ApiOkResponse({ type: SsoSettingsResponseDto })
  async configureSso(
    @CurrentPrincipal() p: Principal,
    @Body() body: SsoSettingsDto,
  ): Promise<SsoSettingsResponseDto> {
    await this.sso.configure(p, { ...body, required: body.required ?? false });
    return this.ssoSettings(p);
  }

  @Delete('sso')
  @HttpCode(204)
  async removeSso(@CurrentPrincipal() p: Principal): Promise<void> {
    await this.sso.remove(p);
  }
}
