import { alumnusNames, applicantNameHypotheses, namePairs } from './name-hypotheses';
import { readNameBox } from './name-notes';

const pairs = (last: string | null, first: string | null): string[] =>
  namePairs(last, first).map((p) => `${p.family}/${p.given}`);

describe('namePairs', () => {
  it('reads both orders when both boxes are filled', () => {
    expect(pairs('山田', '太郎')).toEqual(['山田/太郎', '太郎/山田']);
  });

  it.each([
    ['space', 'Yamada Taro'],
    ['ideographic space', 'Yamada\u3000Taro'],
  ])('splits a whole name in one box (%s)', (_label, whole) => {
    expect(pairs(whole, '')).toEqual(expect.arrayContaining(['Yamada/Taro', 'Taro/Yamada']));
    expect(pairs('', whole)).toEqual(expect.arrayContaining(['Yamada/Taro', 'Taro/Yamada']));
  });

  it('cuts a kanji name typed without a space, family first', () => {
    expect(pairs('山田太郎', null)).toEqual(expect.arrayContaining(['山/田太郎', '山田/太郎', '山田太/郎']));
    expect(pairs('山田太郎', null)).not.toContain('太郎/山田');
  });

  it('cuts CamelCase romaji at the capital', () => {
    expect(pairs('YamadaTaro', null)).toEqual(expect.arrayContaining(['Yamada/Taro', 'Taro/Yamada']));
  });
});

describe('applicantNameHypotheses', () => {
  it('upper-case romaji in swapped boxes still yields the right parts', () => {
    const hs = applicantNameHypotheses({ firstName: 'FUJITA', lastName: 'KEN' });
    expect(hs.map((h) => `${h.family.skeleton}/${h.given.skeleton}/${h.layout}`)).toContain(
      'huzita/ken/swapped',
    );
  });

  it('attaches the kana reading to kanji parts', () => {
    const [h] = applicantNameHypotheses({
      lastName: '佐藤',
      firstName: '健',
      lastNameKana: 'さとう',
      firstNameKana: 'ケン',
    });
    expect(h).toBeDefined();
    const withKana = applicantNameHypotheses({
      lastName: '佐藤',
      firstName: '健',
      lastNameKana: 'さとう',
      firstNameKana: 'ケン',
    }).find((x) => x.layout === 'as-entered' && x.family.skeleton);
    expect(withKana?.family).toEqual({ text: '佐藤', script: 'kanji', skeleton: 'sato' });
    expect(withKana?.given.skeleton).toBe('ken');
  });

  it('gives nothing for an empty name', () => {
    expect(applicantNameHypotheses({})).toEqual([]);
  });
});

describe('readNameBox: what a name box says besides the name', () => {
  it.each<[string, string, { name: string; formerFamilies: string[]; reading: string | null }]>([
    ['plain', '山田', { name: '山田', formerFamilies: [], reading: null }],
    [
      '旧姓 with a colon, full-width',
      '山田（旧姓：佐藤）',
      { name: '山田', formerFamilies: ['佐藤'], reading: null },
    ],
    ['旧姓 without a separator', '山田(旧姓佐藤)', { name: '山田', formerFamilies: ['佐藤'], reading: null }],
    ['旧 and a space', '山田 (旧 佐藤)', { name: '山田', formerFamilies: ['佐藤'], reading: null }],
    ['unmarked, same script', '山田（佐藤）', { name: '山田', formerFamilies: ['佐藤'], reading: null }],
    ['a reading in hiragana', '山田（やまだ）', { name: '山田', formerFamilies: [], reading: 'やまだ' }],
    ['a reading in romaji', '花子 (Hanako)', { name: '花子', formerFamilies: [], reading: 'Hanako' }],
    [
      'a marked former surname in kana',
      '山田（旧姓：さとう）',
      { name: '山田', formerFamilies: ['さとう'], reading: null },
    ],
    ['née in romaji', 'Yamada (née Sato)', { name: 'Yamada', formerFamilies: ['Sato'], reading: null }],
    [
      'maiden name',
      'Yamada [maiden name: Sato]',
      { name: 'Yamada', formerFamilies: ['Sato'], reading: null },
    ],
    [
      'unmarked romaji after romaji',
      'Yamada (Sato)',
      { name: 'Yamada', formerFamilies: ['Sato'], reading: null },
    ],
    [
      'inside a whole name',
      '山田（旧姓 佐藤） 花子',
      { name: '山田 花子', formerFamilies: ['佐藤'], reading: null },
    ],
    ['lenticular brackets', '山田【旧姓 佐藤】', { name: '山田', formerFamilies: ['佐藤'], reading: null }],
    ['an empty note', '山田（）', { name: '山田', formerFamilies: [], reading: null }],
    ['a note of symbols only', '山田（-）', { name: '山田', formerFamilies: [], reading: null }],
  ])('%s: %s', (_label, box, expected) => {
    expect(readNameBox(box)).toEqual(expected);
  });
});

