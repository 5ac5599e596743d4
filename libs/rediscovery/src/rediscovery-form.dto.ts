import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

/** The console's invitation form (the job comes from the URL). */
export class InviteFormDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  employeeNumber!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  message!: string;

  @IsIn(['ja', 'en'])
  language!: 'ja' | 'en';
}
