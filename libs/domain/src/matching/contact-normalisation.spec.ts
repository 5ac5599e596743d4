import { normaliseBirthDate, compareBirthDates } from './birth-date-normalisation';
import {
  canonicalEmail,
  detectCorporateDomains,
  isCorporateEmail,
  normaliseEmail,
} from './email-normalisation';
import { normaliseEmployeeNumber } from './employee-number';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { normalisePhone } from './phone-normalisation';

describe('normaliseEmail', () => {
  it.each([
    ['surrounding spaces and case', ' Taro.Yamada@Example.CO.JP ', 'taro.yamada@example.co.jp'],
    ['Gmail dots', 'ta.ro.yamada@gmail.com', 'taroyamada@gmail.com'],
    ['Gmail +tag', 'taroyamada+jobs@gmail.com', 'taroyamada@gmail.com'],
    ['googlemail is gmail', 'Taro.Yamada@googlemail.com', 'taroyamada@gmail.com'],
    ['other providers keep dots and +', 'taro.yamada+x@yahoo.co.jp', 'taro.yamada+x@yahoo.co.jp'],
    ['full-width characters', 'ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ', 'taro@gmail.com'],
    [
      'a display name before the address',
      'Taro Yamada <Taro.Yamada@Example.co.jp>',
      'taro.yamada@example.co.jp',
    ],
    ['a Japanese display name, full-width brackets', '山田 太郎 ＜taro@yahoo.co.jp＞', 'taro@yahoo.co.jp'],
  ])('%s', (_label, input, expected) => expect(canonicalEmail(input)).toBe(expected));

  it.each([[''], ['not-an-address'], ['@gmail.com'], ['a b@c.d']])('rejects %j', (input) => {
    expect(normaliseEmail(input)).toBeNull();
  });

  it('keeps the plain form to tell a Gmail-only agreement apart', () => {
    expect(normaliseEmail('T.Aro@gmail.com')).toEqual({
      canonical: 'taro@gmail.com',
      plain: 't.aro@gmail.com',
      domain: 'gmail.com',
    });
  });
});

describe('company domains', () => {
  it('takes domains held by a large share of alumni, never free-mail or carriers', () => {
    const counts = new Map([
      ['kitaboshi-shoji.co.jp', 1000],
      ['kitaboshi-group.jp', 120],
      ['gmail.com', 400],
      ['docomo.ne.jp', 300],
      ['tiny-isp.jp', 3],
    ]);
    expect([...detectCorporateDomains(counts, 1000)].sort()).toEqual([
      'kitaboshi-group.jp',
      'kitaboshi-shoji.co.jp',
    ]);
  });

  it('needs a few holders in a tiny registry', () => {
    expect(detectCorporateDomains(new Map([['friends.jp', 2]]), 4).size).toBe(0);
    expect(detectCorporateDomains(new Map(), 0).size).toBe(0);
  });

  it('treats sub-domains of a company domain as company addresses', () => {
    const corp = new Set(['example.co.jp']);
    expect(isCorporateEmail('mail.example.co.jp', corp)).toBe(true);
    expect(isCorporateEmail('example.com', corp)).toBe(false);
  });
});

describe('normalisePhone', () => {
  it.each([
    ['090-1234-5678'],
    ['09012345678'],
    ['+81 90 1234 5678'],
    ['(090) 1234-5678'],
    ['０９０-１２３４-５６７８'],
    ['090 1234 5678'],
    ['+819012345678'],
    ['+81 (0)90-1234-5678'],
    ['0081-90-1234-5678'],
    ['010 81 90 1234 5678'],
    ['090-1234-5678 (携帯)'],
    ['090ー1234ー5678'],
    ['０９０−１２３４−５６７８'],
  ])('%s is +819012345678', (input) => expect(normalisePhone(input)).toBe('+819012345678'));

  it('handles landlines', () => expect(normalisePhone('03-1234-5678')).toBe('+81312345678'));

  it.each([
    ['03-1234-5678 内線 12'],
    ['03-1234-5678 ext. 12'],
    ['03-1234-5678 x12'],
    ['０３-１２３４-５６７８内線１２'],
  ])('an extension says which desk, not whose phone: %s', (input) =>
    expect(normalisePhone(input)).toBe('+81312345678'),
  );

  it.each([[''], ['none'], ['12']])('rejects %j', (input) => expect(normalisePhone(input)).toBeNull());

  it('gives mobiles the same form without libphonenumber as with it (the fast path)', () => {
    let seed = 3;
    const digits = (n: number) =>
      Array.from({ length: n }, () =>
        String((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % 10),
      ).join('');
    const written = ['070', '080', '090'].flatMap((prefix) =>
      Array.from({ length: 400 }, (_, i) => {
        const [a, b] = [i < 4 ? '0000' : digits(4), i < 4 ? '0000' : digits(4)];
        return [`${prefix}-${a}-${b}`, `${prefix}${a}${b}`, `${prefix}-${a}${b}`, `${prefix}${a}-${b}`][
          i % 4
        ];
      }),
    );
    for (const raw of written) {
      const reference = parsePhoneNumberFromString(raw, 'JP');
      expect(reference?.isPossible()).toBe(true);
      expect(normalisePhone(raw)).toBe(reference?.number);
    }
  });
});

describe('employee numbers and birth dates', () => {
  it.each([
    ['E012345', '012345'],
    ['e012345', '012345'],
    ['Ｅ０１２３４５', '012345'],
    ['012345', '012345'],
    [' E-012345 ', '012345'],
  ])('%s → %s', (input, expected) => expect(normaliseEmployeeNumber(input)).toBe(expected));

  it.each([
    ['1990-04-01', '1990-04-01'],
    ['1990/4/1', '1990-04-01'],
    ['１９９０／０４／０１', '1990-04-01'],
    ['1990年4月1日', '1990-04-01'],
    ['1990-02-30', null],
    ['', null],
    // Digits only, a time after the date, spaces, and the Japanese eras (和暦) forms use.
    ['19900401', '1990-04-01'],
    ['1990-04-01T00:00:00Z', '1990-04-01'],
    [' 1990 年 4 月 1 日 ', '1990-04-01'],
    ['1990年4月1日生', '1990-04-01'],
    ['平成2年4月1日', '1990-04-01'],
    ['平成元年1月8日', '1989-01-08'],
    ['㍻2年4月1日', '1990-04-01'],
    ['H2.4.1', '1990-04-01'],
    ['h02/04/01', '1990-04-01'],
    ['昭和50年2月4日', '1975-02-04'],
    ['S50-2-4', '1975-02-04'],
    ['昭和64年1月7日', '1989-01-07'],
    ['大正15年12月24日', '1926-12-24'],
    ['令和元年5月1日', '2019-05-01'],
    ['明治45年7月29日', '1912-07-29'],
    // An era year that never existed, an impossible day, and numbers that are not a date.
    ['昭和65年1月1日', null],
    ['平成0年1月1日', null],
    ['平成2年2月30日', null],
    ['X2.4.1', null],
    ['1990040', null],
    ['199004011', null],
  ])('birth date %j → %j', (input, expected) => expect(normaliseBirthDate(input)).toBe(expected));

  it.each([
    ['1990-04-01', '1990-04-01', 'agree'],
    ['1990-04-01', '1991-04-01', 'partial'],
    ['1990-04-01', '1990-01-04', 'partial'],
    ['1990-04-01', '1985-11-23', 'disagree'],
  ] as const)('%s vs %s → %s', (a, b, expected) => expect(compareBirthDates(a, b)).toBe(expected));
});