describe('applicantNameHypotheses with bracketed notes', () => {
  const parts = (p: Parameters<typeof applicantNameHypotheses>[0]): string[] =>
    applicantNameHypotheses(p).map(
      (h) => `${h.family.text}/${h.given.text}${h.formerFamily ? '/former' : ''}`,
    );

  it('reads the name without the note, and again with the former surname as family name', () => {
    const hs = parts({ lastName: '山田（旧姓：佐藤）', firstName: '花子' });
    expect(hs).toContain('山田/花子');
    expect(hs).toContain('佐藤/花子/former');
    expect(hs.some((h) => h.includes('旧姓'))).toBe(false);
  });

  it('takes a former surname written in the given-name box', () => {
    expect(parts({ lastName: '山田', firstName: '花子（旧姓 佐藤）' })).toContain('佐藤/花子/former');
  });

  it('takes a former surname in a whole name typed in one box', () => {
    expect(parts({ lastName: '山田 花子（旧姓 佐藤）', firstName: '' })).toContain('佐藤/花子/former');
  });

  it('attaches a bracketed reading to its part, word by word in one box', () => {
    const hs = applicantNameHypotheses({ lastName: '山田（やまだ）', firstName: '花子（はなこ）' });
    const read = (h: (typeof hs)[number]): string =>
      `${h.family.text}:${h.family.skeleton}/${h.given.text}:${h.given.skeleton}`;
    // The written name alone first (as with kana boxes), then with its reading.
    expect(hs.slice(0, 2).map(read)).toEqual(['山田:null/花子:null', '山田:yamada/花子:hanako']);
    const whole = applicantNameHypotheses({ lastName: '山田 花子（やまだ はなこ）', firstName: '' });
    expect(whole.map((x) => `${x.family.skeleton}/${x.given.skeleton}`)).toContain('yamada/hanako');
  });

  it('reads a romaji given name without its middle name or initial', () => {
    expect(parts({ lastName: 'Smith', firstName: 'John Michael' })).toContain('smith/john');
    expect(parts({ lastName: 'Yamada', firstName: 'Hanako M.' })).toContain('yamada/hanako');
    // An initial first is not a given name on its own.
    expect(parts({ lastName: 'Smith', firstName: 'J. Michael' })).not.toContain('smith/j');
  });

  it('adds nothing to names without notes', () => {
    expect(parts({ lastName: '山田', firstName: '花子' })).toEqual(['山田/花子', '花子/山田']);
  });
});

describe('alumnusNames: a registry name column with a bracketed note', () => {
  it('is the name, with the note as a former surname (the stored value is not changed)', () => {
    const names = alumnusNames({
      familyName: '北川（旧姓：南岡）',
      givenName: '咲香',
      familyNameKana: 'キタガワ',
      givenNameKana: null,
      previousFamilyNames: ['東'],
    });
    expect(names.family.text).toBe('北川');
    expect(names.family.skeleton).toBe('kitagawa');
    expect(names.previousFamilies.map((p) => p.text)).toEqual(['東', '南岡']);
  });

  it('takes a bracketed reading when the kana column is empty', () => {
    const names = alumnusNames({
      familyName: '北川（きたがわ）',
      givenName: '咲香（さきか）',
      familyNameKana: '',
      givenNameKana: null,
      previousFamilyNames: [],
    });
    expect([names.family.text, names.family.skeleton, names.given.text, names.given.skeleton]).toEqual([
      '北川',
      'kitagawa',
      '咲香',
      'sakika',
    ]);
    expect(names.previousFamilies).toEqual([]);
  });
});

describe('a registry given name of several romaji words', () => {
  const names = (givenName: string) =>
    alumnusNames({
      familyName: 'Smith',
      givenName,
      familyNameKana: null,
      givenNameKana: null,
      previousFamilyNames: [],
    });

  it('keeps its first word too, unless that is an initial', () => {
    expect(names('John Michael').firstGiven?.text).toBe('john');
    expect(names('Mary　Ann').firstGiven?.text).toBe('mary');
    expect(names('J. Michael').firstGiven).toBeNull();
    expect(names('John').firstGiven).toBeNull();
    expect(names('花子').firstGiven).toBeNull();
  });
});
