import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AtsCredentialStore, AtsKind, StoredAtsTokens } from '@comeback/ats';
import { SecretBox } from '@comeback/platform';
import { Repository } from 'typeorm';
import { AtsConnectionEntity } from './ats-connection.entity';
import { sealContext } from './seal-context';

/**
 * OAuth2 tokens of a connection, sealed in its row, so that every process uses the pair the token endpoint
 * issued last (a refresh rotates the refresh token and revokes the old one).
 */
@Injectable()
export class AtsCredentialsRepository extends AtsCredentialStore {
  constructor(
    @InjectRepository(AtsConnectionEntity) private readonly repo: Repository<AtsConnectionEntity>,
    private readonly box: SecretBox,
  ) {
    super();
  }

  async load(tenantId: string, kind: AtsKind): Promise<StoredAtsTokens | null> {
    const row = await this.repo.findOne({
      where: { tenantId, kind },
      select: { id: true, refreshTokenSealed: true, accessTokenSealed: true, accessTokenExpiresAt: true },
    });
    if (!row?.refreshTokenSealed) return null;
    return {
      refreshToken: this.box.open(row.refreshTokenSealed, sealContext(tenantId, kind, 'refresh_token')),
      accessToken: row.accessTokenSealed
        ? this.box.open(row.accessTokenSealed, sealContext(tenantId, kind, 'access_token'))
        : null,
      accessTokenExpiresAt: row.accessTokenExpiresAt,
    };
  }

  async save(tenantId: string, kind: AtsKind, tokens: StoredAtsTokens): Promise<void> {
    await this.repo.update(
      { tenantId, kind },
      {
        refreshTokenSealed: this.box.seal(tokens.refreshToken, sealContext(tenantId, kind, 'refresh_token')),
        accessTokenSealed: tokens.accessToken
          ? this.box.seal(tokens.accessToken, sealContext(tenantId, kind, 'access_token'))
          : null,
        accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      },
    );
  }
}
