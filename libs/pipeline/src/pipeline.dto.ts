import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
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

export class StageMappingDto {
  @ApiProperty({
    description: 'Per tier: the stages (ids or names) to skip for this job',
    example: { full: ['書類選考', '一次面接'], light: ['書類選考'] },
  })
  @IsObject()
  tiers!: Record<string, string[]>;

  @ApiProperty({ type: [String], description: 'Stages (ids or names) never skipped or passed for this job' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
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

export class AtsConnectionDto {
  @ApiProperty({ description: 'API base URL (vendor or simulator)' })
  @IsUrl({ require_tld: false, require_protocol: true })
  apiBaseUrl!: string;

  @ApiPropertyOptional({ description: 'OAuth2 token endpoint, where the ATS uses client credentials' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  authUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  clientId?: string;

  @ApiProperty({ description: 'Client secret or API token (stored encrypted)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  secret!: string;

  @ApiProperty({ description: 'Webhook signing secret (stored encrypted)' })
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  webhookSecret!: string;

  // Required: both ATSs refuse notes without an author, and a PUT replaces the whole connection, so an
  // omitted acting user would silently break every write-back until someone noticed.
  @ApiProperty({ description: 'The ATS user or member our notes and moves are attributed to' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  actingUserId!: string;

  @ApiPropertyOptional({ description: 'Offer custom field holding the base salary' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  offerSalaryField?: string;
}

export class MatchThresholdsDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @Min(-50) @Max(100) match?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @Min(-50) @Max(100) review?: number;
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
}
