import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ATS_KINDS, type AtsKind } from '@comeback/ats';
import { CHANGE_CATEGORIES, type ChangeCategory } from '@comeback/domain';
import type { ChangeLogEntryEntity } from './change-log/change-log-entry.entity';

/** Empty form fields mean "not given". */
const emptyToUndefined = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() === '' ? undefined : value,
  );

export class ChangeLogEntryDto {
  @ApiPropertyOptional({
    description: 'Department the change concerns; omit for a company-wide change',
    nullable: true,
    type: String,
  })
  @emptyToUndefined()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string | null;

  @ApiProperty({ example: '2024-04-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveDate must be YYYY-MM-DD' })
  effectiveDate!: string;

  @ApiProperty({ enum: CHANGE_CATEGORIES })
  @IsIn(CHANGE_CATEGORIES)
  category!: ChangeCategory;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  body?: string;
}

export class ChangeLogEntryResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) department!: string | null;
  @ApiProperty() effectiveDate!: string;
  @ApiProperty({ enum: CHANGE_CATEGORIES }) category!: ChangeCategory;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() updatedAt!: string;
}

export function toChangeLogEntryDto(e: ChangeLogEntryEntity): ChangeLogEntryResponseDto {
  return {
    id: e.id,
    department: e.department,
    effectiveDate: e.effectiveDate,
    category: e.category,
    title: e.title,
    body: e.body,
    createdBy: e.createdBy,
    updatedAt: e.updatedAt.toISOString(),
  };
}

export class JobDepartmentDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;
}

// ---- Console forms (urlencoded); the same validation as the REST API ----

export class LoginFormDto {
  @IsString()
  @MaxLength(8000)
  token!: string;
}

export class ConsoleSearchQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** Which flash message to show after a redirect. */
  @IsOptional()
  @IsIn(['erased'])
  done?: 'erased';

  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: 'ja' | 'en';
}

export class LangQueryDto {
  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: 'ja' | 'en';

  @IsOptional()
  @IsString()
  @MaxLength(50)
  error?: string;
}

export class ImportFormQueryDto {
  @IsOptional()
  @IsIn(['all-or-nothing', 'valid-rows'])
  mode: 'all-or-nothing' | 'valid-rows' = 'all-or-nothing';
}

export class ImportFormDto {
  @IsOptional()
  @IsIn(['all-or-nothing', 'valid-rows'])
  mode: 'all-or-nothing' | 'valid-rows' = 'all-or-nothing';

  @IsOptional()
  @IsIn(['auto', 'utf-8', 'shift_jis', 'cp932'])
  encoding: 'auto' | 'utf-8' | 'shift_jis' | 'cp932' = 'auto';
}

export class EraseFormDto {
  @IsString()
  @MaxLength(50)
  confirmEmployeeNumber!: string;
}

export class PolicyFormDto {
  @IsString()
  @MaxLength(200_000)
  document!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @IsIn(['validate', 'save'])
  intent!: 'validate' | 'save';
}

/** Short text of one form field (a rule's number, a select's value). */
const formText = () => [IsOptional(), IsString(), MaxLength(2000)];
function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

/**
 * The policy form: each rule a field, checkbox groups as repeated names, override rows as `ov[i][field]` (read
 * defensively by `policyFormFromPost`: only strings are taken). The document is rebuilt from `base` and validated
 * by the policy validator, which reports each problem at its field.
 */
export class PolicyFieldsFormDto {
  @IsString()
  @MaxLength(200_000)
  base!: string;

  @applyAll(formText()) minTenureMonths?: string;
  @applyAll(formText()) coolingOffMonths?: string;
  @applyAll(formText()) maxMonths?: string;
  @applyAll(formText()) maxBeyond?: string;
  @applyAll(formText()) maxTier?: string;
  @applyAll(formText()) rehireUnknown?: string;
  @applyAll(formText()) ratingScale?: string;
  @applyAll(formText()) ratingFloor?: string;
  @applyAll(formText()) ratingLastN?: string;
  @applyAll(formText()) ratingMissing?: string;
  @applyAll(formText()) defaultTier?: string;

  /** One value or several (checkboxes). */
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  excludedReasons?: string | string[];

  @IsOptional()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  rehireAccepted?: string | string[];

  @IsOptional()
  @Allow()
  ov?: unknown;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @IsIn(['validate', 'save', 'add_override'])
  intent!: 'validate' | 'save' | 'add_override';
}

export class StageMappingFormDto {
  @IsIn(ATS_KINDS)
  ats!: AtsKind;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  jobId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  full?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  light?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  protected?: string;
}

export class ReviewConfirmFormDto {
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  employeeNumber!: string;
}

export class OfferCheckFormDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  amount!: number;
}

export class JobDepartmentFormDto {
  @IsIn(ATS_KINDS)
  ats!: AtsKind;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  jobId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  department!: string;
}

/** The outcomes report's period (YYYY-MM-DD; `to` exclusive); the current year when absent. */
export class OutcomesReportQueryDto {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;

  @IsOptional()
  @IsIn(['ja', 'en'])
  lang?: 'ja' | 'en';
}

export class TaskDoneFormDto {
  @IsIn(['true', 'false'])
  done!: 'true' | 'false';
}
