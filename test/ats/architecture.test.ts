import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Architecture rule: vendor knowledge (names, routes, header names, wire field names) lives only in the
 * ATS adapters (`libs/ats/src/greenhouse/**`, `libs/ats/src/workable/**`), the simulator (`libs/ats-simulator`)
 * and tests.
 * Everything else speaks the port's words (`AtsApplication`, `AtsEvent`, `AtsKind` …).
 *
 * What is scanned: code, with comments stripped — the rule is about dependencies on a vendor's contract,
 * and a comment that names a vendor creates none. String literals stay in (routes and header names are
 * strings). Our own snake_case REST fields (e.g. `first_name` in the matching API) are ours, so only
 * spellings that are unambiguously a vendor's are listed.
 */
const ROOT = join(__dirname, '..', '..');
/** Every app and every lib is scanned, except these — each named with its reason. */
const EXEMPT: Record<string, string> = {
  'libs/ats/src/greenhouse': 'the Greenhouse adapter: vendor knowledge belongs here',
  'libs/ats/src/workable': 'the Workable adapter: vendor knowledge belongs here',
  'libs/hris/src/smarthr': 'the SmartHR adapter (HR-system port): its vendor knowledge belongs here',
  'libs/ats-simulator':
    'the ATS simulator IS a vendor fake (Greenhouse Harvest and Workable SPI, contract-faithful)',
};
const SCANNED = ['apps', 'libs'].flatMap((top) =>
  readdirSync(join(ROOT, top))
    .filter((name) => statSync(join(ROOT, top, name)).isDirectory())
    .map((name) => `${top}/${name}`)
    .filter((dir) => !(dir in EXEMPT)),
);

const FORBIDDEN: { what: string; re: RegExp }[] = [
  { what: 'vendor name', re: /greenhouse/i },
  { what: 'vendor name', re: /workable/i },
  { what: 'Greenhouse API name', re: /harvest/i },
  { what: 'Greenhouse header', re: /Greenhouse-Event-ID/i },
  { what: 'Workable header', re: /X-Workable-Signature/i },
  { what: 'vendor rate-limit header', re: /X-Rate-?Limit-/i },
  { what: 'Workable route', re: /\/spi\/v3/ },
  { what: 'Harvest route', re: /\/v3\/(applications|candidates|notes|offers|job_interview_stages)/ },
  { what: 'Harvest resource', re: /\bapplication_stages\b|\bjob_interview_stages?\b/ },
  {
    what: 'Harvest field',
    re: /\b(email_addresses|phone_numbers|current_stage|from_stage_id|to_stage_id|candidate_tag_id)\b/,
  },
  {
    what: 'Workable field',
    re: /\b(firstname|lastname|experience_entries|education_entries|target_stage|member_id|stage_slug|shortcode)\b/,
  },
  {
    what: 'vendor webhook action',
    re: /\b(new_candidate_application|candidate_stage_change|offer_created|offer_updated|candidate_created|candidate_moved)\b/,
  },
];

/**
 * Files that may use the bare kind names 'greenhouse' / 'workable' as `AtsKind` values, and why. Kept
 * explicit so a new exception is a reviewed edit here, not a loosened pattern.
 */
const KIND_NAME_ALLOWED: Record<string, string> = {
  'libs/ats/src/ats-connector.port.ts': 'the port defines AtsKind and ATS_KINDS: the kind names themselves',
  'libs/http-api/src/webhooks/webhooks.controller.ts':
    'the `:ats` route parameter is an AtsKind value (validated against ATS_KINDS)',
};
const KIND_NAME = /^(greenhouse|workable)$/i;

/**
 * Files that drive the simulator itself (seed vendor-shaped data through its `/_sim` control API, read its
 * state back). They are simulator tooling, never a production path, so they are exempt as a whole — each
 * one named here with its reason.
 */
const SIMULATOR_DRIVERS: Record<string, string> = {
  'apps/cli/src/commands/demo.command.ts':
    'the demo seeds and inspects the simulator (vendor-shaped control API)',
  'apps/cli/src/commands/bench-pipeline.command.ts':
    'the pipeline benchmark seeds the simulator, signs vendor-shaped deliveries and reads its counters',
  'apps/cli/src/fixtures/pipeline-bench.ts':
    "the pipeline benchmark's helpers read the simulator's per-route call counters",
};

