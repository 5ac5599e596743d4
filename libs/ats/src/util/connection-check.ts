import type { ConnectionCheckItem } from '../ats-connector.port';
import type { AtsHttpResponse } from '../http/ats-http-client';

/** What an adapter's connection check may call: a GET whose refusals come back as answers, not errors. */
export interface CheckReader {
  get(path: string, query: Record<string, string | number>): Promise<AtsHttpResponse>;
}

/** One line of a connection check with its message in both languages. */
export function checkItem(check: ConnectionCheckItem['check'], status: ConnectionCheckItem['status'], en: string, ja: string): ConnectionCheckItem {
  return { check, status, message: { en, ja } };
}
