import { HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  GH_ERROR_MESSAGES,
  GH_INVALID_QUERY_MESSAGE,
  GH_QUERY_PARAMS,
  GH_MAX_IDS_PER_FILTER,
  GH_PER_PAGE_DEFAULT,
  GH_PER_PAGE_MAX,
} from './contract.constants';

export type HarvestQuery = Record<string, string | string[]>;
export type HarvestFieldError = string | Record<string, string>;

/** Harvest's error body: `{message, errors}` with string or `{field: message}` entries. */
export function harvestError(
  status: number,
  errors: HarvestFieldError[] = [],
  message?: string,
): HttpException {
  const fallback =
    status === 404
      ? GH_ERROR_MESSAGES.notFound
      : status === 401
        ? GH_ERROR_MESSAGES.unauthorized
        : GH_ERROR_MESSAGES.unprocessable;
  return new HttpException({ message: message ?? fallback, errors }, status);
}

export function readQuery(req: Request): HarvestQuery {
  const out: HarvestQuery = {};
  for (const [k, v] of Object.entries(req.query as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export function queryString(q: HarvestQuery, key: string): string | undefined {
  const v = q[key];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

/** Plural id filters: comma-separated (repeated parameters are joined), integers, at most 50. */
export function queryIds(q: HarvestQuery, key: string): number[] | undefined {
  const raw = q[key];
  if (raw === undefined) return undefined;
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.some((p) => !/^\d+$/.test(p)))
    throw harvestError(422, [{ [key]: 'must be a comma-separated list of integer ids' }]);
  if (parts.length > GH_MAX_IDS_PER_FILTER)
    throw harvestError(422, [{ [key]: `accepts at most ${GH_MAX_IDS_PER_FILTER} ids` }]);
  return parts.map(Number);
}

export function queryBoolean(q: HarvestQuery, key: string): boolean | undefined {
  const v = queryString(q, key);
  if (v === undefined) return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw harvestError(422, [{ [key]: 'must be true or false' }]);
}

interface CursorState {
  r: string;
  q: HarvestQuery;
  o: number;
  p: number;
}

/**
 * Cursor pagination as Harvest v3 does it: the first request carries filters and `per_page`, the next
 * page is `Link: <…?cursor=…>; rel="next"`, and a request with `cursor` may carry nothing else. The
 * cursor is opaque to clients; here it holds the original query and the offset.
 */
export function paginate<T>(
  req: Request,
  res: Response,
  resource: string,
  list: (q: HarvestQuery) => T[],
): T[] {
  const query = readQuery(req);
  const allowed = GH_QUERY_PARAMS[resource] ?? [];
  const unknown = Object.keys(query).filter((k) => !allowed.includes(k));
  if (unknown.length)
    throw harvestError(
      422,
      unknown.map((k) => ({ [k]: 'is not a permitted query parameter' })),
      GH_INVALID_QUERY_MESSAGE,
    );
  let state: CursorState;
  if (query.cursor !== undefined) {
    if (Object.keys(query).length > 1)
      throw harvestError(422, [{ cursor: 'must be the only query parameter' }]);
    state = decodeCursor(queryString(query, 'cursor') ?? '', resource);
  } else {
    state = { r: resource, q: query, o: 0, p: perPage(query) };
  }
  const items = list(state.q);
  const page = items.slice(state.o, state.o + state.p);
  if (state.o + state.p < items.length) {
    const cursor = Buffer.from(JSON.stringify({ ...state, o: state.o + state.p })).toString('base64url');
    const path = req.originalUrl.split('?')[0];
    res.setHeader(
      'Link',
      `<${req.protocol}://${req.get('host') ?? 'localhost'}${path}?cursor=${cursor}>; rel="next"`,
    );
  }
  return page;
}

function perPage(q: HarvestQuery): number {
  const raw = queryString(q, 'per_page');
  if (raw === undefined) return GH_PER_PAGE_DEFAULT;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= GH_PER_PAGE_MAX))
    throw harvestError(422, [{ per_page: `must be an integer from 1 to ${GH_PER_PAGE_MAX}` }]);
  return n;
}

function decodeCursor(raw: string, resource: string): CursorState {
  try {
    const s = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<CursorState>;
    if (
      s.r === resource &&
      typeof s.o === 'number' &&
      typeof s.p === 'number' &&
      typeof s.q === 'object' &&
      s.q !== null
    ) {
      return { r: s.r, q: s.q, o: s.o, p: s.p };
    }
  } catch {
    // fall through: an unreadable cursor is the client's error, not ours
  }
  throw harvestError(422, [{ cursor: 'is invalid' }]);
}
