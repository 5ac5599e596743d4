import { Injectable, Logger } from '@nestjs/common';
import { dirname, join } from 'node:path';
import * as kuromoji from '@sglkc/kuromoji';
import { nameSkeleton } from '@comeback/domain';
import familyNameReadings from '../../../../config/family-name-readings.json';
import givenNameReadings from '../../../../config/given-name-readings.json';

type Role = 'family' | 'given';

interface Dictionary {
  trie: { lookup(key: string): number };
  tokenInfo: { target_map: Record<number, number[]>; getFeatures(id: string): string };
  tokenize(text: string): { surface_form: string; reading?: string }[];
}

const MAX_READINGS = 6;
const MEMO_LIMIT = 50_000;

/**
 * Candidate readings (katakana) of a name written in kanji only, from the IPADIC dictionary bundled with
 * kuromoji: every reading of the exact surface (人名 姓/名 entries first: 上田 → ウエダ, カミダ …), else the
 * readings of its parts combined (桜浦 → サクラウラ). They are guesses: scoring gives them less weight than a
 * reading HR recorded and never lets one decide an automatic match alone (see derivedWeight in the domain).
 * The dictionary (~2 s of CPU, ~250 MB) is loaded once per process on first use, never at start-up: most
 * processes (the api serving pages, workers writing back, the CLI, every test that boots Nest) never match.
 */
@Injectable()
export class NameReadingService {
  private readonly log = new Logger(NameReadingService.name);
  private loading: Promise<Dictionary | null> | null = null;
  private dict: Dictionary | null = null;
  private readonly memo = new Map<string, readonly string[]>();

  /** Resolves once the dictionary is loaded (or failed to load: then no readings are derived). */
  ready(): Promise<void> {
    this.loading ??= load().then(
      (d) => (this.dict = d),
      (err: unknown) => {
        this.log.warn(`name reading dictionary unavailable: ${String(err)}`);
        return null;
      },
    );
    return this.loading.then(() => undefined);
  }

  private surfacesBySkeleton: Map<string, readonly string[]> | null = null;

  /**
   * Kanji surnames read with this romaji skeleton (config/family-name-readings.json, built from the same
   * dictionary by scripts/build-name-readings.ts): a small table, grouped on first use.
   */
  familySurfaces = (skeleton: string): readonly string[] => {
    this.surfacesBySkeleton ??= groupBySkeleton(familyNameReadings);
    return this.surfacesBySkeleton.get(skeleton) ?? [];
  };

  private readingsByGivenSurface: Map<string, readonly string[]> | null = null;

  /**
   * Readings of a given name in kanji from config/given-name-readings.json (same dictionary, same script):
   * available without loading the dictionary, so imports can index records kept without kana.
   */
  givenNameReadings = (kanji: string): readonly string[] => {
    this.readingsByGivenSurface ??= invert(givenNameReadings);
    return this.readingsByGivenSurface.get(kanji) ?? [];
  };

  /** Synchronous once ready(): [] before, or for text the dictionary cannot read. */
  readings = (text: string, role: Role): readonly string[] => {
    const d = this.dict;
    if (!d || !text) return [];
    const key = `${role}\u0000${text}`;
    const known = this.memo.get(key);
    if (known) return known;
    const out = exactReadings(d, text, role);
    if (out.length === 0) out.push(...composedReadings(d, text, role));
    const result = Object.freeze(out.slice(0, MAX_READINGS));
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, result);
    return result;
  };
}

function groupBySkeleton(byReading: Record<string, string[]>): Map<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const [reading, surfaces] of Object.entries(byReading)) {
    const skeleton = nameSkeleton(reading);
    if (!skeleton) continue;
    const list = out.get(skeleton) ?? [];
    for (const s of surfaces) if (!list.includes(s)) list.push(s);
    out.set(skeleton, list);
  }
  return out;
}

function invert(byReading: Record<string, string[]>): Map<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const [reading, surfaces] of Object.entries(byReading)) {
    for (const s of surfaces) {
      const list = out.get(s) ?? [];
      list.push(reading);
      out.set(s, list);
    }
  }
  return out;
}

function load(): Promise<Dictionary> {
  const dicPath = join(dirname(require.resolve('@sglkc/kuromoji/package.json')), 'dict');
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, tokenizer) => {
      if (err) return reject(err);
      // The public API only gives the best path; every reading of a surface sits in the trie and token table.
      const internals = tokenizer as unknown as {
        viterbi_builder: { trie: Dictionary['trie']; token_info_dictionary: Dictionary['tokenInfo'] };
      };
      resolve({
        trie: internals.viterbi_builder.trie,
        tokenInfo: internals.viterbi_builder.token_info_dictionary,
        tokenize: (t) => tokenizer.tokenize(t),
      });
    });
  });
}

/** Readings of the exact surface, person-name entries of the right kind first. */
function exactReadings(d: Dictionary, text: string, role: Role): string[] {
  const id = d.trie.lookup(text);
  if (id < 0) return [];
  const wanted = role === 'family' ? '姓' : '名';
  const ranked: [number, string][] = [];
  for (const tokenId of d.tokenInfo.target_map[id] ?? []) {
    // surface,pos,pos1,pos2,pos3,ctype,cform,base,reading,pronunciation
    const f = d.tokenInfo.getFeatures(String(tokenId)).split(',');
    const reading = f[8];
    if (!reading || reading === '*' || f[1] !== '名詞') continue;
    const rank = f[3] === '人名' ? (f[4] === wanted ? 0 : 1) : 2;
    ranked.push([rank, reading]);
  }
  ranked.sort((a, b) => a[0] - b[0]);
  return [...new Set(ranked.map(([, r]) => r))];
}

/** A name the dictionary lacks: the best path's reading, and each two-part cut's part readings combined. */
function composedReadings(d: Dictionary, text: string, role: Role): string[] {
  const out: string[] = [];
  const best = d.tokenize(text);
  if (best.length > 0 && best.every((t) => t.reading && t.reading !== '*'))
    out.push(best.map((t) => t.reading).join(''));
  const chars = Array.from(text);
  for (let cut = 1; cut < chars.length && out.length < MAX_READINGS; cut++) {
    const head = exactReadings(d, chars.slice(0, cut).join(''), role).slice(0, 3);
    const tail = exactReadings(d, chars.slice(cut).join(''), role).slice(0, 3);
    for (const h of head) for (const t of tail) out.push(h + t);
  }
  return [...new Set(out)];
}
