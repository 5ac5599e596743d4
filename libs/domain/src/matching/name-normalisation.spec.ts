import {
  VARIANT_KANJI,
  detectScript,
  hiraganaToKatakana,
  kanaToRomaji,
  nameSkeleton,
  normaliseNamePart,
  normaliseWidth,
  romajiSkeleton,
  typoDistance,
} from './name-normalisation';

describe('normaliseWidth / normaliseNamePart', () => {
  it.each([
    ['full-width latin', 'ＴＡＲＯ', 'taro'],
    ['half-width katakana', 'ﾀﾞｲｽｹ', 'ダイスケ'],
    ['hiragana becomes katakana', 'さくら', 'サクラ'],
    ['ideographic space removed inside a part', '山田\u3000', '山田'],
    ['upper case latin', 'YAMADA', 'yamada'],
    ['diacritics on latin', 'Ōno', 'ono'],
    ['dakuten kept on kana', 'メグミ', 'メグミ'],
    ['iteration mark expanded', '佐々木', '佐佐木'],
    ['katakana middle dot dropped', 'ジョン・スミス', 'ジョンスミス'],
  ])('%s', (_label, input, expected) => {
    expect(normaliseNamePart(input)).toBe(expected);
  });

  it('turns U+3000 into a plain space and collapses runs', () => {
    expect(normaliseWidth(' 山田\u3000\u3000太郎 ')).toBe('山田 太郎');
  });

  it('leaves romaji alone when converting hiragana', () => {
    expect(hiraganaToKatakana('taro たろう')).toBe('taro タロウ');
  });
});

describe('variant kanji', () => {
  it.each([
    ['髙橋', '高橋'],
    ['山﨑', '山崎'],
    ['山嵜', '山崎'],
    ['渡邊', '渡辺'],
    ['渡邉', '渡辺'],
    ['齋藤', '斎藤'],
    ['齊藤', '斎藤'],
    ['斉藤', '斎藤'],
    ['澤田', '沢田'],
    ['濱田', '浜田'],
    ['廣瀬', '広瀬'],
    ['小嶋', '小島'],
    ['櫻井', '桜井'],
    ['國分', '国分'],
    ['佐籐', '佐藤'],
    ['龍之介', '竜之介'],
    ['惠', '恵'],
    ['濵田', '浜田'],
    ['栁田', '柳田'],
    ['曾根', '曽根'],
    ['峯岸', '峰岸'],
    ['凜', '凛'],
  ])('%s is compared as %s', (variant, standard) => {
    expect(normaliseNamePart(variant)).toBe(normaliseNamePart(standard));
  });

  it('maps every table entry to a different character', () => {
    for (const [from, to] of Object.entries(VARIANT_KANJI)) expect(from).not.toBe(to);
  });
});

describe('detectScript', () => {
  it.each([
    ['山田', 'kanji'],
    ['ヤマダ', 'kana'],
    ['yamada', 'latin'],
    ['', 'none'],
  ] as const)('%s → %s', (text, script) => expect(detectScript(text)).toBe(script));
});

describe('romanisation', () => {
  it('converts kana with wanakana (Hepburn)', () => {
    expect(kanaToRomaji('シンイチ')).toBe("shin'ichi");
    expect(kanaToRomaji('さとう')).toBe('satou');
  });

  it.each([
    ['passport Hepburn / Oh-style / wapuro / macron: Ōno', ['Ono', 'Ohno', 'Oono', 'Ōno', 'ONO'], 'オオノ'],
    ['Sato / Satoh / Satou / Satō', ['Sato', 'Satoh', 'Satou', 'Satō'], 'サトウ'],
    ['Yuichi / Yuuichi / Yūichi', ['Yuichi', 'Yuuichi', 'Yūichi'], 'ユウイチ'],
    ['Inoue / Inoe', ['Inoue', 'Inoe'], 'イノウエ'],
    ['Kurohe (oh before a vowel)', ['Kurohe', 'Kuroue', 'Kuroe'], 'クロウエ'],
    ['shi/si', ['Shinichi', 'Sinichi', 'Shin-ichi'], 'シンイチ'],
    ['tsu/tu', ['Tsuyoshi', 'Tuyosi'], 'ツヨシ'],
    ['chi/ti', ['Chie', 'Tie'], 'チエ'],
    ['fu/hu', ['Fujita', 'Huzita'], 'フジタ'],
    ['ji/zi', ['Junji', 'Zyunzi', 'Jyunji'], 'ジュンジ'],
    ['n before b/m/p', ['Homma', 'Honma'], 'ホンマ'],
    ['n before b', ['Namba', 'Nanba'], 'ナンバ'],
    ['double consonants', ['Hatori', 'Hattori'], 'ハットリ'],
    ['Kohya for コウヤ', ['Koya', 'Kohya', 'Kouya', 'Koyya'], 'コウヤ'],
    ['long o before h: Kohei / Kouhei / Kōhei', ['Kohei', 'Kouhei', 'Kōhei', 'KOHEI'], 'コウヘイ'],
    ['long o before h: Yohei / Youhei / Yohhei', ['Yohei', 'Youhei', 'Yōhei', 'Yohhei'], 'ヨウヘイ'],
    ['long o before h: Shohei / Shouhei / Syouhei', ['Shohei', 'Shouhei', 'Syouhei'], 'ショウヘイ'],
    ['long o before h: Kohiko / Kouhiko', ['Kohiko', 'Kouhiko'], 'コウヒコ'],
  ])('%s', (_label, spellings, kana) => {
    const target = nameSkeleton(kana);
    for (const s of spellings) expect(romajiSkeleton(s)).toBe(target);
  });

  it('小野 (オノ) and 大野 (オオノ) both read as "ono"', () => {
    expect(nameSkeleton('オノ')).toBe(nameSkeleton('オオノ'));
  });

  it('has no reading for kanji (no dictionary)', () => {
    expect(nameSkeleton('山田')).toBeNull();
  });

  it('compares hiragana and katakana readings equally', () => {
    expect(nameSkeleton('やまだ')).toBe(nameSkeleton('ヤマダ'));
  });
});

describe('typoDistance', () => {
  it.each([
    ['masasuke', 'masasuke', 0],
    ['maasuke', 'masasuke', 1],
    ['yamada', 'yamdaa', 1],
    ['yamada', 'yamato', 2],
    ['a', 'abc', 2],
  ])('%s vs %s → %d', (a, b, d) => expect(typoDistance(a, b)).toBe(d));
});
