/*
 * Builds config/family-name-readings.json and config/given-name-readings.json: every surname (人名・姓) and
 * given-name (人名・名) entry of the IPADIC dictionary that kuromoji bundles, grouped by its reading.
 * Matching needs them without loading the dictionary (~250 MB): an applicant writes a surname in romaji or
 * kana while the registry holds it only in kanji (a former surname, a record without kana), so the surname
 * table says which kanji to look up; and a record without kana is indexed under its given name's readings, so
 * the given-name table says how that kanji may be read. Re-run after upgrading @sglkc/kuromoji:
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
    }
  }
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
