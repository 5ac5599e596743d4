// A coarse performance trend (above / at / below expectations) from raw ratings, for viewers who may not see them.
import type { BilingualText, PerformanceDirection, PerformanceLevel } from './briefing.types';

const LETTER: Readonly<Record<string, PerformanceLevel>> = {
  S: 'above',
  A: 'above',
  B: 'at',
  C: 'below',
  D: 'below',
  E: 'below',
};
const WORDS: Readonly<Record<string, PerformanceLevel>> = {
  exceeds: 'above',
  exceeded: 'above',
  outstanding: 'above',
  meets: 'at',
  met: 'at',
  below: 'below',
  unsatisfactory: 'below',
};
const RANK: Readonly<Record<PerformanceLevel, number>> = { below: 0, at: 1, above: 2, unknown: -1 };

/** S/A/B/C/D letters, 1–5 numbers or exceeds/meets/below words; anything else is `unknown`. */
export function performanceLevel(rating: string): PerformanceLevel {
  const r = rating.trim().normalize('NFKC');
  const letter = LETTER[r.replace(/[+-]$/, '').toUpperCase()];
  if (letter) return letter;
  const n = Number(r);
  if (r !== '' && Number.isFinite(n) && n >= 1 && n <= 5) return n >= 4 ? 'above' : n >= 3 ? 'at' : 'below';
  return WORDS[r.toLowerCase()] ?? 'unknown';
}

const LEVEL_TEXT: Readonly<Record<PerformanceLevel, BilingualText>> = {
  above: { en: 'Above expectations', ja: '期待以上' },
  at: { en: 'At expectations', ja: '期待どおり' },
  below: { en: 'Below expectations', ja: '期待を下回る' },
  unknown: { en: 'No performance record', ja: '評価の記録なし' },
};
const DIRECTION_TEXT: Readonly<Record<PerformanceDirection, BilingualText>> = {
  improving: { en: 'improving', ja: '上昇傾向' },
  steady: { en: 'steady', ja: '安定' },
  declining: { en: 'declining', ja: '低下傾向' },
};

export function performanceTrend(ratings: readonly { year: number; rating: string }[]): {
  level: PerformanceLevel;
  direction: PerformanceDirection | null;
  text: BilingualText;
} {
  const levels = [...ratings]
    .sort((a, b) => a.year - b.year)
    .map((r) => performanceLevel(r.rating))
    .filter((l) => l !== 'unknown');
  const level = levels.at(-1) ?? 'unknown';
  const previous = levels.at(-2);
  const direction: PerformanceDirection | null =
    previous === undefined
      ? null
      : RANK[level] > RANK[previous]
        ? 'improving'
        : RANK[level] < RANK[previous]
          ? 'declining'
          : 'steady';
  const t = LEVEL_TEXT[level];
  const text = direction
    ? { en: `${t.en} (${DIRECTION_TEXT[direction].en})`, ja: `${t.ja}（${DIRECTION_TEXT[direction].ja}）` }
    : t;
  return { level, direction, text };
}
