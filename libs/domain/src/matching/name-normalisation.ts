import { toRomaji } from 'wanakana';

/** Folded since match-key version 4: 濵田/浜田, 栁田/柳田, 曾根/曽根, 峯岸/峰岸, 凜/凛 … */
const VARIANT_KANJI_SINCE_V4: Readonly<Record<string, string>> = {
  濵: '浜',
  栁: '柳',
  曾: '曽',
  莊: '荘',
  靜: '静',
  峯: '峰',
  凜: '凛',
};

/**
 * Variant (itaiji / kyūjitai) kanji that NFKC leaves alone, mapped to the form most registries use.
 * People type whichever their IME offers, HR systems keep whatever was on the form, so both sides are
 * folded before comparing. Only pairs that are genuinely written interchangeably in personal names are
 * listed: merging distinct names would create false agreements.
 */
export const VARIANT_KANJI: Readonly<Record<string, string>> = {
  髙: '高', // hashigo-daka
  﨑: '崎', // tatsu-saki (U+FA11 has no NFKC decomposition)
  嵜: '崎',
  碕: '崎',
  邊: '辺',
  邉: '辺',
  齋: '斎',
  齊: '斎',
  // 斉 and 斎 are distinct characters, but 斉藤/斎藤/齋藤 are the same Saitō to the person typing.
  斉: '斎',
  澤: '沢',
  濱: '浜',
  廣: '広',
  嶋: '島',
  嶌: '島',
  櫻: '桜',
  國: '国',
  // 籐 (rattan) is a common IME slip for 藤 in surnames; no real surname uses 籐 distinctly.
  籐: '藤',
  德: '徳',
  眞: '真',
  惠: '恵',
  榮: '栄',
  龍: '竜',
  黑: '黒',
  冨: '富',
  '𠮷': '吉',
  實: '実',
  藏: '蔵',
  淺: '浅',
  關: '関',
  壽: '寿',
  圓: '円',
  萬: '万',
  彌: '弥',
  禮: '礼',
  豐: '豊',
  亞: '亜',
  曉: '暁',
  瀨: '瀬',
  舘: '館',
  槇: '槙',
  桒: '桑',
  籠: '篭',
  戶: '戸',
  ...VARIANT_KANJI_SINCE_V4,
};

/** A regular expression matching any of the keys (longest first: '𠮷' is two code units). */
function variantRe(table: Readonly<Record<string, string>>): RegExp {
  return new RegExp(
    `(${Object.keys(table)
      .sort((a, b) => b.length - a.length)
      .join('|')})`,
    'gu',
  );
}

const VARIANT_RE = variantRe(VARIANT_KANJI);
/** The fold before match-key version 4, for erasure suppression keys stored then (match-keys.ts). */
const VARIANT_RE_V3 = variantRe(
  Object.fromEntries(Object.entries(VARIANT_KANJI).filter(([k]) => !(k in VARIANT_KANJI_SINCE_V4))),
);

const HAN_RE = /\p{Script=Han}/u;
const KANA_RE = /[\u30a0-\u30ff\u3040-\u309f]/u;
const LATIN_RE = /[a-z]/iu;

export type NameScript = 'kanji' | 'kana' | 'latin' | 'none';

