/*
 * Builds config/family-name-readings.json and config/given-name-readings.json: every surname (人名・姓) and
 * given-name (人名・名) entry of the IPADIC dictionary that kuromoji bundles, grouped by its reading.
 * Matching needs them without loading the dictionary (~250 MB): an applicant writes a surname in romaji or
 * kana while the registry holds it only in kanji (a former surname, a record without kana), so the surname
 * table says which kanji to look up; and a record without kana is indexed under its given name's readings, so
 * the given-name table says how that kanji may be read. Names neither table lists (竹江, 雄志: composed, rare) are read
 * kanji by kanji: config/kanji-name-readings.json says how each kanji reads inside names, learnt by aligning every
 * multi-kanji name entry with its reading (竹内 タケウチ, 竹下 タケシタ … → 竹 タケ), not from the dictionary's own
 * one-kanji entries, which read 部 as ブ and 吾 as ワレ. Re-run after upgrading @sglkc/kuromoji:
 *
 *   npx tsx scripts/build-name-readings.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as kuromoji from '@sglkc/kuromoji';

interface TokenInfo {
  target_map: Record<number, number[]>;
  getFeatures(id: string): string;
}

const TABLES = [
  { role: '姓', file: 'family-name-readings.json', what: 'surnames' },
  { role: '名', file: 'given-name-readings.json', what: 'given names' },
] as const;

const dicPath = join(dirname(require.resolve('@sglkc/kuromoji/package.json')), 'dict');
kuromoji.builder({ dicPath }).build((err, tokenizer) => {
  if (err) throw err;
  const info = (tokenizer as unknown as { viterbi_builder: { token_info_dictionary: TokenInfo } })
    .viterbi_builder.token_info_dictionary;
  const byRole = new Map<string, Map<string, Set<string>>>(TABLES.map((t) => [t.role, new Map()]));
  const entries: NameEntry[] = [];
  for (const ids of Object.values(info.target_map)) {
    for (const id of ids) {
      // surface,pos,pos1,pos2,pos3,ctype,cform,base,reading,pronunciation
      const [surface, pos, , kind, role, , , , reading] = info.getFeatures(String(id)).split(',');
      const byReading = byRole.get(role);
      if (!byReading || pos !== '名詞' || kind !== '人名' || !reading || reading === '*') continue;
      if (!/\p{Script=Han}/u.test(surface)) continue;
      const set = byReading.get(reading) ?? new Set<string>();
      set.add(surface);
      byReading.set(reading, set);
      entries.push({ surface, reading, role: role as NameEntry['role'] });
    }
  }
  writeKanjiReadings(entries);
  for (const { role, file, what } of TABLES) {
    const byReading = byRole.get(role)!;
    const table = Object.fromEntries(
      [...byReading.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([reading, surfaces]) => [reading, [...surfaces].sort()]),
    );
    const out = join(__dirname, '..', 'config', file);
    writeFileSync(out, `${JSON.stringify(table)}\n`);
    const surfaces = Object.values(table).reduce((n, s) => n + s.length, 0);
    process.stdout.write(`${String(surfaces)} ${what} under ${String(byReading.size)} readings: ${out}\n`);
  }
});

interface NameEntry {
  surface: string;
  reading: string;
  role: '姓' | '名';
}

/** How often a kanji reads this way inside names, per role; a reading needs this many names to count. */
const MIN_NAMES_PER_READING = 2;
const READINGS_PER_KANJI = 4;
/** Kana that cannot start a kanji's reading (they belong to the mora before). */
const NOT_A_START = new Set([...'ャュョァィゥェォヮッンー']);

/**
 * Splits of a reading into `parts` non-empty pieces, one per kanji, cut only where a new mora may start
 * (タケウチ → タ|ケウチ, タケ|ウチ, タケウ|チ).
 */
function splits(reading: string, parts: number): string[][] {
  const chars = Array.from(reading);
  const out: string[][] = [];
  const walk = (from: number, acc: string[]): void => {
    if (acc.length === parts - 1) {
      if (from < chars.length && !NOT_A_START.has(chars[from]))
        out.push([...acc, chars.slice(from).join('')]);
      return;
    }
    for (let end = from + 1; end < chars.length; end++) {
      if (NOT_A_START.has(chars[from]) || NOT_A_START.has(chars[end])) continue;
      walk(end, [...acc, chars.slice(from, end).join('')]);
    }
  };
  walk(0, []);
  return out;
}

/**
 * Expectation–maximisation over the alignments: every split of every name entry of two to four kanji starts
 * equally likely; each round weighs a split by how often its pieces read those kanji elsewhere, then recounts.
 * Four rounds settle it (竹 タケ gathers the weight of 竹内, 竹下, 竹田 …, while タ|ケウチ finds no support).
 */
function writeKanjiReadings(entries: NameEntry[]): void {
  const usable = entries.filter((e) => {
    const n = Array.from(e.surface).length;
    return n >= 2 && n <= 4 && /^\p{Script=Han}+$/u.test(e.surface);
  });
  const aligned = usable.map((e) => ({
    e,
    kanji: Array.from(e.surface),
    options: splits(e.reading, Array.from(e.surface).length),
  }));
  const key = (role: string, kanji: string, reading: string): string =>
    `${role}\u0000${kanji}\u0000${reading}`;
  let counts = new Map<string, number>();
  const support = new Map<string, Set<string>>();
  for (let round = 0; round < 5; round++) {
    const next = new Map<string, number>();
    for (const { e, kanji, options } of aligned) {
      if (options.length === 0) continue;
      const weights = options.map((o) =>
        round === 0
          ? 1
          : o.reduce((w, piece, i) => w * ((counts.get(key(e.role, kanji[i], piece)) ?? 0) + 0.01), 1),
      );
      const total = weights.reduce((a, b) => a + b, 0);
      options.forEach((o, j) => {
        const share = weights[j] / total;
        o.forEach((piece, i) => {
          const k = key(e.role, kanji[i], piece);
          next.set(k, (next.get(k) ?? 0) + share);
          if (share > 0.5) (support.get(k) ?? support.set(k, new Set()).get(k)!).add(e.surface);
        });
      });
    }
    counts = next;
    if (round < 4) support.clear();
  }
  const table: Record<'family' | 'given', Record<string, [string, number][]>> = { family: {}, given: {} };
  const byKanji = new Map<string, [string, number][]>();
  for (const [k, c] of counts) {
    if ((support.get(k)?.size ?? 0) < MIN_NAMES_PER_READING) continue;
    const [role, kanji, reading] = k.split('\u0000');
    const list = byKanji.get(`${role}\u0000${kanji}`) ?? [];
    list.push([reading, c]);
    byKanji.set(`${role}\u0000${kanji}`, list);
  }
  for (const [rk, list] of [...byKanji.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [role, kanji] = rk.split('\u0000');
    const total = list.reduce((n, [, c]) => n + c, 0);
    const top = list
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, READINGS_PER_KANJI)
      .map(([r, c]): [string, number] => [r, Math.round((c / total) * 100) / 100]);
    table[role === '姓' ? 'family' : 'given'][kanji] = top;
  }
  const out = join(__dirname, '..', 'config', 'kanji-name-readings.json');
  writeFileSync(out, `${JSON.stringify(table)}\n`);
  process.stdout.write(
    `${String(Object.keys(table.family).length)} kanji in surnames, ${String(Object.keys(table.given).length)} in given names: ${out}\n`,
  );
}
