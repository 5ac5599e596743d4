import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EVIDENCE_REASONS, evidenceForViewer, evidenceText, type MatchDecision } from '@comeback/domain';

/** One employment of the applicant's work history, dates as typed (2015-04, 2015/4/1, 平成27年4月, 2015). */
export class WorkHistoryEntryDto {
  @ApiPropertyOptional({ example: '北星商事株式会社' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  company?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ example: '2015-04' }) @IsOptional() @IsString() @MaxLength(40) start_date?: string;
  @ApiPropertyOptional({ example: '2019-03' }) @IsOptional() @IsString() @MaxLength(40) end_date?: string;
}

export class MatchPreviewRequestDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) first_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) last_name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) first_name_kana?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) last_name_kana?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(320, { each: true })
  emails?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  phones?: string[];
  @ApiPropertyOptional({ example: '1990-04-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birth_date must be YYYY-MM-DD' })
  birth_date?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) employee_number?: string;
  @ApiPropertyOptional({ type: [String], description: 'Surnames the applicant had before (旧姓)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  former_family_names?: string[];
  @ApiPropertyOptional({
    type: [WorkHistoryEntryDto],
    description:
      "Work history: an entry naming the company is compared with the registry's hire and leave months",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => WorkHistoryEntryDto)
  work_history?: WorkHistoryEntryDto[];
}

export class MatchEvidenceDto {
  @ApiProperty() field!: string;
  @ApiProperty({ enum: ['agree', 'partial', 'disagree', 'missing'] }) outcome!: string;
  @ApiProperty() weight!: number;
  @ApiProperty({ description: 'What the evidence says, in English' }) detail!: string;
  @ApiProperty({ description: 'The same in Japanese' }) detail_ja!: string;
  @ApiProperty({ enum: EVIDENCE_REASONS, description: 'Machine-readable reason behind detail' })
  reason!: string;
}

export class MatchCandidateDto {
  @ApiProperty() employee_number!: string;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [MatchEvidenceDto] }) evidence!: MatchEvidenceDto[];
}

export class MatchPreviewResponseDto {
  @ApiProperty({ enum: ['match', 'review', 'none'] }) decision!: 'match' | 'review' | 'none';
  @ApiProperty({ nullable: true, type: String }) employee_number!: string | null;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [MatchCandidateDto] }) candidates!: MatchCandidateDto[];
}

/**
 * Evidence describes which fields agreed, never their values. Evidence about sensitive fields (birth date) is
 * HR-only: even "missing" would say whether the registry holds a birth date.
 */
export function toMatchPreviewResponseDto(
  d: MatchDecision,
  opts: { sensitiveEvidence: boolean },
): MatchPreviewResponseDto {
  return {
    decision: d.decision,
    employee_number: d.employeeNumber,
    score: round(d.score),
    candidates: d.candidates.map((c) => ({
      employee_number: c.employeeNumber,
      score: round(c.score),
      evidence: evidenceForViewer(c.evidence, opts.sensitiveEvidence).map((e) => ({
        field: e.field,
        outcome: e.outcome,
        weight: round(e.weight),
        detail: e.detail,
        detail_ja: evidenceText(e, 'ja'),
        reason: e.reason ?? '',
      })),
    })),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