/**
 * The one file outside the adapters that names the adapter classes: it provides them to the registry, so
 * everything else reaches a connector by its AtsKind.
 */
const ADAPTER_WIRING: Record<string, string> = {
  'libs/ats/src/ats.module.ts':
    'provides each adapter class behind AtsConnectorRegistry (the composition root)',
};

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out; // a part that does not exist yet has nothing to violate
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'test' || name === '__tests__') continue;
    if (relative(ROOT, path) in EXEMPT) continue;
    if (statSync(path).isDirectory()) out = out.concat(sourceFiles(path));
    else if (/\.ts$/.test(name) && !/\.(spec|test)\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** Blanks out // and /* *\/ comments, keeping string and template literals and line numbers. */
export function stripComments(src: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i += 2;
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) {
        if (src[i] === '\n') out += '\n';
        i++;
      }
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

interface Hit {
  file: string;
  line: number;
  what: string;
  text: string;
}

export function findVendorIdentifiers(file: string, src: string): Hit[] {
  const hits: Hit[] = [];
  const lines = stripComments(src).split('\n');
  lines.forEach((text, idx) => {
    for (const { what, re } of FORBIDDEN) {
      const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
      for (const m of text.matchAll(global)) {
        const word = wordAround(text, m.index ?? 0, m[0].length);
        if (KIND_NAME_ALLOWED[file] && KIND_NAME.test(word)) continue;
        hits.push({ file, line: idx + 1, what, text: text.trim() });
      }
    }
  });
  return hits;
}

/** The whole identifier-ish token around a match (so 'Greenhouse-Event-ID' is never mistaken for the kind name). */
function wordAround(text: string, start: number, length: number): string {
  let a = start;
  let b = start + length;
  while (a > 0 && /[\w-]/.test(text[a - 1])) a--;
  while (b < text.length && /[\w-]/.test(text[b])) b++;
  return text.slice(a, b);
}

describe('architecture: vendor identifiers stay inside the ATS adapters', () => {
  it('finds none in the apps and libraries', () => {
    const files = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d))).filter(
      (path) => !(relative(ROOT, path) in SIMULATOR_DRIVERS) && !(relative(ROOT, path) in ADAPTER_WIRING),
    );
    const hits = files.flatMap((path) =>
      findVendorIdentifiers(relative(ROOT, path), readFileSync(path, 'utf8')),
    );
    expect(hits.map((h) => `${h.file}:${h.line} ${h.what}: ${h.text}`)).toEqual([]);
  });

  it('names only files and folders that exist in its exemptions', () => {
    const named = [EXEMPT, KIND_NAME_ALLOWED, SIMULATOR_DRIVERS, ADAPTER_WIRING].flatMap((m) =>
      Object.keys(m),
    );
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('catches what it should, and lets comments and allow-listed kind names through', () => {
    const src = [
      "const h = req.headers['greenhouse-event-id'];",
      'const url = `${base}/spi/v3/candidates`;',
      'const n = body.first_name ?? payload.candidate.email_addresses[0];',
      '// Greenhouse escapes non-ASCII before signing',
      "/* Workable lower-cases tags */ const kind: AtsKind = 'workable';",
    ].join('\n');
    const whats = findVendorIdentifiers('libs/pipeline/src/x.ts', src).map((h) => `${h.line}:${h.what}`);
    expect(whats).toEqual([
      '1:vendor name',
      '1:Greenhouse header',
      '2:Workable route',
      '2:Harvest route',
      '3:Harvest field',
      '5:vendor name',
    ]);
    const allowed = findVendorIdentifiers(
      'libs/http-api/src/webhooks/webhooks.controller.ts',
      "@Post(':ats') x = 'greenhouse'; y = 'Greenhouse-Event-ID';",
    );
    expect(allowed.map((h) => h.what)).toEqual(['vendor name', 'Greenhouse header']);
  });
});
