// Every response a recruiter or hiring manager gets in the integration and end-to-end tests is scanned for
// sensitive fields (security.md, "How we test it"): `installResponseScan` puts a hook in front of every route
// of an app under test; `test/support/response-scan-setup.ts` fails the test file in `afterAll` when a response
// leaked anything. JSON bodies are walked so each finding names its field path; HTML pages are scanned as text.
import type { NextFunction, Request, Response } from 'express';
import { sensitiveFindings, type SensitivePerson } from './sensitive-scan';

/** Roles whose responses may carry nothing HR-only. */
export const SCANNED_ROLES: ReadonlySet<string> = new Set(['recruiter', 'hiring_manager']);

/** Console labels marked HR-only ("… (HR only)", "…（人事のみ）") never belong on a non-HR page. */
const HR_ONLY_LABELS = ['(HR only)', '（人事のみ）'];

export interface ResponseLeak {
  route: string;
  role: string;
  status: number;
  /** `$.items[0].birthDate` for JSON; `html` or `text` for other bodies. */
  path: string;
  finding: string;
}

interface ScanState {
  leaks: ResponseLeak[];
  people: SensitivePerson[];
  scanned: number;
}

// On globalThis: the setup file and the test file must share it whatever module instances Jest makes.
const KEY = Symbol.for('comeback.response-scan');
function state(): ScanState {
  const g = globalThis as { [KEY]?: ScanState };
  g[KEY] ??= { leaks: [], people: [], scanned: 0 };
  return g[KEY];
}

/** People whose sensitive values (birth date, salaries, departure reason) no scanned response may contain. */
export function watchPeople(people: readonly SensitivePerson[]): void {
  state().people.push(...people);
}

/** The leaks recorded so far (and forgets them): what the `afterAll` of the setup file checks. */
export function takeLeaks(): ResponseLeak[] {
  const s = state();
  const out = s.leaks;
  s.leaks = [];
  return out;
}

/** How many non-HR responses were scanned so far (a test can show the hook ran). */
export function scannedCount(): number {
  return state().scanned;
}

export function resetResponseScan(): void {
  const s = state();
  s.leaks = [];
  s.people = [];
  s.scanned = 0;
}

/** Every finding in a body, with the JSON path where it was found. */
export function findingsWithPaths(
  body: string,
  people: readonly SensitivePerson[],
  contentType = '',
): { path: string; finding: string }[] {
  const out: { path: string; finding: string }[] = [];
  const scanText = (path: string, text: string, values = true) => {
    const names = sensitiveFindings(text);
    for (const finding of names) out.push({ path, finding });
    if (!values) return;
    for (const person of people)
      for (const finding of sensitiveFindings(text, person))
        if (!names.includes(finding)) out.push({ path, finding });
  };
  // Most bodies are clean: one pass over the whole text, and the walk for paths only when it found something.
  if (
    sensitiveFindings(body).length === 0 &&
    people.every((p) => sensitiveFindings(body, p).length === 0) &&
    !HR_ONLY_LABELS.some((l) => body.includes(l))
  )
    return out;
  let parsed: unknown;
  let isJson = false;
  if (/json/.test(contentType) || /^\s*[[{]/.test(body)) {
    try {
      parsed = JSON.parse(body);
      isJson = true;
    } catch {
      isJson = false;
    }
  }
  if (!isJson) {
    const path = /html/.test(contentType) || /^\s*</.test(body) ? 'html' : 'text';
    scanText(path, body);
    for (const label of HR_ONLY_LABELS)
      if (body.includes(label)) out.push({ path, finding: `label ${label}` });
    return out;
  }
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const p = `${path}.${k}`;
        scanText(p, k, false);
        walk(v, p);
      }
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      scanText(path, String(value));
  };
  walk(parsed, '$');
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function routeOf(req: Request): string {
  const path = (req.originalUrl ?? req.url).split('?')[0];
  return `${req.method} ${path}`;
}

/** Express middleware: wraps `res.send` (which `res.json` calls) and scans what a recruiter or hiring manager gets. */
export function responseScanMiddleware(req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = ((body?: unknown) => {
    const role = (req as Request & { user?: { role?: string } }).user?.role;
    if (role && SCANNED_ROLES.has(role) && body !== undefined && body !== null) {
      const s = state();
      s.scanned++;
      const text = Buffer.isBuffer(body)
        ? body.toString('utf8')
        : typeof body === 'string'
          ? body
          : JSON.stringify(body);
      const type = String(res.getHeader('content-type') ?? '');
      // A field the caller sent (e.g. a validation message about their own `birth_date`) tells them nothing new.
      const sent = new Set(Object.keys(isRecord(req.body) ? req.body : {}).map((k) => `field name ${k}`));
      for (const f of findingsWithPaths(text, s.people, type))
        if (!sent.has(f.finding)) s.leaks.push({ route: routeOf(req), role, status: res.statusCode, ...f });
    }
    return send(body);
  }) as Response['send'];
  next();
}

/** Installs the scan in front of every route (call before `listen`/`init`). */
export function installResponseScan(app: { use(...handlers: unknown[]): unknown }): void {
  app.use(responseScanMiddleware);
}

export function describeLeaks(leaks: readonly ResponseLeak[]): string {
  return leaks
    .slice(0, 50)
    .map((l) => `${l.route} as ${l.role} (${l.status}): ${l.path}: ${l.finding}`)
    .join('\n');
}
