import {
  WORK_HISTORY_WEIGHTS as W,
  companyAliases,
  compareWorkHistory,
  namesCompany,
  normaliseCompanyName,
  parseHistoryDate,
} from './work-history';

describe('normaliseCompanyName', () => {
  it.each([
    ['北星商事株式会社', '北星商事'],
    ['株式会社 北星商事', '北星商事'],
    ['(株)北星商事', '北星商事'],
    ['㈱北星商事', '北星商事'],
    ['Kitaboshi Shoji Co., Ltd.', 'kitaboshishoji'],
    ['KITABOSHI SHOJI CO.,LTD', 'kitaboshishoji'],
    ['kitaboshi-shoji K.K.', 'kitaboshishoji'],
    ['Kitaboshi Shoji Kabushiki Kaisha', 'kitaboshishoji'],
    ['Ｋｉｔａｂｏｓｈｉ　Ｓｈｏｊｉ', 'kitaboshishoji'],
    ['Acme Corporation', 'acme'],
    ['Acme Inc.', 'acme'],
    ['', ''],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseCompanyName(raw)).toBe(expected);
  });

  it('keeps words that only look like legal forms inside a name', () => {
    expect(normaliseCompanyName('Cobalt Systems')).toBe('cobaltsystems');
    expect(normaliseCompanyName('Kkbox Japan')).toBe('kkboxjapan');
  });
});

describe('companyAliases', () => {
  it('takes the tenant name and the company e-mail domains without their public suffix', () => {
    expect(companyAliases(['北星商事株式会社'], ['kitaboshi-shoji.co.jp', 'kitaboshi.com'])).toEqual([
      '北星商事',
      'kitaboshishoji',
      'kitaboshi',
    ]);
  });

  it('also reads a name without its bracketed part, as CVs write it', () => {
    expect(companyAliases(['Kitaboshi Shoji (demo)'], [])).toEqual(['kitaboshishojidemo', 'kitaboshishoji']);
    expect(companyAliases(['北星商事（東京）'], [])).toEqual(['北星商事東京', '北星商事']);
  });

  it('drops names too short to tell companies apart', () => {
    expect(companyAliases(['AB'], ['xy.co.jp'])).toEqual([]);
  });
});

describe('namesCompany', () => {
  const aliases = companyAliases(['北星商事'], ['kitaboshi-shoji.co.jp']);

  it.each([
    ['株式会社北星商事', true],
    ['北星商事 東京支店', true],
    ['Kitaboshi Shoji Co., Ltd.', true],
    ['北星電機株式会社', false],
    ['Kitaboshi Trading', false],
    [null, false],
    ['', false],
  ])('%s → %s', (company, expected) => {
    expect(namesCompany(company, aliases)).toBe(expected);
  });

  it('matches a short alias only as the whole name, never inside another', () => {
    const short = companyAliases(['ABC'], []);
    expect(namesCompany('ABC Co., Ltd.', short)).toBe(true);
    expect(namesCompany('ABC Mart', short)).toBe(false);
  });
});

describe('parseHistoryDate', () => {
  it.each([
    ['2015-04-01', { year: 2015, month: 4 }],
    ['2015-04', { year: 2015, month: 4 }],
    ['2015/4', { year: 2015, month: 4 }],
    ['2015.04', { year: 2015, month: 4 }],
    ['2015年4月', { year: 2015, month: 4 }],
    ['2015年4月1日', { year: 2015, month: 4 }],
    ['２０１５年４月', { year: 2015, month: 4 }],
    ['平成27年4月', { year: 2015, month: 4 }],
    ['平成元年4月', { year: 1989, month: 4 }],
    ['令和2年10月', { year: 2020, month: 10 }],
    ['H27.4', { year: 2015, month: 4 }],
    ['R2/4', { year: 2020, month: 4 }],
    ['昭和60年', { year: 1985, month: null }],
    ['2015', { year: 2015, month: null }],
    ['2015-13', { year: 2015, month: null }],
    ['2017-08-15T00:00:00.000Z', { year: 2017, month: 8 }],
    ['01/01/2012', { year: 2012, month: 1 }],
  ])('%s', (raw, expected) => {
    expect(parseHistoryDate(raw)).toEqual(expected);
  });

  it.each(['現在', 'present', '', null, 'April', '15/04', '1850-01'])('%s is no date', (raw) => {
    expect(parseHistoryDate(raw)).toBeNull();
  });
});

describe('compareWorkHistory', () => {
  const alumnus = { hireDate: '2015-04-01', leaveDate: '2019-03-31' };
  const entry = (start: string | null, end: string | null) => ({
    start: parseHistoryDate(start),
    end: parseHistoryDate(end),
  });

  it('both months within two months of the registry: agrees, and weighs most', () => {
    expect(compareWorkHistory([entry('2015-04', '2019-03')], alumnus)).toEqual({
      outcome: 'agree',
      weight: 2 * W.monthAgrees,
      reason: 'work_history_period_agrees',
    });
    expect(compareWorkHistory([entry('2015-05', '2019-05')], alumnus)?.outcome).toBe('agree');
  });

  it('years only count less than months', () => {
    expect(compareWorkHistory([entry('2015', '2019')], alumnus)).toEqual({
      outcome: 'agree',
      weight: 2 * W.yearAgrees,
      reason: 'work_history_period_agrees',
    });
  });

  it('one end given and agreeing: partial', () => {
    expect(compareWorkHistory([entry('2015-04', null)], alumnus)).toEqual({
      outcome: 'partial',
      weight: W.monthAgrees,
      reason: 'work_history_period_partly_agrees',
    });
  });

  it('the company listed without comparable dates (or a few months off): a former employee, not which', () => {
    const lists = {
      outcome: 'partial',
      weight: W.listsCompany,
      reason: 'work_history_lists_company',
    };
    expect(compareWorkHistory([entry(null, null)], alumnus)).toEqual(lists);
    expect(compareWorkHistory([entry('2015-09', null)], alumnus)).toEqual(lists);
    expect(compareWorkHistory([entry('2015-04', null)], { hireDate: null, leaveDate: null })).toEqual(lists);
  });

  it('another period here: differs (likely another former employee of that name)', () => {
    expect(compareWorkHistory([entry('2002-04', '2006-03')], alumnus)).toEqual({
      outcome: 'disagree',
      weight: W.periodDiffers,
      reason: 'work_history_period_differs',
    });
    // One end agreeing does not rescue a period whose other end is years off.
    expect(compareWorkHistory([entry('2015-04', '2024-03')], alumnus)?.outcome).toBe('disagree');
    expect(compareWorkHistory([entry('2013', null)], alumnus)?.outcome).toBe('disagree');
  });

  it('someone who was here twice lists two periods: the one matching this record counts', () => {
    expect(
      compareWorkHistory([entry('2008-04', '2011-03'), entry('2015-04', '2019-03')], alumnus)?.outcome,
    ).toBe('agree');
  });

  it('no entry naming the company: no comparison at all', () => {
    expect(compareWorkHistory([], alumnus)).toBeNull();
  });
});
