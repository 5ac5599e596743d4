import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateNested,
} from 'class-validator';

export class PolicyDraftDto {
  @ApiProperty({ description: 'The policy document (see eligibility.md); validated by the domain validator' })
  @IsObject()
  document!: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class PolicyValidateDto {
  @ApiProperty()
  @IsObject()
  document!: Record<string, unknown>;
}

export class DryRunQueryDto {
  @ApiPropertyOptional({ description: 'Evaluate as of this date (YYYY-MM-DD); default today (JST)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  asOf?: string;
}

export const STAGE_TIER_LIMITS = { tiers: 20, stagesPerTier: 50, stageLength: 200 } as const;
const TIER_NAME = /^[a-z][a-z0-9_-]{0,39}$/;

/**
 * Why a stage-mapping `tiers` value is malformed, or null: a plain object of at most 20 tiers named like
 * policy tiers (`full`, `light`), each a list of at most 50 non-empty stage ids or names of at most 200
 * characters. Checked at the edge (REST DTO, console form) and again by the service.
 */
export function stageTiersProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'tiers must be an object';
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return 'tiers must be a plain object';
  const entries = Object.entries(value as Record<string, unknown>);
  if (
    Object.getOwnPropertyNames(value).length !== entries.length ||
    entries.length > STAGE_TIER_LIMITS.tiers
  ) {
    return `tiers may name at most ${STAGE_TIER_LIMITS.tiers} tiers`;
  }
  for (const [name, stages] of entries) {
    if (!TIER_NAME.test(name))
      return `tier name ${JSON.stringify(name.slice(0, 40))} must be lower-case letters, digits, - or _`;
    if (!Array.isArray(stages)) return `tiers.${name} must be a list of stages`;
    if (stages.length > STAGE_TIER_LIMITS.stagesPerTier)
      return `tiers.${name} may list at most ${STAGE_TIER_LIMITS.stagesPerTier} stages`;
    for (const stage of stages as unknown[]) {
      if (typeof stage !== 'string' || stage.trim() === '' || stage.length > STAGE_TIER_LIMITS.stageLength) {
        return `tiers.${name} must hold stage ids or names of 1–${STAGE_TIER_LIMITS.stageLength} characters`;
      }
    }
  }
  return null;
}

function IsStageTiers(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStageTiers',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => stageTiersProblem(value) === null,
        defaultMessage: (args) => stageTiersProblem(args?.value) ?? 'tiers are malformed',
      },
    });
}

export class StageMappingDto {
  @ApiProperty({
    description: 'Per tier: the stages (ids or names) to skip for this job',
    example: { full: ['書類選考', '一次面接'], light: ['書類選考'] },
  })
  @IsStageTiers()
  tiers!: Record<string, string[]>;

  @ApiProperty({ type: [String], description: 'Stages (ids or names) never skipped or passed for this job' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  protected!: string[];
}

export class ReviewListQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'confirmed', 'rejected'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'confirmed', 'rejected'])
  status: 'open' | 'confirmed' | 'rejected' = 'open';

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

export class ReviewConfirmDto {
  @ApiProperty({ description: 'The former employee the applicant is' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  employeeNumber!: string;
}

export class LimitQueryDto {
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}

/** An empty form field means "not given" (the console's connection form posts every field). */
const blankToUndefined = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() === '' ? undefined : value,
  );

export class AtsConnectionDto {
  @ApiProperty({ description: 'API base URL (vendor or simulator)' })
  @IsUrl({ require_tld: false, require_protocol: true })
  apiBaseUrl!: string;

  @ApiPropertyOptional({ description: 'OAuth2 token endpoint, where the ATS uses client credentials' })
  @blankToUndefined()
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  authUrl?: string;

  @ApiPropertyOptional()
  @blankToUndefined()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  clientId?: string;

