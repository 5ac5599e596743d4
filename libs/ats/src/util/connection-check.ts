import type { ConnectionCheckItem } from '../ats-connector.port';
import type { AtsHttpResponse } from '../http/ats-http-client';

/** What an adapter's connection check may call: a GET whose refusals come back as answers, not errors. */
export interface CheckReader {
  get(path: string, query: Record<string, string | number>): Promise<AtsHttpResponse>;
}

/** The ATS did not answer at all: a network error or an outage, as the HTTP client reports it. */
export function isUnreachable(err: unknown): boolean {
  return (err as { code?: unknown }).code === 'ats_unavailable' || !(err as { code?: unknown }).code;
}

/** The item for an ATS that did not answer. */
export function unreachableItem(check: ConnectionCheckItem['check'], vendor: string): ConnectionCheckItem {
  return {
    ...checkItem(
      check,
      'fail',
      `${vendor} did not answer: check the API address, then run the check again.`,
      `${vendor} から応答がありません。API のアドレスを確認して、もう一度確認してください。`,
    ),
    unreachable: true,
  };
}

/** One line of a connection check with its message in both languages. */
export function checkItem(
  check: ConnectionCheckItem['check'],
  status: ConnectionCheckItem['status'],
  en: string,
  ja: string,
): ConnectionCheckItem {
  return { check, status, message: { en, ja } };
}
