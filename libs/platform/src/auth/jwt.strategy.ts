import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Principal, ROLES, Role } from './principal';
import { SessionCheckRegistry } from './session-check.registry';
import { TokenRevocationService } from './token-revocation.service';

interface TokenClaims {
  sub?: string;
  jti?: string;
  tid: string;
  role: string;
  name?: string;
  /** A console session (people lib): checked live on every request. */
  sid?: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly revocations: TokenRevocationService,
    private readonly sessions: SessionCheckRegistry,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([
        ExtractJwt.fromAuthHeaderAsBearerToken(),
        // The console keeps the token in a cookie so server-rendered pages work without scripts. Accepted
        // under /console only: the REST API takes bearer tokens, so a cookie can never act for a browser there.
        (req: { originalUrl?: string; url?: string; headers: { cookie?: string } }) =>
          isConsolePath(req.originalUrl ?? req.url ?? '')
            ? readCookie(req.headers.cookie, CONSOLE_SESSION_COOKIE)
            : null,
      ]),
      secretOrKey: config.jwt.secret,
      issuer: config.jwt.issuer,
      algorithms: ['HS256'],
    });
  }

  /** A token must name its subject and carry a jti that HR has not revoked (expiry is checked by passport-jwt). */
  async validate(claims: TokenClaims): Promise<Principal | false> {
    if (!claims.tid || !(ROLES as readonly string[]).includes(claims.role)) return false;
    if (typeof claims.sub !== 'string' || claims.sub.trim() === '' || typeof claims.jti !== 'string')
      return false;
    if (await this.revocations.isRevoked(claims.tid, claims.jti)) return false;
    if (claims.sid !== undefined) {
      if (typeof claims.sid !== 'string') return false;
      const live = await this.sessions.check(claims.tid, claims.sid, claims.sub);
      if (!live) return false;
      return {
        subject: live.personId,
        tenantId: claims.tid,
        role: live.role,
        name: live.name,
        personId: live.personId,
        email: live.email,
        sessionId: claims.sid,
      };
    }
    return {
      subject: claims.sub,
      tenantId: claims.tid,
      role: claims.role as Role,
      name: claims.name ?? claims.sub,
    };
  }
}

/** The console's session cookie (`__Host-`: Secure, Path=/, no Domain; see console-support.ts). */
export const CONSOLE_SESSION_COOKIE = '__Host-comeback_session';

function isConsolePath(url: string): boolean {
  return url === '/console' || url.startsWith('/console/') || url.startsWith('/console?');
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}
