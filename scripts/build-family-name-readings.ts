/*
 * Builds config/family-name-readings.json: every surname (人名・姓) entry of the IPADIC dictionary that
 * kuromoji bundles, grouped by its reading. Matching uses it the other way round from the dictionary: an
 * applicant writes a surname in romaji or kana, and the registry may hold it only in kanji (a former surname,
 * a record without kana): the table says which kanji to look up. Re-run after upgrading @sglkc/kuromoji:
 *
 *   npx tsx scripts/build-family-name-readings.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as kuromoji from '@sglkc/kuromoji';

interface TokenInfo {
  target_map: Record<number, number[]>;
  getFeatures(id: string): string;
}

const dicPath = join(dirname(require.resolve('@sglkc/kuromoji/package.json')), 'dict');
kuromoji.builder({ dicPath }).build((err, tokenizer) => {
  if (err) throw err;
  const info = (tokenizer as unknown as { viterbi_builder: { token_info_dictionary: TokenInfo } })
    .viterbi_builder.token_info_dictionary;
  const byReading = new Map<string, Set<string>>();
  for (const ids of Object.values(info.target_map)) {
    for (const id of ids) {
      // surface,pos,pos1,pos2,pos3,ctype,cform,base,reading,pronunciation
      const f = info.getFeatures(String(id)).split(',');
      const [surface, pos, , kind, role, , , , reading] = f;
      if (pos !== '名詞' || kind !== '人名' || role !== '姓' || !reading || reading === '*') continue;
      if (!/\p{Script=Han}/u.test(surface)) continue;
      const set = byReading.get(reading) ?? new Set<string>();
      set.add(surface);
      byReading.set(reading, set);
    }
  }
  const table = Object.fromEntries(
    [...byReading.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([reading, surfaces]) => [reading, [...surfaces].sort()]),
  );
  const out = join(__dirname, '..', 'config', 'family-name-readings.json');
  writeFileSync(out, `${JSON.stringify(table)}\n`);
  const surfaces = Object.values(table).reduce((n, s) => n + s.length, 0);
  process.stdout.write(`${String(surfaces)} surnames under ${String(byReading.size)} readings: ${out}\n`);
});