/** NFKC (width, half-width katakana, U+3000 → space), trimmed, inner whitespace collapsed. */
export function normaliseWidth(input: string | null | undefined): string {
  if (!input) return '';
  return input.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Hiragana → katakana by code point, so romaji input is never touched (wanakana would convert it). */
export function hiraganaToKatakana(input: string): string {
  return input.replace(/[\u3041-\u3096\u309d\u309e]/gu, (ch) =>
    String.fromCodePoint(ch.codePointAt(0)! + 0x60),
  );
}

export function foldVariantKanji(input: string): string {
  return foldVariants(input, VARIANT_RE);
}

function foldVariants(input: string, re: RegExp): string {
  // 々 repeats the previous kanji: 佐々木 and 佐佐木 are the same name.
  return input.replace(re, (m) => VARIANT_KANJI[m] ?? m).replace(/(.)々/gu, '$1$1');
}

export function detectScript(text: string): NameScript {
  if (HAN_RE.test(text)) return 'kanji';
  if (KANA_RE.test(text)) return 'kana';
  if (LATIN_RE.test(text)) return 'latin';
  return 'none';
}

/** Ō → O, é → e; only Latin letters, because NFD would also split kana dakuten (グ → ク + ゙). */
export function stripLatinDiacritics(input: string): string {
  return input.replace(/[\u00c0-\u024f\u1e00-\u1eff]/gu, (ch) => ch.normalize('NFD').replace(/\p{M}/gu, ''));
}

/**
 * One name part (family or given) in canonical written form: NFKC, variant kanji folded,
 * katakana, lower-case latin without diacritics, no spaces or separators.
 */
export function normaliseNamePart(input: string | null | undefined): string {
  return normaliseNamePartFolding(input, VARIANT_RE);
}

function normaliseNamePartFolding(input: string | null | undefined, variants: RegExp): string {
  const base = stripLatinDiacritics(
    foldVariants(hiraganaToKatakana(normaliseWidth(input)), variants).toLowerCase(),
  );
  // Separators inside a name (ジョン・スミス, O'Brien, Smith-Jones) are spelling, not identity.
  return base.replace(/[\s・·.'’\-‐_,]/gu, '');
}

/**
 * A name part as match keys before version 4 wrote it (fewer variant kanji folded, no bracketed notes read):
 * erasure suppression hashes are never re-derived, so the keys they were made from are given too.
 */
export function normaliseNamePartV3(input: string | null | undefined): string {
  return normaliseNamePartFolding(input, VARIANT_RE_V3);
}

/** Katakana (or hiragana) reading → Hepburn romaji via wanakana. */
export function kanaToRomaji(kana: string): string {
  return toRomaji(hiraganaToKatakana(normaliseWidth(kana)));
}

/**
 * Canonical romaji "skeleton" that merges the ways one Japanese name is romanised:
 * passport Hepburn without long vowels (Ono, Sato), Oh-style (Ohno, Satoh), wapuro (Oono, Satou),
 * Kunrei (si, tu, ti, hu, zi), n/m before labials, and doubled letters. It is deliberately lossy
 * (小野 and 大野 both become "ono"); name weights use the registry frequency of the skeleton, so the loss
 * shows up as a smaller weight, not as a false certainty.
 */
export function romajiSkeleton(romaji: string): string {
  return skeleton(romaji, false);
}

/**
 * The skeleton as match-key version 1 derived it (`oh` before `ou`, no early collapse of doubled letters).
 * Only for erasure: hashes stored then cannot be re-derived, so a source row is also checked against these.
 */
export function romajiSkeletonV1(romaji: string): string {
  return skeleton(romaji, true);
}

function skeleton(romaji: string, v1: boolean): string {
  let s = stripLatinDiacritics(normaliseWidth(romaji).toLowerCase()).replace(/[^a-z]/gu, '');
  // Doubled letters first as well: Yohhei (Oh-style ヨウヘイ) must reach the oh rule as Yohei.
  if (!v1) s = s.replace(/(.)\1+/gu, '$1');
  s = s
    .replace(/tch/gu, 'tt')
    .replace(/sh(?=i)/gu, 's')
    .replace(/sh/gu, 'sy')
    .replace(/ch(?=i)/gu, 't')
    .replace(/ch/gu, 'ty')
    .replace(/ts(?=u)/gu, 't')
    .replace(/dz/gu, 'z')
    .replace(/d(?=[iu])/gu, 'z')
    .replace(/j(?=i)/gu, 'z')
    .replace(/jy?/gu, 'zy')
    .replace(/f(?=u)/gu, 'h');
  // Wapuro long o first (Satou, Kouhei), then Oh-style (Ohno, Satoh, Kurohe for クロウエ), applied
  // everywhere, also before a vowel: both sides pass through here, so オハラ and Oara merely collide, while
  // Kurohe/Kuroue/Kuroe all meet. In the other order (version 1) コウヘイ (kouhei → kohei) kept an h that the
  // passport spelling Kohei lost (koei): every Kohei, Yohei, Shohei written in romaji missed its kana record.
  s = v1 ? s.replace(/oh/gu, 'o').replace(/ou/gu, 'o') : s.replace(/ou/gu, 'o').replace(/oh/gu, 'o');
  return s.replace(/n(?=[bmp])/gu, 'm').replace(/(.)\1+/gu, '$1');
}

/** Skeleton of a name part written in kana or latin letters; null for kanji (no reading without a dictionary). */
export function nameSkeleton(input: string | null | undefined): string | null {
  return nameSkeletonWith(input, romajiSkeleton);
}

/** nameSkeleton as match-key version 1 derived it (see romajiSkeletonV1): for erasure checks only. */
export function nameSkeletonV1(input: string | null | undefined): string | null {
  return nameSkeletonWith(input, romajiSkeletonV1);
}

function nameSkeletonWith(
  input: string | null | undefined,
  fromRomaji: (romaji: string) => string,
): string | null {
  const text = normaliseWidth(input);
  if (!text) return null;
  const script = detectScript(text);
  if (script === 'kana') return fromRomaji(kanaToRomaji(text)) || null;
  if (script === 'latin') return fromRomaji(text) || null;
  return null;
}

/**
 * Optimal string alignment distance capped at 2 (one typo = insertion, deletion, substitution or
 * adjacent swap). Used on skeletons to tell a typing slip from a different name.
 */
export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 1) return 2;
  const prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return Math.min(prev[b.length], 2);
}
