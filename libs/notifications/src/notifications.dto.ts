import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  NOTIFICATION_EVENTS,
  type ChatKind,
  type DeliveryMode,
  type Language,
  type NotificationEvent,
} from './notification.types';

export class ChatSettingsDto {
  @ApiProperty({ enum: ['slack', 'teams'] })
  @IsIn(['slack', 'teams'])
  kind!: ChatKind;

  @ApiPropertyOptional({
    description:
      'Incoming-webhook URL (https; hooks.slack.com, *.webhook.office.com, Teams Workflows on *.logic.azure.com or *.environment.api.powerplatform.com). Omit to keep the saved one.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  webhookUrl?: string;

  @ApiProperty({ enum: NOTIFICATION_EVENTS, isArray: true })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @IsIn(NOTIFICATION_EVENTS, { each: true })
  events!: NotificationEvent[];

  @ApiProperty({ enum: ['ja', 'en'] })
  @IsIn(['ja', 'en'])
  language!: Language;
}

export class NotificationSettingsDto {
  @ApiProperty({
    description: 'A review item waiting longer than this (hours) is overdue',
    minimum: 1,
    maximum: 720,
  })
  @IsInt()
  @Min(1)
  @Max(720)
  reviewWaitHours!: number;

  @ApiPropertyOptional({
    type: ChatSettingsDto,
    nullable: true,
    description: 'Slack/Teams channel; null for none',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChatSettingsDto)
  chat?: ChatSettingsDto | null;
}

export class NotificationPreferenceDto {
  @ApiProperty({ description: 'Where e-mail goes' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ enum: ['ja', 'en'] })
  @IsIn(['ja', 'en'])
  language!: Language;

  @ApiProperty({ enum: NOTIFICATION_EVENTS, isArray: true })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @IsIn(NOTIFICATION_EVENTS, { each: true })
  events!: NotificationEvent[];

  @ApiProperty({ enum: ['immediate', 'digest'], description: 'Each item at once, or one daily digest' })
  @IsIn(['immediate', 'digest'])
  mode!: DeliveryMode;
}

export class NotificationRunDto {
  @ApiPropertyOptional({ description: 'Send digests now instead of waiting for the day to pass' })
  @IsOptional()
  @IsBoolean()
  forceDigest?: boolean;
}

/** A checkbox group posts nothing, one value or several: always a list here. */
const asList = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? (value as unknown[]) : typeof value === 'string' && value !== '' ? [value] : [],
  );
const emptyToUndefined = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() === '' ? undefined : value,
  );

/** The console's "my notifications" form. */
export class NotificationPreferenceFormDto {
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @IsIn(['ja', 'en'])
  language!: Language;

  @asList()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @IsIn(NOTIFICATION_EVENTS, { each: true })
  events: NotificationEvent[] = [];

  @IsIn(['immediate', 'digest'])
  mode!: DeliveryMode;
}

/** The console's company-wide notification form (HR). */
export class NotificationSettingsFormDto {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  reviewWaitHours!: number;

  @emptyToUndefined()
  @IsOptional()
  @IsIn(['slack', 'teams'])
  chatKind?: ChatKind;

  @emptyToUndefined()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  webhookUrl?: string;

  @asList()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_EVENTS.length)
  @IsIn(NOTIFICATION_EVENTS, { each: true })
  chatEvents: NotificationEvent[] = [];

  @IsIn(['ja', 'en'])
  chatLanguage!: Language;
}
