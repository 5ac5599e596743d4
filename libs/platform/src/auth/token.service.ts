import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { Role } from './principal';

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  mint(input: { tenantId: string; role: Role; subject: string; name?: string; expiresInSeconds?: number }): string {
    return this.jwt.sign(
      { tid: input.tenantId, role: input.role, name: input.name ?? input.subject },
      { subject: input.subject, issuer: this.config.jwt.issuer, expiresIn: input.expiresInSeconds ?? 8 * 3600, secret: this.config.jwt.secret, algorithm: 'HS256' },
    );
  }
}
