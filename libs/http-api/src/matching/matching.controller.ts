import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal, ValidationFailedException } from '@comeback/platform';
import {
  MatchingService,
  MatchPreviewRequestDto,
  MatchPreviewResponseDto,
  toMatchPreviewResponseDto,
} from '@comeback/registry';

@ApiTags('matching')
@Controller('api/v1/matching')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Post('preview')
  @HttpCode(200)
  @Authenticated('hr_admin', 'recruiter')
  async preview(
    @CurrentPrincipal() principal: Principal,
    @Body() body: MatchPreviewRequestDto,
  ): Promise<MatchPreviewResponseDto> {
    const given = Object.values(body).some((v) => (Array.isArray(v) ? v.length > 0 : !!v));
    if (!given) throw new ValidationFailedException('Give at least one field to match on');
    const decision = await this.matching.preview(principal, {
      firstName: body.first_name,
      lastName: body.last_name,
      firstNameKana: body.first_name_kana,
      lastNameKana: body.last_name_kana,
      emails: body.emails ?? [],
      phones: body.phones ?? [],
      birthDate: body.birth_date,
      employeeNumber: body.employee_number,
    });
    return toMatchPreviewResponseDto(decision);
  }
}
