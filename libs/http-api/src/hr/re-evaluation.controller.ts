import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal } from '@comeback/platform';
import { ReEvaluationService } from '@comeback/pipeline';

/** Loop 3: re-evaluate open applications after a policy or registry change; the dry run first. */
@ApiTags('applications')
@Controller('api/v1/applications/re-evaluation')
@Authenticated('hr_admin')
export class ReEvaluationController {
  constructor(private readonly reEvaluation: ReEvaluationService) {}

  /** What the active policy and the current registry would decide now; changes nothing. */
  @Post('dry-run')
  @HttpCode(200)
  dryRun(@CurrentPrincipal() p: Principal) {
    return this.reEvaluation.dryRun(p);
  }

  /** Re-decides the changed applications and writes them back (forward moves only, no repeated notes). */
  @Post()
  @HttpCode(200)
  apply(@CurrentPrincipal() p: Principal) {
    return this.reEvaluation.apply(p);
  }
}
