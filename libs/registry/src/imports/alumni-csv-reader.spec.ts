import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { encode } from 'iconv-lite';
import {
  readAlumniCsv,
  type AlumniCsvItem,
  type AlumniCsvSummary,
  type ReadAlumniCsvOptions,
} from './alumni-csv-reader';

const HEADER =
  'employee_number,family_name,given_name,family_name_kana,given_name_kana,previous_family_names,birth_date,emails,phones,' +
  'hire_date,leave_date,departure_reason,rehire_recommendation,department,job_title,job_level,last_base_salary,' +
  'performance_ratings,skills,network_opt_in';
const JA_HEADER =
  '社員番号,姓,名,姓（カナ）,名（カナ）,旧姓,生年月日,メールアドレス,電話番号,入社日,退職日,退職理由,再雇用推奨,部署,役職,等級,' +
  '最終基本給（年額）,人事評価,スキル,アルムナイ登録';

function line(
  n: number,
  o: { family?: string; hire?: string; leave?: string; reason?: string } = {},
): string {
  return [
    `E${String(n).padStart(4, '0')}`,
    o.family ?? '髙橋',
    '花子',
    'タカハシ',
    'ハナコ',
    '',
    '1990-04-01',
    `hanako${n}@example.com`,
    '090-1234-5678',
    o.hire ?? '2015-04-01',
    o.leave ?? '2021-03-31',
    o.reason ?? '育児',
    'yes',
    '営業部①',
    '主任',
    'G3',
    '5400000',
    '2019:A;2020:B',
    '',
    'true',
  ].join(',');
}

/** Feeds `bytes` in small chunks so multi-byte characters are split across chunk boundaries. */
function streamOf(bytes: Buffer, chunkSize = 7): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

async function readAll(
  input: Readable,
  opts?: ReadAlumniCsvOptions,
): Promise<{ items: AlumniCsvItem[]; summary: AlumniCsvSummary }> {
  const gen = readAlumniCsv(input, opts);
  const items: AlumniCsvItem[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return { items, summary: r.value };
    items.push(r.value);
  }
}

function problems(items: AlumniCsvItem[]): { row: number; column: string | null; code: string }[] {
  return items.flatMap((i) =>
    i.kind === 'row' ? [] : i.problems.map(({ row, column, code }) => ({ row, column, code })),
  );
}

