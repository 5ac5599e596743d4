import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DEPARTURE_REASON_CODES, REHIRE_RECOMMENDATION_VALUES } from '@comeback/domain';
import type { AlumnusEntity } from '../alumni/alumnus.entity';
import type { ExitInterviewEntity, ExitInterviewHistoryEntity } from './exit-interview.entity';

export const RETURN_WISHES = ['someday', 'maybe', 'no'] as const;
export type ReturnWish = (typeof RETURN_WISHES)[number];
export const CONSENT_STATES = ['unknown', 'opted_in', 'declined', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const LEAVER_LANGUAGES = ['ja', 'en'] as const;

/** Fields only HR may set or read (security.md: departure detail and reason code are HR-only). */
export const HR_ONLY_FIELDS = ['interviewerEmail', 'departureCategory', 'hrDetail'] as const;
/** Fields the leaver's manager fills at the interview. */
export const MANAGER_FIELDS = [
  'rehireRecommendation',
  'welcomeBackSaid',
  'regrettable',
  'returnWish',
  'returnAreas',
  'returnRoles',
] as const;

const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
/** HTML forms post "true"/"false"; JSON posts booleans. */
const formBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value;

const trimmedList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(/[,、;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/** What HR (every field) or the named manager (the manager's fields) sets; absent fields stay as they are. */
export class ExitInterviewInputDto {
  @ApiPropertyOptional({ description: 'HR only: the manager who holds the interview (their sign-in e-mail)' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsEmail()
  @MaxLength(254)
  interviewerEmail?: string;

  @ApiPropertyOptional({ description: 'HR only: departure category', enum: DEPARTURE_REASON_CODES })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(DEPARTURE_REASON_CODES)
  departureCategory?: string;

  @ApiPropertyOptional({ description: 'HR only: free-text detail, never shown to anyone but HR' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  hrDetail?: string;

  @ApiPropertyOptional({ enum: REHIRE_RECOMMENDATION_VALUES })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(REHIRE_RECOMMENDATION_VALUES)
  rehireRecommendation?: string;

  @ApiPropertyOptional({ description: 'The manager told them they are welcome back' })
  @IsOptional()
  @Transform(formBoolean)
  @IsBoolean()
  welcomeBackSaid?: boolean;

  @ApiPropertyOptional({ description: 'A regrettable leaver' })
  @IsOptional()
  @Transform(formBoolean)
  @IsBoolean()
  regrettable?: boolean;

  @ApiPropertyOptional({ enum: RETURN_WISHES })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsIn(RETURN_WISHES)
  returnWish?: string;

  @ApiPropertyOptional({ type: [String], description: 'Areas they might come back for' })
  @IsOptional()
  @Transform(trimmedList)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @ArrayMaxSize(20)
  returnAreas?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Roles they might come back for' })
  @IsOptional()
  @Transform(trimmedList)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @ArrayMaxSize(20)
  returnRoles?: string[];
}

export class LeaverLinkRequestDto {
  @ApiPropertyOptional({ description: 'Where to send it (default: the first e-mail on the record)' })
  @IsOptional()
  @Transform(blankToUndefined)
  @IsEmail()
  @MaxLength(254)
  to?: string;

  @ApiPropertyOptional({ enum: LEAVER_LANGUAGES, default: 'ja' })
  @IsOptional()
  @IsIn(LEAVER_LANGUAGES)
  language?: 'ja' | 'en';
}

export class LeaverListQueryDto {
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

/** The manager's part: what the named interviewer may read back. */
export class ExitInterviewManagerDto {
  @ApiProperty() alumnusId!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() leaveDate!: string;
  @ApiProperty({ nullable: true, type: String }) department!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String }) rehireRecommendation!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) welcomeBackSaid!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) regrettable!: boolean | null;
  @ApiProperty({ nullable: true, type: String }) returnWish!: string | null;
  @ApiProperty({ type: [String] }) returnAreas!: string[];
  @ApiProperty({ type: [String] }) returnRoles!: string[];
}

/** HR's view: everything, the leaver's contacts and consent included. */
export class ExitInterviewDto extends ExitInterviewManagerDto {
  @ApiPropertyOptional({ nullable: true, type: String }) interviewerEmail?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) departureCategory?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) hrDetail?: string | null;
  @ApiPropertyOptional({ type: [String] }) personalEmails?: string[];
  @ApiPropertyOptional({ type: [String] }) personalPhones?: string[];
  @ApiPropertyOptional({ enum: CONSENT_STATES }) consent?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) consentAt?: string | null;
  @ApiPropertyOptional() networkOptIn?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) rejoinedAt?: string | null;
}

export class ExitInterviewHistoryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['hr', 'manager', 'leaver'] }) source!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ type: Object }) changes!: Record<string, unknown>;
  @ApiProperty() at!: string;
}

export class LeaverLinkSentDto {
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ enum: LEAVER_LANGUAGES }) language!: string;
}

export function toExitInterviewDto(
  a: AlumnusEntity,
  e: ExitInterviewEntity | null,
  forHr: boolean,
): ExitInterviewDto {
  const base: ExitInterviewManagerDto = {
    alumnusId: a.id,
    employeeNumber: a.employeeNumber,
    familyName: a.familyName,
    givenName: a.givenName,
    leaveDate: a.leaveDate,
    department: a.department,
    version: e?.version ?? 0,
    rehireRecommendation: e?.rehireRecommendation ?? null,
    welcomeBackSaid: e?.welcomeBackSaid ?? null,
    regrettable: e?.regrettable ?? null,
    returnWish: e?.returnWish ?? null,
    returnAreas: e?.returnAreas ?? [],
    returnRoles: e?.returnRoles ?? [],
  };
  if (!forHr) return base;
  return {
    ...base,
    interviewerEmail: e?.interviewerEmail ?? null,
    departureCategory: e?.departureCategory ?? null,
    hrDetail: e?.hrDetail ?? null,
    personalEmails: e?.personalEmails ?? [],
    personalPhones: e?.personalPhones ?? [],
    consent: e?.consent ?? 'unknown',
    consentAt: e?.consentAt ? e.consentAt.toISOString() : null,
    networkOptIn: a.networkOptIn,
    rejoinedAt: a.rejoinedAt,
  };
}

export function toExitInterviewHistoryDto(h: ExitInterviewHistoryEntity): ExitInterviewHistoryDto {
  return {
    version: h.version,
    source: h.source,
    actor: h.actor,
    actorRole: h.actorRole,
    changes: h.changes,
    at: h.createdAt.toISOString(),
  };
}
