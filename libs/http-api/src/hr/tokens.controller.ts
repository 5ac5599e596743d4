import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, Principal, TokenRevocationService } from '@comeback/platform';

@ApiTags('tokens')
@Controller('api/v1/tokens')
@Authenticated('hr_admin')
export class TokensController {
  constructor(private readonly revocations: TokenRevocationService) {}

  /** Revokes one token of this tenant by its `jti` (printed when it was minted): refused from then on. Audited. */
  @Delete(':jti')
  @HttpCode(204)
  async revoke(@CurrentPrincipal() p: Principal, @Param('jti') jti: string): Promise<void> {
    await this.revocations.revoke(p, jti);
  }
}