describe('readAlumniCsv', () => {
  it('reads UTF-8 without BOM: header item first, then one row item per data row', async () => {
    const { items, summary } = await readAll(streamOf(Buffer.from(`${HEADER}\n${line(1)}\n${line(2)}\n`)));
    expect(items.map((i) => i.kind)).toEqual(['header', 'row', 'row']);
    expect(items[0]).toEqual(expect.objectContaining({ problems: [], warnings: [] }));
    expect(items[1]).toEqual({
      kind: 'row',
      row: 2,
      record: expect.objectContaining({
        employeeNumber: 'E0001',
        familyName: '髙橋',
        department: '営業部①',
        departureReason: 'childcare',
      }),
    });
    expect(summary).toEqual({
      rows: 2,
      valid: 2,
      invalid: 0,
      blank: 0,
      bytesRead: expect.any(Number),
      encoding: 'utf-8',
    });
  });

  it('reads UTF-8 with BOM, CRLF and Japanese headers; problems name the Japanese header', async () => {
    const csv = `\uFEFF${JA_HEADER}\r\n${line(1)}\r\n${line(2, { hire: '2015-02-30' })}\r\n`;
    const { items, summary } = await readAll(streamOf(Buffer.from(csv)));
    expect(items[0]).toEqual(expect.objectContaining({ kind: 'header', problems: [], warnings: [] }));
    expect(problems(items)).toEqual([{ row: 3, column: '入社日', code: 'invalid_date' }]);
    expect(summary).toEqual(expect.objectContaining({ rows: 2, valid: 1, invalid: 1, encoding: 'utf-8' }));
  });

  it.each(['auto', 'shift_jis', 'cp932'] as const)(
    'reads Shift_JIS/CP932 (①, 髙) with encoding=%s',
    async (encoding) => {
      const csv = `${JA_HEADER}\r\n${line(1)}\r\n${line(2, { family: '﨑山' })}\r\n`;
      const { items, summary } = await readAll(streamOf(encode(csv, 'cp932'), 5), { encoding });
      expect(problems(items)).toEqual([]);
      const records = items.flatMap((i) => (i.kind === 'row' ? [i.record] : []));
      expect(records.map((r) => [r.familyName, r.department])).toEqual([
        ['髙橋', '営業部①'],
        ['﨑山', '営業部①'],
      ]);
      expect(summary.encoding).toBe('cp932');
    },
  );

  it('detects CP932 even when the header and the first rows are ASCII', async () => {
    const ascii = Array.from(
      { length: 200 },
      (_, i) => `A${i},Smith,Jane,,,,,,,2015-04-01,2021-03-31,childcare,yes,Sales,,,,,,false`,
    );
    const csv = `${HEADER}\n${ascii.join('\n')}\n${line(999, { family: '髙橋' })}\n`;
    const { items, summary } = await readAll(streamOf(encode(csv, 'cp932'), 1000));
    expect(problems(items)).toEqual([]);
    expect(items.at(-1)).toEqual(
      expect.objectContaining({ row: 202, record: expect.objectContaining({ familyName: '髙橋' }) }),
    );
    expect(summary.encoding).toBe('cp932');
  });

  it('reports a missing required column once, on row 1, and yields no rows', async () => {
    const header = HEADER.replace(',hire_date', '');
    const body = line(1).replace(',2015-04-01', '');
    const { items, summary } = await readAll(streamOf(Buffer.from(`${header}\n${body}\n`)));
    expect(items).toHaveLength(1);
    expect(problems(items)).toEqual([{ row: 1, column: 'hire_date', code: 'missing_column' }]);
    expect(summary.rows).toBe(0);
  });

  it('reports duplicate columns and warns about unknown ones', async () => {
    const csv = `${HEADER},社員番号,nickname\n${line(1)},E9,Hana\n`;
    const { items } = await readAll(streamOf(Buffer.from(csv)));
    expect(items).toEqual([
      {
        kind: 'header',
        columns: expect.any(Array),
        problems: [expect.objectContaining({ row: 1, column: '社員番号', code: 'duplicate_column' })],
        warnings: [expect.objectContaining({ row: 1, column: 'nickname', code: 'unknown_column' })],
      },
    ]);
  });

  it('ignores unknown columns and reads the rest', async () => {
    const { items } = await readAll(streamOf(Buffer.from(`memo,${HEADER}\n"a, b",${line(1)}\n`)));
    expect(items[0]).toEqual(
      expect.objectContaining({
        problems: [],
        warnings: [expect.objectContaining({ row: 1, column: 'memo', code: 'unknown_column' })],
      }),
    );
    expect(items[1]).toEqual(expect.objectContaining({ kind: 'row', row: 2 }));
  });

  it('reports bad dates, leave before hire, wrong field counts and duplicate numbers with exact rows', async () => {
    const rows = [
      line(1), // row 2
      line(2, { leave: '2021-02-31' }), // row 3
      line(3, { hire: '2021-04-01', leave: '2021-03-31' }), // row 4
      `${line(4)},extra`, // row 5
      'E0005,short', // row 6
      line(1), // row 7: duplicate of row 2
      '', // row 8: blank line, still a spreadsheet row
      line(2), // row 9: duplicate of row 3 (invalid rows still claim their number)
      line(6, { reason: 'fired' }), // row 10
    ];
    const { items, summary } = await readAll(streamOf(Buffer.from(`${HEADER}\n${rows.join('\n')}\n`), 64));
    expect(problems(items)).toEqual([
      { row: 3, column: 'leave_date', code: 'invalid_date' },
      { row: 4, column: 'leave_date', code: 'leave_before_hire' },
      { row: 5, column: null, code: 'wrong_field_count' },
      { row: 6, column: null, code: 'wrong_field_count' },
      { row: 7, column: 'employee_number', code: 'duplicate_employee_number' },
      { row: 9, column: 'employee_number', code: 'duplicate_employee_number' },
      { row: 10, column: 'departure_reason', code: 'invalid_enum' },
    ]);
    const dup = items.find((i) => i.kind === 'invalid' && i.row === 7);
    expect(dup).toEqual(
      expect.objectContaining({
        problems: [expect.objectContaining({ message: expect.stringContaining('row 2') })],
      }),
    );
    expect(summary).toEqual(expect.objectContaining({ rows: 8, valid: 1, invalid: 7, blank: 1 }));
  });

  it('counts quoted multi-line fields as one spreadsheet row', async () => {
    const multi = line(1).replace('営業部①', '"営業部\n第二課"');
    const { items } = await readAll(
      streamOf(Buffer.from(`${HEADER}\n${multi}\n${line(2, { hire: 'x' })}\n`)),
    );
    expect(items[1]).toEqual(
      expect.objectContaining({
        kind: 'row',
        row: 2,
        record: expect.objectContaining({ department: '営業部\n第二課' }),
      }),
    );
    expect(problems(items)).toEqual([{ row: 3, column: 'hire_date', code: 'invalid_date' }]);
  });

  it('reports an unclosed quote as malformed_csv on its row, after the rows before it', async () => {
    const bad = line(3).replace('営業部①', '"営業部');
    const { items } = await readAll(
      streamOf(Buffer.from(`${HEADER}\n${line(1)}\n${line(2)}\n${bad}\n${line(4)}\n`)),
    );
    expect(items.map((i) => i.kind)).toEqual(['header', 'row', 'row', 'invalid']);
    expect(problems(items)).toEqual([{ row: 4, column: null, code: 'malformed_csv' }]);
  });

  it('reports bytes that are not valid UTF-8 on the row and column where they are', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n${line(1)}\n`),
      Buffer.from(line(2).replace('髙橋', 'X')).fill(0xff, 6, 7), // E0002,X → the X becomes a stray 0xff byte
      Buffer.from('\n'),
    ]);
    const { items } = await readAll(streamOf(bytes), { encoding: 'utf-8' });
    expect(problems(items)).toEqual([{ row: 3, column: 'family_name', code: 'invalid_encoding' }]);
  });

  it('reports CP932 text read as explicit UTF-8 as invalid_encoding', async () => {
    const { items } = await readAll(streamOf(encode(`${HEADER}\n${line(1)}\n`, 'cp932')), {
      encoding: 'utf-8',
    });
    expect(problems(items)).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'family_name', code: 'invalid_encoding' },
        { row: 2, column: 'department', code: 'invalid_encoding' },
      ]),
    );
  });

  it('reports bytes invalid in CP932 as invalid_encoding', async () => {
    const bytes = Buffer.concat([
      encode(`${JA_HEADER}\n${line(1)}\n`, 'cp932'),
      encode(line(2).replace('髙橋', 'X'), 'cp932').fill(0xff, 6, 7),
      Buffer.from('\n'),
    ]);
    const { items } = await readAll(streamOf(bytes), { encoding: 'cp932' });
    expect(problems(items)).toEqual([{ row: 3, column: '姓', code: 'invalid_encoding' }]);
  });

  it.each([
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')])],
    ['an xlsx', Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1')],
  ])('refuses %s with one invalid_encoding header problem', async (_name, bytes) => {
    const { items, summary } = await readAll(streamOf(bytes));
    expect(problems(items)).toEqual([{ row: 1, column: null, code: 'invalid_encoding' }]);
    expect(summary.encoding).toBeNull();
  });

  it('reports an empty file', async () => {
    const { items } = await readAll(Readable.from([]));
    expect(problems(items)).toEqual([{ row: 1, column: null, code: 'empty_file' }]);
  });

  it('reports byte progress', async () => {
    const bytes = Buffer.from(`${HEADER}\n${line(1)}\n`);
    const seen: number[] = [];
    await readAll(streamOf(bytes, 50), { onProgress: (n) => seen.push(n) });
    expect(seen.at(-1)).toBe(bytes.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('reads the 20,000-row dev sample: all valid', async () => {
    const { summary } = await readAll(createReadStream('/work/shared/data/matching-dev/alumni.csv'));
    expect(summary).toEqual(
      expect.objectContaining({ rows: 20000, valid: 20000, invalid: 0, encoding: 'utf-8' }),
    );
  });
});
