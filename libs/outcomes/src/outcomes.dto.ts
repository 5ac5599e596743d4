import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, Matches } from 'class-validator';

export class OutcomesReportPeriodDto {
  @ApiPropertyOptional({ description: 'First day (YYYY-MM-DD); default 1 January of this year' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  @ApiPropertyOptional({
    description: 'Day after the last (YYYY-MM-DD, exclusive); default 1 January next year',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;
}

export class ReonboardingTaskDoneDto {
  @ApiProperty({ description: 'true: done; false: open again' })
  @IsBoolean()
  done!: boolean;
}
