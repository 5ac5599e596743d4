import { isKana, toKatakana, toRomaji } from 'wanakana';

/**
 * Variant (異体字) kanji that NFKC leaves apart but people and HR systems use interchangeably.
 * Each variant maps to the form common in registries; both sides of a comparison go through it.
 */
const VARIANT_KANJI: Record<string, string> = {
  髙: '高', 﨑: '崎', 嵜: '崎', 邊: '辺', 邉: '辺', 齋: '斎', 齊: '斎', 斉: '斎', 澤: '沢', 濱: '浜', 廣: '広', 嶋: '島', 嶌: '島',
  櫻: '桜', 國: '国', 關: '関', 德: '徳', 瀨: '瀬', 眞: '真', 惠: '恵', 靜: '静', 條: '条', 冨: '富', 曾: '曽',
  藏: '蔵', 龍: '竜', 壽: '寿', 榮: '栄', 實: '実', 兒: '児', 來: '来', 與: '与', 萬: '万', 淺: '浅', 黑: '黒',
  驒: '騨', 槇: '槙', 峯: '峰', 埜: '野', 舘: '館', 桒: '桑', 莊: '荘', 彌: '弥', 會: '会', 戶: '戸', 晉: '晋', 收: '収',
};

const VARIANT_PATTERN = new RegExp(`[${Object.keys(VARIANT_KANJI).join('')}]`, 'gu');
const SEPARATORS = /[\s\u3000・･·.,\-‐－_'’]+/gu;
const KANJI = /\p{Script=Han}/u;
const LATIN = /^[a-z]+$/;

/** Width, case and spaces folded; variant kanji unified; hiragana as katakana. The "written form" of a name. */
export function normaliseNameText(raw: string | null | undefined): string {
  if (!raw) return '';
  const folded = raw.normalize('NFKC').replace(SEPARATORS, '').replace(VARIANT_PATTERN, (c) => VARIANT_KANJI[c] ?? c);
  return hasKanji(folded) || isKana(folded) ? toKatakana(folded, { passRomaji: true }) : folded.toLowerCase();
}

export function hasKanji(s: string): boolean {
  return KANJI.test(s);
}

export function isLatinName(written: string): boolean {
  return LATIN.test(written);
}

/**
 * A romanisation "skeleton" on which Hepburn (passport), Oh-style, wapuro and Kunrei spellings of the
 * same reading coincide: Ōno / Ohno / Oono / Ono → "ono", Satō / Satoh / Satou → "sato",
 * Shin'ichi / Sinniti → "siniti". Homophones (小野 and 大野) coincide too, by design.
 */
export function romajiSkeleton(raw: string): string {
  let s = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  s = s
    .replace(/tch/g, 'tt')
    .replace(/sh/g, 'sy')
    .replace(/ch/g, 'ty')
    .replace(/ts/g, 't')
    .replace(/j/g, 'zy')
    .replace(/([sztc])yi/g, '$1i')
    .replace(/fu/g, 'hu')
    .replace(/m(?=[bmp])/g, 'n')
    .replace(/nn/g, 'n')
    .replace(/oh(?![aiueoy])/g, 'o')
    .replace(/wo/g, 'o');
  // Long vowels last, repeatedly: "oou" → "o".
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(/ou|oo/g, 'o').replace(/uu/g, 'u').replace(/aa/g, 'a').replace(/ii/g, 'i').replace(/ee/g, 'e');
  }
  return s;
}

/** Reading skeleton of a written form, when the form itself says how it is read (kana or Latin letters). */
export function readingOf(written: string): string | null {
  if (!written) return null;
  if (isKana(written)) return romajiSkeleton(toRomaji(written.replace(/ー/g, '')));
  if (isLatinName(written)) return romajiSkeleton(written);
  return null;
}

/** Reading skeleton from a kana column (katakana or hiragana); null when empty or not kana. */
export function readingOfKana(kana: string | null | undefined): string | null {
  const written = normaliseNameText(kana);
  return written && isKana(written) ? readingOf(written) : null;
}
