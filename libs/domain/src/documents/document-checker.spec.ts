import { DocumentChecker } from './document-checker';
import { DOCUMENT_PROBLEM_CODES, jsonPointer, problemMessage } from './document-problems';

function check(run: (c: DocumentChecker) => unknown): { value: unknown; problems: string[] } {
  const c = new DocumentChecker();
  const value = run(c);
  return { value, problems: c.problems.map((p) => `${p.path}:${p.code}`) };
}

describe('jsonPointer', () => {
  it.each<[(string | number)[], string]>([
    [[], ''],
    [['rules', 'minTenureMonths', 'months'], '/rules/minTenureMonths/months'],
    [['overrides', 0, 'rules'], '/overrides/0/rules'],
    [['tiers', 'light', 'jobOverrides', 'jobs/7', 0], '/tiers/light/jobOverrides/jobs~17/0'],
    [['a~b'], '/a~0b'],
  ])('%j → %s', (path, expected) => {
    expect(jsonPointer(path)).toBe(expected);
  });
});

describe('DocumentChecker', () => {
  it('reports one problem per value, with pointer, code and a message in English and Japanese', () => {
    const c = new DocumentChecker();
    c.number('36', ['rules', 0, 'minTenureMonths'], { min: 0, max: 600 });
    expect(c.problems).toEqual([
      {
        path: '/rules/0/minTenureMonths',
        code: 'type',
        message: 'Expected a number, got a string.',
        messages: {
          en: 'Expected a number, got a string.',
          ja: '数値を指定してください（指定された値: 文字列）。',
        },
      },
    ]);
    expect(problemMessage(c.problems[0], 'ja')).toBe(c.problems[0].messages.ja);
    expect(c.hasProblems).toBe(true);
  });

  it.each<[string, (c: DocumentChecker) => unknown, unknown, string[]]>([
    ['number ok', (c) => c.number(3, ['n'], { min: 0, max: 5 }), 3, []],
    ['number missing', (c) => c.number(undefined, ['n'], { min: 0, max: 5 }), null, ['/n:required']],
    ['number NaN', (c) => c.number(NaN, ['n'], { min: 0, max: 5 }), null, ['/n:type']],
    // Integer before range: a fractional value out of range reports only `integer`.
    ['fraction', (c) => c.integer(6.5, ['n'], 0, 5), null, ['/n:integer']],
    ['out of range', (c) => c.integer(6, ['n'], 0, 5), null, ['/n:range']],
    ['boolean missing', (c) => c.boolean(undefined, ['b']), null, ['/b:required']],
    ['boolean as string', (c) => c.boolean('yes', ['b']), null, ['/b:type']],
    ['enum ok', (c) => c.oneOf('warn', ['s'], ['warn', 'fail']), 'warn', []],
    ['enum bad', (c) => c.oneOf('block', ['s'], ['warn', 'fail']), null, ['/s:enum']],
    ['enum missing', (c) => c.oneOf(undefined, ['s'], ['warn', 'fail']), null, ['/s:required']],
    ['numeric enum', (c) => c.oneOf(2, ['version'], [1]), null, ['/version:enum']],
    ['text blank', (c) => c.text('  ', ['t'], 10), null, ['/t:empty']],
    ['text long', (c) => c.text('x'.repeat(11), ['t'], 10), null, ['/t:too_long']],
    ['text number', (c) => c.text(1, ['t'], 10), null, ['/t:type']],
    [
      'list duplicate by key',
      (c) => c.textList(['A', 'a'], ['l'], { nonEmpty: true, max: 10, key: (s) => s.toLowerCase() }),
      null,
      ['/l/1:duplicate'],
    ],
    ['list empty', (c) => c.textList([], ['l'], { nonEmpty: true, max: 10 }), null, ['/l:empty']],
    ['list ok', (c) => c.textList([], ['l'], { nonEmpty: false, max: 10 }), [], []],
    ['root not an object', (c) => c.object([], [], ['a']), null, [':type']],
    ['root missing', (c) => c.object(undefined, [], ['a']), null, [':required']],
    ['section missing', (c) => c.object(undefined, ['privacy'], ['a']), null, ['/privacy:required']],
    [
      'unknown and required keys',
      (c) => c.object({ a: 1, typo: 2 }, ['x'], ['a', 'b'], ['a', 'b']),
      { a: 1, typo: 2 },
      ['/x/typo:unknown_key', '/x/b:required'],
    ],
  ])('%s', (_name, run, value, problems) => {
    expect(check(run)).toEqual({ value, problems });
  });

  it('has an English and a Japanese message for every problem it raises', () => {
    const c = new DocumentChecker();
    c.object({ z: 1 }, [], ['a'], ['a']);
    c.text('', ['t'], 5);
    c.textList(['x', 'x'], ['l'], { nonEmpty: true, max: 5 });
    c.integer(1.5, ['i'], 0, 1);
    c.number(9, ['n'], { min: 0, max: 1 });
    c.oneOf('q', ['e'], ['a']);
    c.boolean(1, ['b']);
    for (const p of c.problems) {
      expect(DOCUMENT_PROBLEM_CODES).toContain(p.code);
      expect(p.message).toBe(p.messages.en);
      expect(p.messages.en).toMatch(/[A-Za-z]/);
      expect(p.messages.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(c.problems).toHaveLength(8);
  });
});
