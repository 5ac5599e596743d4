import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { isStorableText, ValidationFailedException } from '@comeback/platform';

function firstBadPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path || '/';
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const at = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!isStorableText(k)) return at;
    const bad = firstBadPath(v, at, depth + 1);
    if (bad) return bad;
  }
  return null;
}

/**
 * Request bodies and queries of the API and console must not carry NUL or unpaired UTF-16 surrogates: PostgreSQL
 * refuses them in text and jsonb, so they would end as a 5xx half-way through a write. Refused up front with a
 * 400 that names the field. (Webhooks are exempt: a verified delivery is stored with U+FFFD instead.)
 */
@Injectable()
export class StorableInputInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!req.path.startsWith('/webhooks/')) {
      const bad = firstBadPath(req.body, '') ?? firstBadPath(req.query, '') ?? firstBadPath(req.params, '');
      if (bad)
        throw new ValidationFailedException('Text must not contain NUL characters or unpaired surrogates', {
          problems: [{ path: bad, code: 'invalid_text' }],
        });
    }
    return next.handle();
  }
}
