import {
  alumnusFrequencyKeys,
  alumnusMatchKeys,
  applicantProbeKeys,
  frequencyKeysForApplicant,
} from './match-keys';
import type { AlumnusIdentity, ApplicantIdentity, MatchContext, MatchStatistics } from './match-types';

/** Test support (not a spec): a small registry with realistic name frequencies and an in-memory key index. */
export const CTX: MatchContext = { corporateEmailDomains: new Set(['kitaboshi-shoji.co.jp']) };

/** A registry record holding only what `over` gives: no kana, no former surname, birth date or contact. */
export const bareAlumnus = (
  over: Partial<AlumnusIdentity> & Pick<AlumnusIdentity, 'employeeNumber' | 'familyName' | 'givenName'>,
): AlumnusIdentity => ({
  familyNameKana: null,
  givenNameKana: null,
  previousFamilyNames: [],
  birthDate: null,
  emails: [],
  phones: [],
  ...over,
});

const FAMILIES: [string, string, number][] = [
  ['佐藤', 'サトウ', 60],
  ['鈴木', 'スズキ', 50],
  ['高橋', 'タカハシ', 45],
  ['田中', 'タナカ', 40],
  ['伊藤', 'イトウ', 35],
  ['渡辺', 'ワタナベ', 30],
  ['山本', 'ヤマモト', 25],
  ['中村', 'ナカムラ', 25],
  ['小林', 'コバヤシ', 20],
  ['加藤', 'カトウ', 20],
  ['山田', 'ヤマダ', 15],
  ['小野', 'オノ', 8],
  ['大野', 'オオノ', 8],
  ['武田', 'タケダ', 10],
  ['松本', 'マツモト', 12],
];
const GIVENS: [string, string, number][] = [
  ['健', 'ケン', 20],
  ['翔太', 'ショウタ', 15],
  ['陽子', 'ヨウコ', 15],
  ['大輔', 'ダイスケ', 15],
  ['恵', 'メグミ', 15],
  ['太郎', 'タロウ', 10],
  ['花子', 'ハナコ', 10],
  ['美咲', 'ミサキ', 10],
  ['誠', 'マコト', 10],
  ['愛', 'アイ', 10],
  ['裕子', 'ユウコ', 8],
  ['直樹', 'ナオキ', 8],
  ['由美', 'ユミ', 8],
  ['拓也', 'タクヤ', 8],
  ['彩', 'アヤ', 8],
];

function expand(table: [string, string, number][]): [string, string][] {
  return table.flatMap(([n, k, w]) => Array.from({ length: w }, (): [string, string] => [n, k]));
}

/** Deterministic filler: every family/given combination drawn by a simple LCG, with unique contacts. */
export function fillerAlumni(count: number): AlumnusIdentity[] {
  const fam = expand(FAMILIES);
  const giv = expand(GIVENS);
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const [f, fk] = fam[next(fam.length)];
    const [g, gk] = giv[next(giv.length)];
    const day = String(1 + (i % 28)).padStart(2, '0');
    return {
      employeeNumber: `F${String(i).padStart(6, '0')}`,
      familyName: f,
      givenName: g,
      familyNameKana: fk,
      givenNameKana: gk,
      previousFamilyNames: [],
      birthDate: `${1960 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${day}`,
      emails: [`filler${i}@example.net`, `filler${i}@kitaboshi-shoji.co.jp`],
      phones: [`080-${String(1000 + (i % 9000))}-${String(1000 + i).slice(-4)}`],
    };
  });
}

export interface Registry {
  alumni: AlumnusIdentity[];
  candidatesFor(p: ApplicantIdentity): AlumnusIdentity[];
  statsFor(p: ApplicantIdentity): MatchStatistics;
}

/** What the DB layer does: index keys and count frequency keys, then look up by probe keys. */
export function buildRegistry(alumni: AlumnusIdentity[]): Registry {
  const index = new Map<string, AlumnusIdentity[]>();
  const freq = new Map<string, number>();
  for (const a of alumni) {
    for (const k of alumnusMatchKeys(a, CTX)) index.set(k, [...(index.get(k) ?? []), a]);
    for (const k of alumnusFrequencyKeys(a)) freq.set(k, (freq.get(k) ?? 0) + 1);
  }
  return {
    alumni,
    candidatesFor: (p) => {
      const found = new Set<AlumnusIdentity>();
      for (const k of applicantProbeKeys(p, CTX)) for (const a of index.get(k) ?? []) found.add(a);
      return [...found];
    },
    statsFor: (p) => {
      const wanted = new Map(frequencyKeysForApplicant(p).map((k) => [k, freq.get(k) ?? 0]));
      return { alumniCount: alumni.length, frequency: (k) => wanted.get(k) ?? 0 };
    },
  };
}
