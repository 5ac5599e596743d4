import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, MaxLength, MinLength } from 'class-validator';

export class SaveHrisConnectionDto {
  @ApiProperty({ example: 'https://acme.smarthr.jp/api/v1' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  apiBaseUrl!: string;

  @ApiProperty({ description: 'SmartHR access token (Bearer)', writeOnly: true })
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  accessToken!: string;

  @ApiProperty({
    description: 'The webhook secret token set in SmartHR (sent as X-SmartHR-Token)',
    writeOnly: true,
  })
  @IsString()
  @MinLength(16)
  @MaxLength(500)
  webhookToken!: string;
}

export class HrisConnectionViewDto {
  @ApiProperty() kind!: string;
  @ApiProperty() apiBaseUrl!: string;
  @ApiProperty() updatedAt!: string;
}
