import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Providers where the part after "+" and dots in the local part do not change the mailbox. */
const DOT_AND_PLUS_INSENSITIVE = new Set(['gmail.com', 'googlemail.com']);

/**
 * Free-mail and carrier domains: never a company's own domain, however many alumni use them.
 * (Used when detecting the tenant's corporate domains from the registry.)
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.co.jp', 'yahoo.com', 'ymail.ne.jp', 'icloud.com', 'me.com', 'mac.com', 'outlook.com', 'outlook.jp',
  'hotmail.com', 'hotmail.co.jp', 'live.jp', 'live.com', 'msn.com', 'aol.com', 'docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp',
  'i.softbank.jp', 'ybb.ne.jp', 'nifty.com', 'biglobe.ne.jp', 'ocn.ne.jp', 'so-net.ne.jp', 'protonmail.com', 'proton.me', 'zoho.com',
]);

/** Lower-cased, trimmed; Gmail dots and "+tag" removed; googlemail = gmail. Null if not an address. */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.normalize('NFKC').trim().toLowerCase();
  const at = s.lastIndexOf('@');
  if (at < 1 || at === s.length - 1) return null;
  let local = s.slice(0, at);
  let domain = s.slice(at + 1);
  if (DOT_AND_PLUS_INSENSITIVE.has(domain)) {
    domain = 'gmail.com';
    local = local.split('+')[0].replace(/\./g, '');
  }
  return `${local}@${domain}`;
}

export function emailDomain(normalised: string): string {
  return normalised.slice(normalised.lastIndexOf('@') + 1);
}

/**
 * E.164 with Japan as the default country. The common Japanese shapes (090-1234-5678, 09012345678,
 * +81 90 1234 5678, (090) 1234-5678, full-width digits) take a fast path; anything else goes
 * through libphonenumber. Null when it is not a phone number.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.normalize('NFKC').trim();
  const digits = s.replace(/\D/g, '');
  if (/^0[1-9]\d{8,9}$/.test(digits) && !s.startsWith('+')) return `+81${digits.slice(1)}`;
  if (/^81[1-9]\d{8,9}$/.test(digits) && s.startsWith('+')) return `+${digits}`;
  const parsed = parsePhoneNumberFromString(s, 'JP');
  return parsed?.isPossible() ? parsed.number : null;
}

/** Japanese mobile numbers (070/080/090) belong to one person; landlines are often shared by a household. */
export function isPersonalPhone(e164: string): boolean {
  return /^\+81[789]0\d{8}$/.test(e164);
}

export function normaliseEmployeeNumber(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
  return s || null;
}

export function normaliseBirthDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw.normalize('NFKC').trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}
