import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ROLES, type Role } from '@comeback/platform';
import type { MachineTokenRow } from '@comeback/platform';
import {
  PERSON_LANGUAGES,
  PERSON_ROLES,
  type InvitationEntity,
  type PersonEntity,
  type PersonLanguage,
  type PersonRole,
} from './entities/person.entity';

const trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const formBoolean = () =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === 'on' ? true : value === 'false' ? false : value,
  );

// --- console forms

export class PasswordSignInFormDto {
  @trimmed() @IsString() @MaxLength(100) tenant!: string;
  @trimmed() @IsString() @MaxLength(254) email!: string;
  @IsString() @MaxLength(200) password!: string;
}

export class ResetRequestFormDto {
  @trimmed() @IsString() @MaxLength(100) tenant!: string;
  @trimmed() @IsString() @MaxLength(254) email!: string;
}

export class ResetConfirmFormDto {
  @IsString() @MaxLength(100) token!: string;
  @IsOptional() @IsString() @MaxLength(100) tenant?: string;
  @IsString() @MaxLength(200) password!: string;
}

export class InvitationAcceptFormDto {
  @IsString() @MaxLength(100) token!: string;
  @IsOptional() @IsString() @MaxLength(100) tenant?: string;
  @IsOptional() @IsString() @MaxLength(200) displayName?: string;
  @IsString() @MaxLength(200) password!: string;
}

export class RoleFormDto {
  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES)
  role!: PersonRole;
}

export class LinkQueryDto {
  @IsOptional() @IsString() @MaxLength(100) token?: string;
  @IsOptional() @IsString() @MaxLength(100) tenant?: string;
  @IsOptional() @IsString() @MaxLength(30) error?: string;
  @IsOptional() @IsString() @MaxLength(30) done?: string;
  @IsOptional() @IsString() @MaxLength(30) flash?: string;
  @IsOptional() @IsString() @MaxLength(100) invitation?: string;
  @IsOptional() @IsString() @MaxLength(5) lang?: string;
}

// --- REST API

export class InvitationRequestDto {
  @ApiProperty({ example: 'hanako.sato@example.co.jp' })
  @trimmed()
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: '佐藤 花子' })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES)
  role!: PersonRole;

  @ApiProperty({ enum: PERSON_LANGUAGES })
  @IsIn(PERSON_LANGUAGES)
  language!: PersonLanguage;
}

export class PersonResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: PERSON_LANGUAGES }) language!: PersonLanguage;
  @ApiProperty({ enum: PERSON_ROLES }) role!: PersonRole;
  @ApiProperty({ enum: ['active', 'deactivated'] }) status!: string;
  @ApiProperty() hasPassword!: boolean;
  @ApiProperty() createdAt!: string;
}

export function toPersonDto(p: PersonEntity): PersonResponseDto {
  return {
    id: p.id,
    email: p.email,
    displayName: p.displayName,
    language: p.language,
    role: p.role,
    status: p.status,
    hasPassword: p.passwordHash !== null,
    createdAt: p.createdAt.toISOString(),
  };
}

export class InvitationResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: PERSON_ROLES }) role!: PersonRole;
  @ApiProperty({ enum: PERSON_LANGUAGES }) language!: PersonLanguage;
  @ApiProperty() expiresAt!: string;
}

export function toInvitationDto(i: InvitationEntity): InvitationResponseDto {
  return {
    id: i.id,
    email: i.email,
    displayName: i.displayName,
    role: i.role,
    language: i.language,
    expiresAt: i.expiresAt.toISOString(),
  };
}

export class SsoSettingsDto {
  @ApiProperty({ example: 'https://login.microsoftonline.com/<tenant id>/v2.0' })
  @trimmed()
  @IsString()
  @MaxLength(500)
  issuer!: string;

  @ApiProperty() @trimmed() @IsString() @MinLength(1) @MaxLength(300) clientId!: string;

  @ApiProperty({ description: 'Stored encrypted; never returned' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  clientSecret!: string;

  @ApiPropertyOptional({ description: 'Refuse password sign-in for this tenant', default: false })
  @IsOptional()
  @formBoolean()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({
    description:
      'Accept the e-mail claim without email_verified (Entra ID often sends none). Only for the company’s own directory',
    default: false,
  })
  @IsOptional()
  @formBoolean()
  @IsBoolean()
  trustUnverifiedEmail?: boolean;
}

export class SsoSettingsResponseDto {
  @ApiProperty() configured!: boolean;
  @ApiPropertyOptional() issuer?: string;
  @ApiPropertyOptional() clientId?: string;
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional() trustUnverifiedEmail?: boolean;
  @ApiProperty({ description: 'The redirect URI to register at the provider' }) redirectUri!: string;
}

export class MachineTokenRequestDto {
  @ApiProperty({ example: 'ats-sync' })
  @trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: ROLES, default: 'integration' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ default: 90, minimum: 1, maximum: 366 })
  @IsOptional()
  @Type(() => Number) // the console's form posts it as text
  @IsInt()
  @Min(1)
  @Max(366)
  expiresInDays?: number;
}

export class MachineTokenResponseDto {
  @ApiProperty() jti!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() revoked!: boolean;
}

export function toMachineTokenDto(t: MachineTokenRow): MachineTokenResponseDto {
  return {
    jti: t.jti,
    name: t.name,
    role: t.role,
    createdBy: t.createdBy,
    createdAt: new Date(t.createdAt).toISOString(),
    expiresAt: new Date(t.expiresAt).toISOString(),
    revoked: t.revoked,
  };
}

export class MachineTokenCreatedDto {
  @ApiProperty() jti!: string;
  @ApiProperty({ description: 'Shown once: store it now' }) token!: string;
  @ApiProperty() expiresAt!: string;
}

export class PersonIdParamDto {
  @IsUUID() id!: string;
}
