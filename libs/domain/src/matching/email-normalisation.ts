/** Domains whose mailbox ignores dots in the local part and anything after '+'. */
const GMAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com']);

export interface NormalisedEmail {
  /** Comparison form: Gmail dots and +tag removed, googlemail folded into gmail. */
  canonical: string;
  /** Trimmed, lower-cased address, to tell a plain agreement from one that needed Gmail rules. */
  plain: string;
  domain: string;
}

/** Trim, NFKC, lower-case; for Gmail also drop dots and +tag. Null when it is not an address. */
export function normaliseEmail(input: string | null | undefined): NormalisedEmail | null {
  if (!input) return null;
  // "Taro Yamada <taro@example.com>", as mail programs and parsed CVs write an address (＜＞ too; checked
  // before NFKC, which a registry import would otherwise pay twice for every address).
  const angled = /[<＜]/u.test(input) ? /<([^<>]*)>\s*$/u.exec(input.normalize('NFKC')) : null;
  const plain = (angled ? angled[1] : input)
    .normalize('NFKC')
    .trim()
    .replace(/^mailto:/iu, '')
    .toLowerCase();
  const at = plain.lastIndexOf('@');
  if (at <= 0 || at === plain.length - 1 || /\s/u.test(plain)) return null;
  let local = plain.slice(0, at);
  let domain = plain.slice(at + 1).replace(/\.$/u, '');
  // One '@', and a domain with at least one dot between non-empty labels ("taro@example" is not reachable).
  if (local.includes('@') || !/^[^.@]+(\.[^.@]+)+$/u.test(domain)) return null;
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.split('+')[0].replace(/\./gu, '');
    domain = 'gmail.com';
    if (!local) return null;
  }
  return { canonical: `${local}@${domain}`, plain, domain };
}

export function canonicalEmail(input: string | null | undefined): string | null {
  return normaliseEmail(input)?.canonical ?? null;
}

/** True when the address's domain (or a parent domain) is one of the tenant's company domains. */
export function isCorporateEmail(domain: string, corporateDomains: ReadonlySet<string>): boolean {
  let d = domain;
  for (;;) {
    if (corporateDomains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

/**
 * Free-mail and Japanese carrier domains: shared by unrelated people, so never a company domain even
 * when many alumni use them.
 */
export const PUBLIC_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.co.jp',
  'ymail.ne.jp',
  'yahoo.com',
  'hotmail.com',
  'hotmail.co.jp',
  'outlook.com',
  'outlook.jp',
  'live.jp',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'docomo.ne.jp',
  'ezweb.ne.jp',
  'au.com',
  'softbank.ne.jp',
  'i.softbank.jp',
  'ymobile.ne.jp',
  'disney.ne.jp',
  'rakuten.jp',
  'nifty.com',
  'biglobe.ne.jp',
  'ocn.ne.jp',
  'so-net.ne.jp',
  'plala.or.jp',
  'aol.com',
  'protonmail.com',
  'proton.me',
  'mail.com',
  'gmx.com',
  'zoho.com',
  'yandex.com',
  'qq.com',
  '163.com',
  'naver.com',
]);

/** Share of alumni that must hold an address at a domain before it counts as the company's. */
export const CORPORATE_DOMAIN_MIN_SHARE = 0.05;

/**
 * Company domains of the tenant: domains held by a large share of alumni (everyone had a company
 * address), never a public free-mail or carrier domain. domainCounts = number of alumni with at least
 * one address at that domain.
 */
export function detectCorporateDomains(
  domainCounts: ReadonlyMap<string, number>,
  alumniCount: number,
): Set<string> {
  const out = new Set<string>();
  if (alumniCount <= 0) return out;
  // With tiny registries a share means little; demand a few holders so two friends on one ISP don't qualify.
  const minCount = Math.max(3, Math.ceil(alumniCount * CORPORATE_DOMAIN_MIN_SHARE));
  for (const [rawDomain, count] of domainCounts) {
    const domain = rawDomain.trim().toLowerCase();
    if (count >= minCount && !PUBLIC_EMAIL_DOMAINS.has(domain)) out.add(domain);
  }
  return out;
}
