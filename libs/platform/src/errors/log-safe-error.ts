/**
 * The one place errors are made safe to log. Database errors (TypeORM's QueryFailedError, pg's DatabaseError)
 * carry the query, its parameters and the server's detail ("Key (email)=(…) already exists"): only the SQLSTATE,
 * the schema names and the call stack are kept. Every message has its quoted and parenthesised values masked,
 * since drivers and libraries quote the offending input there.
 */
export interface LogSafeError {
  type: string;
  message: string;
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  stack?: string;
}

const SCHEMA_FIELDS = ['code', 'table', 'column', 'constraint', 'routine'] as const;

export function logSafeError(err: unknown): LogSafeError {
  if (!(err instanceof Error) && (typeof err !== 'object' || err === null))
    return { type: typeof err, message: '[non-error value]' };
  const e = err as Error & Record<string, unknown>;
  const driver = (typeof e.driverError === 'object' && e.driverError !== null ? e.driverError : e) as Record<
    string,
    unknown
  >;
  const out: LogSafeError = {
    type: typeof e.name === 'string' ? e.name : 'Error',
    message: maskValues(typeof e.message === 'string' ? e.message : ''),
  };
  for (const f of SCHEMA_FIELDS) {
    const v = driver[f] ?? e[f];
    if (typeof v === 'string' && v !== '') out[f] = v;
  }
  if (typeof e.stack === 'string') out.stack = stackFrames(e.stack);
  return out;
}

/** `"…"`, `'…'`, `(…)=(…)` and anything after "Key"/"value" in a message become `?`. */
export function maskValues(message: string): string {
  return message
    .replace(/\([^)]*\)=\([^)]*\)/g, '(?)=(?)')
    .replace(/"[^"]*"/g, '"?"')
    .replace(/'[^']*'/g, "'?'")
    .replace(/\b(value|key|input|token)(\s*[:=]\s*)\S+/gi, '$1$2?');
}

/** The frames only: the first line of a stack repeats the (unmasked) message. */
function stackFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
}

/** True for a database error caused by the value the caller sent (SQLSTATE class 22: data exception). */
export function isBadInputDatabaseError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as Record<string, unknown>;
  const code =
    typeof e.driverError === 'object' && e.driverError !== null
      ? (e.driverError as Record<string, unknown>).code
      : e.code;
  return (
    (e.name === 'QueryFailedError' || 'driverError' in e) && typeof code === 'string' && code.startsWith('22')
  );
}
