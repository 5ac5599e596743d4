import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { AlumnusEntity } from './alumnus.entity';

/** In the body, not the path: a former employee number never appears in a URL (URLs reach access logs). */
export class LiftSuppressionDto {
  @ApiProperty({ description: "The erased person's former employee number" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  employeeNumber!: string;
}

export class SearchAlumniQueryDto {
  @ApiPropertyOptional({ description: 'Name, reading or employee number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['all-or-nothing', 'valid-rows'], default: 'all-or-nothing' })
  @IsOptional()
  @IsIn(['all-or-nothing', 'valid-rows'])
  mode: 'all-or-nothing' | 'valid-rows' = 'all-or-nothing';

  @ApiPropertyOptional({ enum: ['auto', 'utf-8', 'shift_jis', 'cp932'], default: 'auto' })
  @IsOptional()
  @IsIn(['auto', 'utf-8', 'shift_jis', 'cp932'])
  encoding: 'auto' | 'utf-8' | 'shift_jis' | 'cp932' = 'auto';
}

/** What every role allowed into the registry may see. */
export class AlumnusSummaryDto {
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty({ nullable: true, type: String }) familyNameKana!: string | null;
  @ApiProperty({ nullable: true, type: String }) givenNameKana!: string | null;
  @ApiProperty({ type: [String] }) previousFamilyNames!: string[];
  @ApiProperty() hireDate!: string;
  @ApiProperty() leaveDate!: string;
  @ApiProperty({ nullable: true, type: String }) department!: string | null;
  @ApiProperty({ nullable: true, type: String }) jobTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) jobLevel!: string | null;
  @ApiProperty() networkOptIn!: boolean;
}

/** Contact details and skills: needed to act on a match, not sensitive in the sense of the policy. */
export class AlumnusDetailDto extends AlumnusSummaryDto {
  @ApiProperty({ type: [String] }) emails!: string[];
  @ApiProperty({ type: [String] }) phones!: string[];
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({ description: 'The manager’s view at exit' }) rehireRecommendation!: string;
  @ApiPropertyOptional({ description: 'hr_admin only', nullable: true, type: String }) birthDate?:
    string | null;
  @ApiPropertyOptional({ description: 'hr_admin only' }) departureReason?: string;
  @ApiPropertyOptional({ description: 'hr_admin only', nullable: true, type: Number }) lastBaseSalary?:
    number | null;
  @ApiPropertyOptional({ description: 'hr_admin only' }) performanceRatings?: {
    year: number;
    rating: string;
  }[];
}

export class AlumniPageDto {
  @ApiProperty({ type: [AlumnusSummaryDto] }) items!: AlumnusSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export function toAlumnusSummaryDto(a: AlumnusEntity): AlumnusSummaryDto {
  return {
    employeeNumber: a.employeeNumber,
    familyName: a.familyName,
    givenName: a.givenName,
    familyNameKana: a.familyNameKana,
    givenNameKana: a.givenNameKana,
    previousFamilyNames: a.previousFamilyNames,
    hireDate: a.hireDate,
    leaveDate: a.leaveDate,
    department: a.department,
    jobTitle: a.jobTitle,
    jobLevel: a.jobLevel,
    networkOptIn: a.networkOptIn,
  };
}

/** Sensitive fields are added only when the caller may see them; the mapper is the single gate. */
export function toAlumnusDetailDto(a: AlumnusEntity, withSensitive: boolean): AlumnusDetailDto {
  const base: AlumnusDetailDto = {
    ...toAlumnusSummaryDto(a),
    emails: a.emails,
    phones: a.phones,
    skills: a.skills,
    rehireRecommendation: a.rehireRecommendation,
  };
  if (!withSensitive) return base;
  return {
    ...base,
    birthDate: a.birthDate,
    departureReason: a.departureReason,
    lastBaseSalary: a.lastBaseSalary,
    performanceRatings: a.performanceRatings,
  };
}
