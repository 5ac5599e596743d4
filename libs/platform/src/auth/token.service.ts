import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { Role } from './principal';

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A token for one person or one named machine client (`subject`), with a fresh `jti` HR can revoke. */
  mint(input: {
    tenantId: string;
    role: Role;
    subject: string;
    name?: string;
    expiresInSeconds?: number;
    sessionId?: string;
  }): string {
    return this.mintWithId(input).token;
  }

  mintWithId(input: {
    tenantId: string;
    role: Role;
    subject: string;
    name?: string;
    expiresInSeconds?: number;
    /** A console session id: the token is then accepted only while that session is live. */
    sessionId?: string;
  }): { token: string; jti: string } {
    const subject = input.subject?.trim();
    if (!subject) throw new Error('A token must name its subject (a person or a named machine client)');
    const jti = randomUUID();
    const token = this.jwt.sign(
      {
        tid: input.tenantId,
        role: input.role,
        name: input.name ?? subject,
        ...(input.sessionId ? { sid: input.sessionId } : {}),
      },
      {
        subject,
        jwtid: jti,
        issuer: this.config.jwt.issuer,
        expiresIn: input.expiresInSeconds ?? 8 * 3600,
        secret: this.config.jwt.secret,
        algorithm: 'HS256',
      },
    );
    return { token, jti };
  }
}
