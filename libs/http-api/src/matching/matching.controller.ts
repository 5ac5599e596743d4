import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal, ValidationFailedException } from '@comeback/platform';
import {
  MatchingService,
  MatchPreviewRequestDto,
  MatchPreviewResponseDto,
  toMatchPreviewResponseDto,
} from '@comeback/registry';
import { MatchingAccuracyService, type MatchingAccuracy } from '@comeback/pipeline';

@ApiTags('matching')
@Controller('api/v1/matching')
export class MatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly accuracy: MatchingAccuracyService,
  ) {}

  /**
   * The tenant's matcher accuracy: estimated precision/recall at the current thresholds (from the model's
   * probabilities of recent decisions), review load, the figures measured from HR's confirm/reject decisions
   * and "not a returnee" undos, and drift warnings. HR only: it is about the registry's people as a whole.
   */
  @Get('accuracy')
  @Authenticated('hr_admin')
  async accuracyReport(@CurrentPrincipal() principal: Principal): Promise<MatchingAccuracy> {
    return this.accuracy.report(principal.tenantId);
  }

  /** Non-HR callers: `birth_date` is accepted but ignored (no matching on, and no evidence about, sensitive fields). */
  @Post('preview')
  @HttpCode(200)
  @Authenticated('hr_admin', 'recruiter')
  async preview(
    @CurrentPrincipal() principal: Principal,
    @Body() body: MatchPreviewRequestDto,
  ): Promise<MatchPreviewResponseDto> {
    const given = Object.values(body).some((v) => (Array.isArray(v) ? v.length > 0 : !!v));
    if (!given) throw new ValidationFailedException('Give at least one field to match on');
    // Only HR may match on sensitive fields. For everyone else the preview is computed as if the birth date had
    // not been given: if it took part, the decision and score themselves would say whether a guessed date is the
    // person's (an oracle), however little evidence we showed. The field is accepted (tools send the applicant as
    // the ATS has it) and silently ignored, so the answer is byte-identical with or without it.
    const hr = principal.role === 'hr_admin';
    const decision = await this.matching.preview(principal, {
      firstName: body.first_name,
      lastName: body.last_name,
      firstNameKana: body.first_name_kana,
      lastNameKana: body.last_name_kana,
      emails: body.emails ?? [],
      phones: body.phones ?? [],
      birthDate: hr ? body.birth_date : undefined,
      employeeNumber: body.employee_number,
      formerFamilyNames: body.former_family_names ?? [],
      workHistory: (body.work_history ?? []).map((w) => ({
        company: w.company ?? null,
        title: w.title ?? null,
        startDate: w.start_date ?? null,
        endDate: w.end_date ?? null,
      })),
    });
    return toMatchPreviewResponseDto(decision, { sensitiveEvidence: hr });
  }
}