  @ApiProperty({ description: 'Client secret or API token (stored encrypted)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  secret!: string;

  // Optional: some ATSs sign webhooks with the API token or the OAuth app's secret, which `secret` already
  // holds; the connection service asks the adapter whether this one needs its own.
  @ApiPropertyOptional({
    description:
      'Webhook signing secret (stored encrypted). Leave out where the ATS signs with the API token or the OAuth app secret; set it to override that key',
  })
  @blankToUndefined()
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  webhookSecret?: string;

  // Some ATSs set up one webhook per event type, each with its own secret key: a delivery signed with any of
  // these (or with webhookSecret) is accepted.
  @ApiPropertyOptional({
    type: [String],
    description:
      'More webhook signing secrets (stored encrypted), for an ATS that signs each webhook (one per event type) with its own key',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(8, { each: true })
  @MaxLength(500, { each: true })
  webhookSecrets?: string[];

  @ApiPropertyOptional({
    description:
      'OAuth2 refresh token, for connections authorised with the authorization-code grant (stored encrypted); needs authUrl and clientId',
  })
  @blankToUndefined()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  refreshToken?: string;

  // Required: both ATSs refuse notes without an author, and a PUT replaces the whole connection, so an
  // omitted acting user would silently break every write-back until someone noticed.
  @ApiProperty({ description: 'The ATS user or member our notes and moves are attributed to' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  actingUserId!: string;

  @ApiPropertyOptional({ description: 'Offer custom field holding the base salary' })
  @blankToUndefined()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  offerSalaryField?: string;
}

export class MatchThresholdsDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @Min(-50) @Max(100) match?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @Min(-50) @Max(100) review?: number;
  @ApiPropertyOptional({
    description: 'Review budget: at most this share of applicants goes to a person (default 0.05)',
  })
  @IsOptional()
  @Type(() => Number)
  @Min(0)
  @Max(0.5)
  maxReviewShare?: number;
}

export class RetentionSettingsDto {
  @ApiPropertyOptional({
    description: 'Days raw webhook bodies are kept (default 90)',
    minimum: 1,
    maximum: 3650,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  rawWebhookBodyDays?: number;

  @ApiPropertyOptional({
    description: 'Days audit entry details are kept (default 365)',
    minimum: 1,
    maximum: 3650,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  auditDetailDays?: number;
}

export class TenantSettingsDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9.-]+\.[a-z]{2,}$/i, { each: true })
  corporateEmailDomains?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchThresholdsDto)
  matchThresholds?: MatchThresholdsDto;

  @ApiPropertyOptional({ type: RetentionSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RetentionSettingsDto)
  retention?: RetentionSettingsDto;

  @ApiPropertyOptional({ enum: ['ja', 'en'], description: 'Language of the notes written into the ATS' })
  @IsOptional()
  @IsIn(['ja', 'en'])
  language?: 'ja' | 'en';
}

/** HR's decision on an application; the comment stays in the audit log, never in the ATS. */
export class HrDecisionDto {
  @ApiPropertyOptional({ description: 'Why (kept in the audit log only)', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class HrApproveDto extends HrDecisionDto {
  @ApiPropertyOptional({ description: "A tier of the active policy (default: the policy's default tier)" })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  tier?: string;
}

/** The console's settings form: both thresholds and the note language, always posted together. */
export class ConsoleSettingsFormDto {
  @ApiProperty() @Type(() => Number) @IsNumber() @Min(-50) @Max(100) match!: number;
  @ApiProperty({
    enum: ['budget', 'fixed'],
    description: 'Review threshold: follow the budget, or a fixed score',
  })
  @IsIn(['budget', 'fixed'])
  reviewMode!: 'budget' | 'fixed';
  // From 1%: below it the budget would no longer say what a person sees (candidates scoring well above the
  // shipped threshold are reviewed whatever the budget: REVIEW_BUDGET.ceilingAboveDefault).
  @ApiProperty({ description: 'Review budget, percent of applicants (1–50)' })
  @Type(() => Number)
  @IsNumber()
  @Min(1)
  @Max(50)
  maxReviewSharePercent!: number;
  @ApiProperty({ description: 'Fixed review score (used in "fixed" mode)' })
  @Type(() => Number)
  @IsNumber()
  @Min(-50)
  @Max(100)
  review!: number;
  @ApiProperty({ enum: ['ja', 'en'] }) @IsIn(['ja', 'en']) language!: 'ja' | 'en';
  /** One per line (a textarea); absent keeps the names saved before. Checked line by line by the controller. */
  @ApiPropertyOptional({ description: 'Names the company goes by on CVs, one per line' })
  @IsOptional()
  @IsString()
  @MaxLength(2100)
  companyNames?: string;
}

/** A person's answer after looking in the ATS for a side effect whose call was cut. */
export class ResolveUncertainDto {
  @ApiProperty({
    description: 'True: the note/tag/move is in the ATS (done). False: it is not (we perform it again).',
  })
  // A console form posts the words "true"/"false"; JSON sends booleans.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  existsInAts!: boolean;
}
