import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PayTargetDto {
  @ApiProperty({ example: 'engineering' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  jobFamily!: string;

  @ApiProperty({ example: 'G3' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  jobLevel!: string;

  @ApiProperty({ example: 'Tokyo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  location!: string;
}

class OfferInputsDto {
  @ApiPropertyOptional({
    type: PayTargetDto,
    description: "Default: the job's pay target (PUT /api/v1/jobs/{ats}/{jobId}/pay-target)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PayTargetDto)
  target?: PayTargetDto;

  @ApiPropertyOptional({ description: 'Relevant experience gained while away, in years' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(60)
  yearsOfExperienceAway?: number;

  @ApiPropertyOptional({
    enum: ['female', 'male'],
    description: 'For the gender-gap impact; kept with the check, HR only',
  })
  @IsOptional()
  @IsIn(['female', 'male'])
  gender?: 'female' | 'male';

  @ApiPropertyOptional({ description: 'Check as of this date (YYYY-MM-DD); default today (JST)' })
  @IsOptional()
  @Matches(DATE)
  asOf?: string;
}

export class ProposeOfferDto extends OfferInputsDto {}

export class CheckOfferDto extends OfferInputsDto {
  @ApiProperty({ description: 'Annual base salary in yen', example: 6_500_000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  amount!: number;
}

export class ApproveOfferCheckDto {
  @ApiProperty({ description: 'Why HR accepts the warn/fail result' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;
}

export class DeclineOfferCheckDto {
  @ApiProperty({ description: 'Why HR declines the offer at this amount (it is not to be made)' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;
}

export class JobAssignmentsDto {
  @ApiProperty({
    type: [String],
    description: 'Token subjects of the users assigned to the job (replaces the list)',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  userSubjects!: string[];
}

export class CompensationImportQueryDto {
  @ApiPropertyOptional({ enum: ['auto', 'utf-8', 'shift_jis', 'cp932'], default: 'auto' })
  @IsOptional()
  @IsIn(['auto', 'utf-8', 'shift_jis', 'cp932'])
  encoding: 'auto' | 'utf-8' | 'shift_jis' | 'cp932' = 'auto';

  @ApiPropertyOptional({
    description:
      'Snapshots: the date the pay is as of (required). Bands: default for rows without effective_date',
  })
  @IsOptional()
  @Matches(DATE)
  effectiveDate?: string;
}

export class JsonImportDto {
  @ApiProperty({
    description: 'Rows as objects with the CSV column names (snake_case or camelCase)',
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200_000)
  @IsObject({ each: true })
  items!: Record<string, unknown>[];
}

export class SnapshotJsonImportDto extends JsonImportDto {
  @ApiProperty({ description: 'The date the pay is as of (YYYY-MM-DD)' })
  @Matches(DATE)
  effectiveDate!: string;
}

export class BandJsonImportDto extends JsonImportDto {
  @ApiPropertyOptional({ description: 'Default for items without effective_date' })
  @IsOptional()
  @Matches(DATE)
  effectiveDate?: string;
}

export class FairnessPolicyDraftDto {
  @ApiProperty({ description: 'The fairness policy document (see config/fairness-policy.default.json)' })
  @IsObject()
  document!: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class FairnessPolicyValidateDto {
  @ApiProperty()
  @IsObject()
  document!: Record<string, unknown>;
}

export class PageQueryDto {
  @ApiPropertyOptional({ default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 200;

  @ApiPropertyOptional({ description: 'Keyset cursor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}
