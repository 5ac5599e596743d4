import { Readable } from 'node:stream';
import { encode } from 'iconv-lite';
import { readCompensationCsv, type CsvItem } from './compensation-csv-reader';
import { INCUMBENT_COLUMNS, type IncumbentColumn } from './compensation-rows';

async function readAll(bytes: Buffer | string): Promise<CsvItem<IncumbentColumn>[]> {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += 5) chunks.push(buf.subarray(i, i + 5));
  const out: CsvItem<IncumbentColumn>[] = [];
  for await (const item of readCompensationCsv(Readable.from(chunks), INCUMBENT_COLUMNS)) out.push(item);
  return out;
}

describe('readCompensationCsv', () => {
  it('resolves Japanese headers in CP932, warns about unknown columns and numbers rows like a spreadsheet', async () => {
    const csv =
      '従業員キー,職種,等級,勤務地,基本給,入社日,メモ\r\nK1,営業,G2,大阪,4800000,2019-04-01,x\r\n\r\nK2,営業,G2,大阪,5000000,2018-04-01,y\r\n';
    const items = await readAll(encode(csv, 'cp932'));
    expect(items[0]).toEqual(
      expect.objectContaining({
        kind: 'header',
        problems: [],
        warnings: [expect.objectContaining({ column: 'メモ', code: 'unknown_column' })],
      }),
    );
    expect(items.slice(1).map((i) => (i.kind === 'row' ? [i.row, i.cells.location] : i.kind))).toEqual([
      [2, '大阪'],
      [4, '大阪'],
    ]);
  });

  it('reports missing and duplicate columns on row 1 and stops', async () => {
    const items = await readAll('employee_key,key,job_family\nK1,K1,x\n');
    expect(items).toHaveLength(1);
    const header = items[0];
    expect(header.kind === 'header' ? header.problems.map((p) => [p.row, p.column, p.code]) : []).toEqual([
      [1, 'key', 'duplicate_column'],
      [1, 'job_level', 'missing_column'],
      [1, 'location', 'missing_column'],
      [1, 'base_salary', 'missing_column'],
      [1, 'hire_date', 'missing_column'],
    ]);
  });

  it('reports a wrong field count and an unclosed quote with their rows', async () => {
    const header = 'employee_key,job_family,job_level,location,base_salary,hire_date';
    const items = await readAll(
      `${header}\nK1,a,b,c,1,2020-01-01,extra\nK2,a,b,c,1,2020-01-01\nK3,"a,b,c,1,2020-01-01\n`,
    );
    expect(
      items.slice(1).map((i) => (i.kind === 'invalid' ? [i.row, i.problems[0].code] : [i.kind])),
    ).toEqual([[2, 'wrong_field_count'], ['row'], [4, 'malformed_csv']]);
  });

  it('reports an empty file', async () => {
    const items = await readAll('');
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'header',
        problems: [expect.objectContaining({ code: 'empty_file' })],
      }),
    ]);
  });
});
