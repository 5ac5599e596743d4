// Console forms of HR's pay pages (offers, pay data, fairness policy) and hiring-manager assignments.
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ATS_KINDS, type AtsKind } from '@comeback/ats';

/** Empty form fields mean "not given". */
const emptyToUndefined = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() === '' ? undefined : value,
  );
const trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class OfferProposalFormDto {
  @emptyToUndefined() @trimmed() @IsOptional() @IsString() @MaxLength(200) jobFamily?: string;
  @emptyToUndefined() @trimmed() @IsOptional() @IsString() @MaxLength(200) jobLevel?: string;
  @emptyToUndefined() @trimmed() @IsOptional() @IsString() @MaxLength(200) location?: string;

  @emptyToUndefined()
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(60)
  yearsOfExperienceAway?: number;
}

export const OFFER_DECISIONS = ['approved', 'declined'] as const;

export class OfferDecisionFormDto {
  @IsIn(OFFER_DECISIONS)
  decision!: (typeof OFFER_DECISIONS)[number];

  @trimmed()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason!: string;
}

export const PAY_DATA_KINDS = ['benchmarks', 'bands', 'incumbents'] as const;
export type PayDataKind = (typeof PAY_DATA_KINDS)[number];

export class PayImportFormDto {
  @IsOptional()
  @IsIn(['auto', 'utf-8', 'shift_jis', 'cp932'])
  encoding: 'auto' | 'utf-8' | 'shift_jis' | 'cp932' = 'auto';

  @emptyToUndefined()
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveDate must be YYYY-MM-DD' })
  effectiveDate?: string;
}

/**
 * The fairness policy form: one text field per editable setting (named by the page's field list) plus the
 * advanced JSON. Values stay strings here: the policy's own validator says what is wrong, at the field.
 */
export class FairnessPolicyFormDto {
  @IsOptional() @IsIn(['validate', 'save', 'json']) intent?: 'validate' | 'save' | 'json';
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @IsOptional() @IsString() @MaxLength(200_000) json?: string;
  @IsOptional() @IsString() @MaxLength(50) wageGrowth_annualRate?: string;
  @IsOptional() @IsString() @MaxLength(50) privacy_minCohort?: string;
  @IsOptional() @IsString() @MaxLength(50) proposal_experienceAwayPercentPerYear?: string;
  @IsOptional() @IsString() @MaxLength(50) proposal_experienceAwayMaxYears?: string;
  @IsOptional() @IsString() @MaxLength(50) proposal_levelDifferencePercentPerStep?: string;
  @IsOptional() @IsString() @MaxLength(50) proposal_levelDifferenceMaxSteps?: string;
  @IsOptional() @IsString() @MaxLength(50) proposal_roundToYen?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_premiumOverIncumbents_enabled?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_premiumOverIncumbents_severity?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_premiumOverIncumbents_tolerancePercent?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_returneePenalty_enabled?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_returneePenalty_severity?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_returneePenalty_tolerancePercent?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_outsideBand_enabled?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_outsideBand_severity?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_unexplainedPay_enabled?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_unexplainedPay_severity?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_unexplainedPay_minCohort?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_unexplainedPay_maxStandardErrors?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_genderGapImpact_enabled?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_genderGapImpact_severity?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_genderGapImpact_thresholdPercent?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_smallCohort_enabled?: string;
  @IsOptional() @IsString() @MaxLength(50) checks_smallCohort_severity?: string;
}

export class JobQueryDto {
  @emptyToUndefined() @IsOptional() @IsIn(ATS_KINDS) ats?: AtsKind;
  @emptyToUndefined() @trimmed() @IsOptional() @IsString() @MaxLength(100) jobId?: string;
}

export class AssignmentFormDto {
  @IsIn(ATS_KINDS) ats!: AtsKind;
  @trimmed() @IsString() @MinLength(1) @MaxLength(100) jobId!: string;
  @trimmed() @IsString() @MinLength(1) @MaxLength(200) subject!: string;
}

export class JobFormDto {
  @IsIn(ATS_KINDS) ats!: AtsKind;
  @trimmed() @IsString() @MinLength(1) @MaxLength(100) jobId!: string;
}
