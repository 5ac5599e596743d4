import fc from 'fast-check';
import { parseCsvBoolean, parseCsvDate, parseCsvInteger, splitCsvList } from './csv-value-parsers';

describe('parseCsvDate', () => {
  it.each([
    ['2020-09-01', '2020-09-01'],
    ['2020/09/01', '2020-09-01'],
    ['2020/9/1', '2020-09-01'],
    ['2020-9-1', '2020-09-01'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['２０２０－０９－０１', '2020-09-01'],
    ['２０２０／９／１', '2020-09-01'],
    ['2020年9月1日', '2020-09-01'],
  ])('%j → %s', (raw, iso) => {
    expect(parseCsvDate(raw)).toBe(iso);
  });

  it.each([
    '',
    '2020-13-01',
    '2020-00-10',
    '2020-04-31',
    '2023-02-29',
    '1900-02-29',
    '2020-09-00',
    '2020-09',
    '20200901',
    '2020-09/01',
    '01/09/2020',
    '1899-12-31',
    '2020-09-01T00:00',
    ' 2020-09-01x',
  ])('rejects %j', (raw) => {
    expect(parseCsvDate(raw)).toBeNull();
  });

  it('round-trips every real date', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(parseCsvDate(iso)).toBe(iso);
          expect(parseCsvDate(iso.replace(/-/g, '/'))).toBe(iso);
        },
      ),
    );
  });
});

describe('parseCsvBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['はい', true],
    ['false', false],
    ['False', false],
    ['0', false],
    ['いいえ', false],
  ])('%j → %s', (raw, value) => {
    expect(parseCsvBoolean(raw)).toBe(value);
  });

  it.each(['', 'maybe', '2'])('rejects %j', (raw) => {
    expect(parseCsvBoolean(raw)).toBeNull();
  });
});

describe('parseCsvInteger', () => {
  it.each([
    ['3600000', 3600000],
    ['0', 0],
    ['3,600,000', 3600000],
    ['¥3,600,000', 3600000],
    ['3600000円', 3600000],
    ['３６０００００', 3600000],
  ])('%j → %d', (raw, value) => {
    expect(parseCsvInteger(raw)).toBe(value);
  });

  it.each(['', '-1', '3600000.5', '3,60,000', 'abc', '1e6', '99999999999999999999'])('rejects %j', (raw) => {
    expect(parseCsvInteger(raw)).toBeNull();
  });
});

describe('splitCsvList', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    [' a ', ['a']],
    ['a;b', ['a', 'b']],
    [' a ; ; b ;', ['a', 'b']],
    ['a；b', ['a', 'b']],
    [';', []],
  ])('%j → %j', (raw, items) => {
    expect(splitCsvList(raw)).toEqual(items);
  });
});
