import { applicantNameHypotheses, namePairs } from './name-hypotheses';

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
