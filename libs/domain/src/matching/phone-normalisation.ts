import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A Japanese mobile number (070/080/090) in ASCII, with or without its two hyphens. */
const JP_MOBILE = /^0([789]0)-?(\d{4})-?(\d{4})$/u;

/**
 * E.164 form of a phone number, Japanese numbers by default. 090-1234-5678, 09012345678,
 * +81 90 1234 5678, (090) 1234-5678 and full-width digits all give +819012345678. Null when the
 * input cannot be a phone number.
 */
export function normalisePhone(input: string | null | undefined, defaultCountry: 'JP' = 'JP'): string | null {
  if (!input) return null;
  // Most numbers in a registry are mobiles written 090-1234-5678: their E.164 form without libphonenumber,
  // which takes ~8 µs a number (~6% of an import's Node CPU, measured at 200,000 rows). Same result (spec checks).
  const mobile = JP_MOBILE.exec(input);
  if (mobile) return `+81${mobile[1]}${mobile[2]}${mobile[3]}`;
  const text = input
    .normalize('NFKC')
    .trim()
    // An extension says which desk, not whose phone: 03-1234-5678 内線 12, … ext. 12, … x12.
    .replace(/\s*(?:内線|ext\.?|extension|x)\s*\d+$/iu, '')
    // Dialled from abroad (00 81 …, or 010 81 … from Japan's own international prefix).
    .replace(/^(?:00|010)[\s-]*81(?=[\s\-(]*\d)/u, '+81');
  if (!/\d/u.test(text)) return null;
  // Fillers people type for "no phone" (000-0000-0000, 0120-000-000 …) would otherwise tie strangers together.
  if (
    /^0*$/u.test(
      text
        .replace(/\D/gu, '')
        .replace(/^81/u, '')
        .replace(/^0/u, '')
        .replace(/^(?:120|800)/u, ''),
    )
  )
    return null;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  // isPossible (length) rather than isValid (number ranges): ranges change and a stale table must not drop a match.
  if (parsed?.isPossible()) return parsed.number;
  return null;
}
