import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ATS_KINDS, type AtsKind } from '@comeback/ats';

export class InviteDto {
  @ApiProperty({ enum: ATS_KINDS })
  @IsIn(ATS_KINDS)
  ats!: AtsKind;

  @ApiProperty({ example: '4012' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  jobId!: string;

  @ApiProperty({ example: 'E1' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  employeeNumber!: string;

  @ApiProperty({ description: 'The personal message, in the e-mail as written.', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  message!: string;

  @ApiPropertyOptional({ enum: ['ja', 'en'], default: 'ja', description: "The person's language (e-mail)." })
  @IsOptional()
  @IsIn(['ja', 'en'])
  language?: 'ja' | 'en';
}

export class RediscoveryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class FunnelQueryDto {
  @ApiProperty({ example: '2026-10-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from!: string;

  @ApiProperty({ example: '2027-01-01', description: 'Exclusive.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to!: string;
}
