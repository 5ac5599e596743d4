// Fuzzing the JSON policy documents (eligibility and fairness drafts) and the registry CSV import:
// 10,000+ generated inputs each against the real api. Never a 5xx.
import fc from 'fast-check';
import { Agent, request } from 'undici';
import { csvUpload, http, startApi, type Harness } from '../support/api-harness';
import { REGISTRY_HEADER } from '../support/pipeline-stack';
import { mutatedJson, nastyString, pool } from './fuzz-kit';

jest.setTimeout(180_000);

// At least 10,000 per surface (shared/spec/security.md); FUZZ_RUNS may raise it, never below for CI.
const RUNS = Math.max(10_000, Number(process.env.FUZZ_RUNS ?? 0));

describe('fuzz: policy documents and registry imports', () => {
  let api: Harness;
  let hr: string;
  const agent = new Agent({ connections: 8 });

  beforeAll(async () => {
    api = await startApi();
    hr = (await api.tenant('fuzz-docs')).token('hr_admin');
  });
  afterAll(async () => {
    await agent.close();
    await api?.close();
  });

  async function post(path: string, json: unknown): Promise<number> {
    const res = await request(`${api.baseUrl}${path}`, {
      method: 'POST',
      body: JSON.stringify(json) ?? 'null',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${hr}` },
      dispatcher: agent,
    });
    await res.body.text();
    return res.statusCode;
  }

  it.each([
    ['eligibility', '/api/v1/eligibility/policies'],
    ['fairness', '/api/v1/offers/fairness-policies'],
  ])(
    `%s: ${RUNS} mutated documents (validate; every 50th saved as a draft) without a 5xx`,
    async (_kind, base) => {
      const active = await http(api.baseUrl, 'GET', `${base}/active`, { token: hr });
      expect(active.status).toBe(200);
      const seed = active.body.document;
      const samples = fc.sample(mutatedJson(seed), { numRuns: RUNS, seed: 7 });
      const failures: string[] = [];
      await pool(samples, 8, async (doc, i) => {
        const status =
          i % 50 === 0
            ? await post(base, { document: doc, comment: 'fuzz' })
            : await post(`${base}/validate`, { document: doc });
        if (status >= 500) failures.push(`${status} ${JSON.stringify(doc)?.slice(0, 300)}`);
      });
      expect(failures.slice(0, 5)).toEqual([]);
    },
  );

  it(`registry import: ${RUNS} generated rows in 100 files (fields mutated, bytes spliced) without a 5xx`, async () => {
    const valid = [
      'N1',
      '新井',
      '花子',
      'アライ',
      'ハナコ',
      '',
      '1990-01-01',
      'hanako@example.jp',
      '',
      '2015-04-01',
      '2020-03-31',
      'childcare',
      'yes',
      '人事部',
      '担当',
      'G2',
      '',
      '',
      '',
      'false',
    ];
    const row = fc
      .tuple(
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), nastyString), { maxLength: 3 }),
        fc.nat({ max: 99_999 }),
      )
      .map(([edits, n]) => {
        const fields = [...valid];
        fields[0] = `F${n}`;
        for (const [at, v] of edits) fields[at] = v;
        return fields.map((f) => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
      });
    const file = fc.tuple(
      fc.array(row, { minLength: 100, maxLength: 100 }),
      fc.constantFrom('plain', 'bom', 'crlf', 'spliced', 'noheader'),
      fc.uint8Array({ maxLength: 6 }),
      fc.constantFrom('all-or-nothing', 'valid-rows'),
    );
    const files = fc.sample(file, { numRuns: RUNS / 100, seed: 11 });
    const failures: string[] = [];
    await pool(files, 4, async ([rows, how, bytes, mode]) => {
      let text = `${how === 'noheader' ? '' : `${REGISTRY_HEADER}\n`}${rows.join(how === 'crlf' ? '\r\n' : '\n')}\n`;
      if (how === 'bom') text = `\ufeff${text}`;
      let buf = Buffer.from(text, 'utf8');
      if (how === 'spliced')
        buf = Buffer.concat([
          buf.subarray(0, buf.length >> 1),
          Buffer.from(bytes),
          buf.subarray(buf.length >> 1),
        ]);
      const res = await http(api.baseUrl, 'POST', `/api/v1/registry/imports?mode=${mode}`, {
        token: hr,
        body: csvUpload(buf),
      });
      if (res.status >= 500)
        failures.push(`${res.status} ${res.text.slice(0, 200)} ${buf.toString('utf8').slice(0, 300)}`);
    });
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
